import { describe, expect, it } from 'vitest';
import { CertificateSet, nameMatches, type LoadedCertificate } from '../../src/tls/certificates.js';

const cert = (names: string[]): LoadedCertificate => ({ names, certFile: names[0] }) as unknown as LoadedCertificate;

describe('SNI name matching', () => {
  it('matches a name exactly, and a wildcard over exactly one more label', () => {
    expect(nameMatches('api.example.com', 'api.example.com')).toBe(true);
    expect(nameMatches('*.example.com', 'api.example.com')).toBe(true);
    expect(nameMatches('*.example.com', 'example.com')).toBe(false);
    expect(nameMatches('*.example.com', 'a.b.example.com')).toBe(false);
    expect(nameMatches('*.example.com', '.example.com')).toBe(false);
    expect(nameMatches('api.example.com', 'www.example.com')).toBe(false);
  });

  it('picks the first certificate whose names match (any case), and the first certificate when none does or no name was sent', () => {
    const set = new CertificateSet([cert(['api.test']), cert(['*.shop.test', 'shop.test']), cert(['x.shop.test'])]);
    expect(set.select('API.TEST').certFile).toBe('api.test');
    expect(set.select('shop.test').certFile).toBe('*.shop.test');
    expect(set.select('x.shop.test').certFile).toBe('*.shop.test');
    expect(set.select('other.test').certFile).toBe('api.test');
    expect(set.select(undefined).certFile).toBe('api.test');
  });
});
