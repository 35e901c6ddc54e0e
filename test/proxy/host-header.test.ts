import { describe, expect, it } from 'vitest';
import { hostRefusal } from '../../src/proxy/host-header.js';

describe('hostRefusal (RFC 9112 §3.2: an invalid Host is answered 400)', () => {
  it.each(['shop.example.test', 'shop.example.test:8443', '127.0.0.1:8000', '[::1]:8000', '[fe80::1%25eth0]', 'xn--bcher-kva.example', 'localhost', ''])('accepts %j', (host) => {
    expect(hostRefusal(host)).toBeNull();
  });

  it('accepts a request without Host', () => {
    expect(hostRefusal(undefined)).toBeNull();
  });

  it.each(['shop.example.test:80@evil.example', 'evil.example/shop', 'shop.example.test evil.example', 'shop\\evil', 'shop.example.test:80x', 'a?b', 'a#b'])('refuses %j with WARDEN_PROXY_BAD_HOST', (host) => {
    expect(hostRefusal(host)).toMatchObject({ code: 'WARDEN_PROXY_BAD_HOST', status: 400 });
  });

  it('cuts a long value in the message', () => {
    expect(hostRefusal(`${'a'.repeat(200)}@evil`)?.message.length).toBeLessThan(140);
  });
});
