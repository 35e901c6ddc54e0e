import { describe, expect, it } from 'vitest';
import { CidrList } from '../../src/net/cidr.js';
import { createSourceIdentity, resolveClientIp, resolveClientSource } from '../../src/reputation/source-key.js';
import { resolveReputationConfig } from '../../src/reputation/config.js';
import type { Inspection } from '../../src/inspect/types.js';

const proxies = new CidrList(['10.0.0.0/8', 'fd00::/8']);

function inspectionFrom(ip: string, headers: Record<string, string> = {}): Inspection {
  const headerMap = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { source: { ip, port: 1234, peerIp: ip }, headerMap } as unknown as Inspection;
}

describe('resolveClientIp', () => {
  it('uses the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.9', ['1.1.1.1'], proxies)).toBe('203.0.113.9');
  });

  it('walks X-Forwarded-For right to left, skipping trusted hops', () => {
    expect(resolveClientIp('10.0.0.2', ['6.6.6.6, 198.51.100.7, 10.1.1.1'], proxies)).toBe('198.51.100.7');
  });

  it('never believes entries left of the first untrusted hop (client-written spoof)', () => {
    expect(resolveClientIp('10.0.0.2', ['10.9.9.9, 198.51.100.7'], proxies)).toBe('198.51.100.7');
  });

  it('reads several X-Forwarded-For headers in order, last header nearest', () => {
    expect(resolveClientIp('10.0.0.2', ['198.51.100.7', '10.3.3.3'], proxies)).toBe('198.51.100.7');
  });

  it('stops at a garbage hop and keeps the last verified one', () => {
    expect(resolveClientIp('10.0.0.2', ['1.2.3.4, unknown, 10.5.5.5'], proxies)).toBe('10.5.5.5');
  });

  it('takes the leftmost hop when every hop is a trusted proxy', () => {
    expect(resolveClientIp('10.0.0.2', ['10.7.7.7, 10.8.8.8'], proxies)).toBe('10.7.7.7');
  });

  it('strips ports and brackets, and handles IPv6 hops and IPv4-mapped peers', () => {
    expect(resolveClientIp('::ffff:10.0.0.2', ['[2001:db8::5]:4711, 10.1.1.1:80'], proxies)).toBe('2001:db8::5');
    expect(resolveClientIp('fd00::1', ['2001:DB8::7'], proxies)).toBe('2001:db8::7');
  });

  it('uses the peer when a trusted proxy sent no X-Forwarded-For', () => {
    expect(resolveClientIp('10.0.0.2', [], proxies)).toBe('10.0.0.2');
  });
});

describe('createSourceIdentity', () => {
  const base = resolveReputationConfig({ trustedProxies: ['10.0.0.0/8'], trustedSources: ['192.0.2.0/24', '2001:db8:1::/48'] });

  it('resolves the proxy source from raw headers and the main config proxies too', () => {
    const id = createSourceIdentity(base, ['172.16.0.0/12']);
    const raw = ['Host', 'x', 'X-Forwarded-For', '198.51.100.7', 'x-forwarded-for', '172.16.0.9'];
    expect(id.resolveSource('::ffff:10.0.0.2', 5555, raw)).toEqual({ ip: '198.51.100.7', port: 5555, peerIp: '10.0.0.2' });
    expect(id.peerTrusted('172.16.3.3')).toBe(true);
    expect(id.peerTrusted('8.8.8.8')).toBe(false);
  });

  it('keys IPv4 by address and IPv6 by its /64 network', () => {
    const id = createSourceIdentity(base);
    expect(id.keysOf(inspectionFrom('198.51.100.7')).address).toBe('ip:198.51.100.7');
    expect(id.keysOf(inspectionFrom('2001:db8:5:6:aaaa::1')).address).toBe('ip:2001:db8:5:6::/64');
    expect(id.keysOf(inspectionFrom('2001:db8:5:6:bbbb::2'))).toEqual(id.keysOf(inspectionFrom('2001:db8:5:6:aaaa::1')));
  });

  it('keys by hashed API key when the header is configured and present, never storing the key itself', () => {
    const id = createSourceIdentity(resolveReputationConfig({ keyBy: { apiKeyHeader: 'X-Api-Key' } }));
    const keys = id.keysOf(inspectionFrom('198.51.100.7', { 'x-api-key': 'sk_live_secret' }));
    expect(keys.client).toMatch(/^key:[0-9a-f]{16}$/);
    expect(keys.client).not.toContain('secret');
    expect(keys.address).toBe('ip:198.51.100.7');
    expect(id.keysOf(inspectionFrom('198.51.100.7')).client).toMatch(/^ip:198\.51\.100\.7\|fp:/);
  });

  it('tells clients behind one address apart by user agent, Authorization and session cookie, hashed', () => {
    const id = createSourceIdentity(base);
    const client = (headers: Record<string, string>): string => id.keysOf(inspectionFrom('198.51.100.7', headers)).client;
    const browser = { 'user-agent': 'Mozilla/5.0', cookie: '_ga=GA1.1.1.1; PHPSESSID=abc123' };
    expect(client(browser)).toMatch(/^ip:198\.51\.100\.7\|fp:[0-9a-f]{16}$/);
    expect(client(browser)).not.toBe(client({ ...browser, 'user-agent': 'curl/8' }));
    expect(client(browser)).not.toBe(client({ ...browser, cookie: '_ga=GA1.1.1.1; PHPSESSID=other' }));
    expect(client({ 'user-agent': 'x', authorization: 'Bearer a.b.c' })).not.toBe(client({ 'user-agent': 'x', authorization: 'Bearer d.e.f' }));
    expect(client(browser)).not.toContain('abc123');
  });

  it('keys a caller that access control verified by its identity, whatever the address', () => {
    const id = createSourceIdentity(base);
    const verified = (ip: string, subject: string): Inspection =>
      ({ source: { ip, port: 1, peerIp: ip, identity: { method: 'jwt', subject, scopes: [] } }, headerMap: new Map() }) as unknown as Inspection;
    const a = id.keysOf(verified('198.51.100.7', 'user-42'));
    expect(a.client).toMatch(/^id:[0-9a-f]{16}$/);
    expect(a.client).toBe(id.keysOf(verified('203.0.113.9', 'user-42')).client);
    expect(a.client).not.toBe(id.keysOf(verified('198.51.100.7', 'user-43')).client);
    expect(a.address).toBe('ip:198.51.100.7');
    expect(id.keysOf(verified('198.51.100.7', '')).client).toMatch(/^ip:198\.51\.100\.7\|fp:/);
  });

  it('keeps one client key while analytics and consent cookies come and go within a session', () => {
    const id = createSourceIdentity(base);
    const client = (cookie: string): string => id.keysOf(inspectionFrom('198.51.100.7', { 'user-agent': 'Mozilla/5.0', cookie })).client;
    expect(client('JSESSIONID=s1')).toBe(client('JSESSIONID=s1; _ga=GA1.1.2.3; cookie_consent=yes'));
    expect(client('laravel_session=s1; theme=dark')).toBe(client('theme=light; laravel_session=s1'));
  });

  it('takes configured session cookie names, and keys by address alone without fingerprints', () => {
    const custom = createSourceIdentity(resolveReputationConfig({ keyBy: { sessionCookies: ['Visitor'] } }));
    const a = custom.keysOf(inspectionFrom('198.51.100.7', { cookie: 'visitor=1' })).client;
    expect(a).not.toBe(custom.keysOf(inspectionFrom('198.51.100.7', { cookie: 'visitor=2' })).client);
    const plain = createSourceIdentity(resolveReputationConfig({ keyBy: { fingerprint: false } }));
    expect(plain.keysOf(inspectionFrom('198.51.100.7', { 'user-agent': 'x' }))).toEqual({ client: 'ip:198.51.100.7', address: null });
  });

  it('recognises keys of trusted sources, IPv6 networks included', () => {
    const id = createSourceIdentity(base);
    expect(id.isTrustedKey(id.keysOf(inspectionFrom('192.0.2.44')).client)).toBe(true);
    expect(id.isTrustedKey(id.keysOf(inspectionFrom('2001:db8:1:2::9')).client)).toBe(true);
    expect(id.isTrustedKey(id.keysOf(inspectionFrom('198.51.100.7')).client)).toBe(false);
    expect(id.isTrustedKey('key:0123456789abcdef')).toBe(false);
  });
});

describe('resolveReputationConfig', () => {
  it('fills defaults', () => {
    const c = resolveReputationConfig({});
    expect(c).toMatchObject({ enabled: true, store: 'memory', halfLifeSeconds: 3600, maxEntries: 100000, trustedSources: [] });
    expect(c.redis).toMatchObject({ url: 'redis://127.0.0.1:6379', keyPrefix: 'warden:rep:', timeoutMs: 50 });
    expect(c.keyBy).toEqual({ apiKeyHeader: null, fingerprint: true, sessionCookies: [], ipv6Prefix: 64 });
    expect(c.hostility).toEqual({ minAttacks: 3, minClients: 3, recoveryCleanRequests: 20, establishedClean: 3, minAttackShare: 0.1 });
  });

  it('rejects unknown keys and bad CIDRs with a code and the key path', () => {
    expect(() => resolveReputationConfig({ store: 'disk' })).toThrow(expect.objectContaining({ code: 'WARDEN_REPUTATION_CONFIG_INVALID' }));
    expect(() => resolveReputationConfig({ trustedProxies: ['10.0.0.0/99'] })).toThrow(/reputation\.trustedProxies\[0\]/);
    // One attack can never be enough: the schema refuses minAttacks 1, naming the key.
    expect(() => resolveReputationConfig({ hostility: { minAttacks: 1 } })).toThrow(/reputation\.hostility\.minAttacks/);
    expect(() => resolveReputationConfig({ hostility: { minAttackShare: 2 } })).toThrow(expect.objectContaining({ code: 'WARDEN_REPUTATION_CONFIG_INVALID' }));
  });
});

describe('resolveClientSource', () => {
  it('accepts a predicate over canonical addresses for the trusted proxies', () => {
    const isProxy = (ip: string): boolean => ip === '10.0.0.2' || ip === '10.1.1.1';
    const raw = ['X-Forwarded-For', '198.51.100.7, 10.1.1.1'];
    expect(resolveClientSource('::ffff:10.0.0.2', 80, raw, isProxy)).toEqual({ ip: '198.51.100.7', port: 80, peerIp: '10.0.0.2' });
    expect(resolveClientSource('203.0.113.1', 80, raw, isProxy).ip).toBe('203.0.113.1');
  });
});
