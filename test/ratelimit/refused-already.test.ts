import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { MemoryCounterStore } from '../../src/ratelimit/counter-store.js';
import { compileRateLimitRules, RateLimits, type RateLimitRequest } from '../../src/ratelimit/rate-limits.js';

function limitsOf(rules: Record<string, unknown>[]): RateLimits {
  const config = validateWardenConfig({ rateLimits: { rules } });
  return new RateLimits(compileRateLimitRules(config.rateLimits, { apiKey: true, jwt: true }), new MemoryCounterStore());
}

const get = (url: string, ip: string, extra: Partial<RateLimitRequest> = {}): RateLimitRequest => ({ method: 'GET', url, rawHeaders: [], ip, identity: undefined, ...extra });

describe('a key an identity-free rule already refuses', () => {
  it('is refused again without the store, before any credential is known, for the rest of its window only', async () => {
    const limits = limitsOf([{ id: 'per-ip', match: { pathPrefix: '/api/' }, key: 'ip', limit: 2, windowSeconds: 60 }]);
    // Nothing refused yet: nothing answered early.
    expect(limits.refusedAlready(get('/api/a', '192.0.2.1'))).toBeNull();
    for (let i = 0; i < 2; i++) expect((await limits.check(get('/api/a', '192.0.2.1')))?.limited).toBeNull();
    const refused = await limits.check(get('/api/a', '192.0.2.1'));
    expect(refused?.limited?.spec.id).toBe('per-ip');

    const early = limits.refusedAlready(get('/api/b?x=1', '192.0.2.1'));
    expect(early?.limited).toMatchObject({ spec: { id: 'per-ip' }, key: 'ip=192.0.2.1', count: { limited: true, remaining: 0, consumed: 4 } });
    expect(early!.limited.count.resetMs).toBeGreaterThan(0);
    expect(early!.limited.count.resetMs).toBeLessThanOrEqual(60_000);
    expect(early!.headers).toEqual(['RateLimit-Policy', '"per-ip";q=2;w=60', 'RateLimit', expect.stringMatching(/^"per-ip";r=0;t=\d+$/)]);
    // Another address, or a path the rule does not match: not refused here.
    expect(limits.refusedAlready(get('/api/a', '192.0.2.2'))).toBeNull();
    expect(limits.refusedAlready(get('/static/a', '192.0.2.1'))).toBeNull();
  });

  it('is forgotten once the window lets a request through again', async () => {
    const limits = limitsOf([{ id: 'short', key: 'ip', limit: 1, windowSeconds: 2 }]);
    await limits.check(get('/', '192.0.2.3'));
    expect((await limits.check(get('/', '192.0.2.3')))?.limited).not.toBeNull();
    expect(limits.refusedAlready(get('/', '192.0.2.3'))).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2_100));
    expect(limits.refusedAlready(get('/', '192.0.2.3'))).toBeNull();
    expect((await limits.check(get('/', '192.0.2.3')))?.limited).toBeNull();
  });

  it('never applies to a rule whose key reads a verified identity: the credential decides which counter it is', async () => {
    const limits = limitsOf([{ id: 'per-key', key: ['apiKey', 'ip'], limit: 1, windowSeconds: 60 }]);
    await limits.check(get('/', '192.0.2.4'));
    expect((await limits.check(get('/', '192.0.2.4')))?.limited?.key).toBe('apiKey=-|ip=192.0.2.4');
    // The next request may carry a valid key: counted under its own identity, not refused by the failures'.
    expect(limits.refusedAlready(get('/', '192.0.2.4'))).toBeNull();
  });
});
