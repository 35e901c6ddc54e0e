import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, validateWardenConfig } from '../../src/config/load-config.js';
import { TlsTerminator } from '../../src/tls/terminator.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { quietLog } from '../../src/assemble.js';
import type { TlsConfig } from '../../src/tls/config.js';
import { CertificateDir, type PemPair } from '../helpers/certificates.js';
import { startTestWarden } from '../helpers/warden.js';
import { buildAccessControl } from '../../src/access/access-control.js';

let certs: CertificateDir;
let good: PemPair;
let other: PemPair;

beforeAll(() => {
  certs = new CertificateDir();
  good = certs.selfSigned('good', ['good.test']);
  other = certs.selfSigned('other', ['other.test']);
});
afterAll(() => certs.remove());

function tlsConfig(pairs: PemPair[]): TlsConfig {
  return validateWardenConfig({ tls: { certificates: pairs } }).tls!;
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
}

describe('tls config', () => {
  it('fills in the defaults: TLS 1.2 minimum, HTTP/2 on, bounded HTTP/2 sessions, no HSTS, no mTLS, 14-day expiry warning', () => {
    const c = tlsConfig([good]);
    expect(c).toMatchObject({ minVersion: 'TLSv1.2', http2: true, hsts: null, clientCertificates: null, expiryWarningDays: 14 });
    expect(c.http2Limits).toEqual({ maxConcurrentStreams: 100, maxHeaderListBytes: 32768, maxHeaderPairs: 256, maxSessionMemoryMb: 10 });
    const full = validateWardenConfig({ tls: { certificates: [good], hsts: { maxAgeSeconds: 60 }, clientCertificates: { ca: good.cert } } }).tls!;
    expect(full.hsts).toEqual({ maxAgeSeconds: 60, includeSubDomains: false, preload: false });
    expect(full.clientCertificates).toEqual({ ca: good.cert, require: false });
    expect(validateWardenConfig({}).upstreamTls).toEqual({ ca: null, serverName: null, pinSha256: [], verify: true });
  });

  it('names the bad key: an old TLS version, an empty certificate list, a malformed pin, an unknown key', () => {
    const problems = (raw: unknown): string => {
      try {
        validateWardenConfig(raw);
      } catch (err) {
        expect((err as { code: string }).code).toBe('WARDEN_CONFIG_INVALID');
        return (err as Error).message;
      }
      return '';
    };
    expect(problems({ tls: { certificates: [good], minVersion: 'TLSv1.1' } })).toMatch(/tls\.minVersion: must be one of "TLSv1\.2", "TLSv1\.3"/);
    expect(problems({ tls: { certificates: [] } })).toMatch(/tls\.certificates: must NOT have fewer than 1 items/);
    expect(problems({ tls: { certificates: [{ cert: 'a.pem' }] } })).toMatch(/tls\.certificates\[0\]: missing required key "key"/);
    expect(problems({ upstreamTls: { pinSha256: ['abc'] } })).toMatch(/upstreamTls\.pinSha256\[0\]/);
    expect(problems({ tls: { certificates: [good], ciphers: 'RC4' } })).toMatch(/tls\.ciphers: unknown key/);
  });

  it('resolves certificate paths against the config file and refuses redirectHttp without tls, and upstreamTls with an http upstream', async () => {
    const dir = join(certs.dir, 'conf');
    mkdirSync(join(dir, 'certs'), { recursive: true });
    copyFileSync(good.cert, join(dir, 'certs', 'a.pem'));
    writeFileSync(join(dir, 'warden.yaml'), 'tls:\n  certificates:\n    - { cert: certs/a.pem, key: certs/a.key }\nupstream: https://127.0.0.1:9443\nupstreamTls: { ca: certs/ca.pem }\n');
    const config = await loadConfig(join(dir, 'warden.yaml'));
    expect(config.tls!.certificates[0]).toEqual({ cert: join(dir, 'certs', 'a.pem'), key: join(dir, 'certs', 'a.key') });
    expect(config.upstreamTls.ca).toBe(join(dir, 'certs', 'ca.pem'));

    writeFileSync(join(dir, 'redirect.yaml'), 'redirectHttp: { listen: 127.0.0.1:8080 }\n');
    await expect(loadConfig(join(dir, 'redirect.yaml'))).rejects.toMatchObject({ code: 'WARDEN_CONFIG_INVALID', message: expect.stringMatching(/redirectHttp: needs a tls section/) });
    writeFileSync(join(dir, 'plain.yaml'), 'upstream: http://127.0.0.1:8080\nupstreamTls: { pinSha256: ["47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="] }\n');
    await expect(loadConfig(join(dir, 'plain.yaml'))).rejects.toMatchObject({ code: 'WARDEN_CONFIG_INVALID', message: expect.stringMatching(/upstreamTls: set, but upstream http:\/\/127\.0\.0\.1:8080 is not https/) });
  });
});

describe('certificate files at start-up', () => {
  const open = (pairs: PemPair[], clientCa?: string) => {
    const config = { ...tlsConfig(pairs), clientCertificates: clientCa === undefined ? null : { ca: clientCa, require: false } };
    return TlsTerminator.open(config, quietLog(), new WardenMetrics(false)).then((t) => t.close());
  };

  it('refuses a missing file, a key of another certificate, a file that is not a key or not a certificate, each with its code', async () => {
    expect(await codeOf(open([good]))).toBe('no error');
    expect(await codeOf(open([{ cert: join(certs.dir, 'missing.pem'), key: good.key }]))).toBe('WARDEN_TLS_FILE_UNREADABLE');
    expect(await codeOf(open([{ cert: good.cert, key: join(certs.dir, 'missing.key') }]))).toBe('WARDEN_TLS_FILE_UNREADABLE');
    expect(await codeOf(open([{ cert: good.cert, key: other.key }]))).toBe('WARDEN_TLS_KEY_MISMATCH');
    expect(await codeOf(open([{ cert: good.cert, key: good.cert }]))).toBe('WARDEN_TLS_KEY_INVALID');
    expect(await codeOf(open([{ cert: good.key, key: good.key }]))).toBe('WARDEN_TLS_CERT_INVALID');
    expect(await codeOf(open([good], good.key))).toBe('WARDEN_TLS_CA_INVALID');
  });

  it('stops Warden from starting, with the code, when a pair does not match', async () => {
    await expect(startTestWarden('http://127.0.0.1:9', { model: { enabled: false }, rules: { bundled: false }, tls: { certificates: [{ cert: good.cert, key: other.key }] } })).rejects.toMatchObject({
      code: 'WARDEN_TLS_KEY_MISMATCH',
      message: expect.stringContaining(other.key),
    });
  });
});

describe('client certificates in access rules', () => {
  const access = validateWardenConfig({ access: { routes: [{ match: { pathPrefix: '/admin' }, require: { anyOf: ['clientCertificate'] } }] } }).access;

  it('refuses a route that requires a client certificate when the listener verifies none, naming the key', async () => {
    await expect(buildAccessControl(access, { clientCertificates: false })).rejects.toMatchObject({
      message: expect.stringMatching(/access\.routes\[0\]\.require\.anyOf\[0\].*tls\.clientCertificates is not configured/),
    });
  });

  it('accepts it with tls.clientCertificates, without making a certificate the default requirement elsewhere', async () => {
    const control = (await buildAccessControl(access, { clientCertificates: true }))!;
    try {
      expect(await control.check({ method: 'GET', url: '/public', rawHeaders: [], ip: '127.0.0.1' })).toMatchObject({ allowed: true, identity: null });
      expect(await control.check({ method: 'GET', url: '/admin/x', rawHeaders: [], ip: '127.0.0.1' })).toMatchObject({ allowed: false, reason: 'credential_missing' });
      expect(await control.check({ method: 'GET', url: '/admin/x', rawHeaders: [], ip: '127.0.0.1', clientCertificate: { subject: 'CN=ops' } })).toMatchObject({
        allowed: true,
        identity: { method: 'clientCertificate', subject: 'CN=ops' },
      });
    } finally {
      control.close();
    }
  });
});
