import { describe, expect, it } from 'vitest';
import { compileKey, type KeyedRequest } from '../../src/ratelimit/rule-key.js';
import { rateLimitHeaders, retryAfterSeconds } from '../../src/ratelimit/headers.js';

const req = (extra: Partial<KeyedRequest> = {}): KeyedRequest => ({ method: 'GET', path: '/api/orders', rawHeaders: [], ip: '203.0.113.7', identity: undefined, ...extra });

describe('rate-limit keys', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    const key = compileKey('ip', 64);
    expect(key(req())).toBe('ip=203.0.113.7');
    expect(key(req({ ip: '2001:db8:1:2:aaaa::1' }))).toBe(key(req({ ip: '2001:db8:1:2:bbbb::9' })));
    expect(key(req({ ip: '2001:db8:1:2:aaaa::1' }))).not.toBe(key(req({ ip: '2001:db8:1:3::1' })));
  });

  it('counts verified identities only: an unverified request shares the "-" counter', () => {
    const key = compileKey(['apiKey', 'ip'], 64);
    expect(key(req({ identity: { method: 'apiKey', subject: 'acme', scopes: [] } }))).toBe('apiKey=acme|ip=203.0.113.7');
    expect(key(req())).toBe('apiKey=-|ip=203.0.113.7');
    // A JWT subject is not an API key.
    expect(key(req({ identity: { method: 'jwt', subject: 'acme', scopes: [] } }))).toBe('apiKey=-|ip=203.0.113.7');
    expect(compileKey('clientCert', 64)(req({ identity: { method: 'clientCertificate', subject: 'CN=edge-7', scopes: [] } }))).toBe('clientCert=CN=edge-7');
    expect(compileKey('jwt.sub', 64)(req({ identity: { method: 'jwt', subject: 'user-1', scopes: [] } }))).toBe('jwt.sub=user-1');
  });

  it('reads a header case-insensitively and hashes long or non-ASCII values', () => {
    const key = compileKey('header:X-Tenant', 64);
    expect(key(req({ rawHeaders: ['x-tenant', 'acme'] }))).toBe('header:X-Tenant=acme');
    expect(key(req())).toBe('header:X-Tenant=-');
    const long = key(req({ rawHeaders: ['X-Tenant', 'a'.repeat(5000)] }));
    expect(long).toMatch(/^header:X-Tenant=h:[A-Za-z0-9_-]{22}$/);
    expect(key(req({ rawHeaders: ['X-Tenant', 'tenant with space'] }))).toMatch(/=h:/);
  });

  it('keys route by method and path, and global by nothing', () => {
    expect(compileKey('route', 64)(req())).toBe('route=GET:/api/orders');
    expect(compileKey('global', 64)(req())).toBe(compileKey('global', 64)(req({ ip: '198.51.100.1' })));
  });
});

describe('RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10)', () => {
  const login = { id: 'login', limit: 5, windowSeconds: 60, burst: 0, burstWindowSeconds: 600 };
  const api = { id: 'api', limit: 600, windowSeconds: 60, burst: 0, burstWindowSeconds: 600 };

  it('lists one policy and one state item per rule', () => {
    expect(rateLimitHeaders([login, api], [{ limited: false, remaining: 3, resetMs: 39_200, consumed: 2 }, { limited: false, remaining: 599, resetMs: 60_000, consumed: 1 }])).toEqual([
      'RateLimit-Policy',
      '"login";q=5;w=60, "api";q=600;w=60',
      'RateLimit',
      '"login";r=3;t=40, "api";r=599;t=60',
    ]);
  });

  it('leaves out the state of a rule the store did not count (onStoreDown open or closed)', () => {
    expect(rateLimitHeaders([login], [{ limited: false, remaining: 5, resetMs: 0, consumed: 0, degraded: 'open' }])).toEqual(['RateLimit-Policy', '"login";q=5;w=60']);
  });

  it('says Retry-After in whole seconds, at least one', () => {
    expect(retryAfterSeconds({ limited: true, remaining: 0, resetMs: 39_001, consumed: 9 })).toBe(40);
    expect(retryAfterSeconds({ limited: true, remaining: 0, resetMs: 3, consumed: 9 })).toBe(1);
  });
});
