import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { MemoryCounterStore, type Count } from '../../src/ratelimit/counter-store.js';
import { compileRateLimitRules, RateLimits } from '../../src/ratelimit/rate-limits.js';
import { persistentAbuseOf, refusalTallySpec } from '../../src/ratelimit/persistent-abuse.js';

const spec = { id: 'login', limit: 5, windowSeconds: 60, burst: 0, burstWindowSeconds: 600 };
const defaults = { persistentAbuse: true, after: 1, minRefused: 10 };

function limitsOf(rateLimits: Record<string, unknown>, store = new MemoryCounterStore()): RateLimits {
  const config = validateWardenConfig({ rateLimits });
  return new RateLimits(compileRateLimitRules(config.rateLimits, { apiKey: false, jwt: false }), store);
}

describe('persistent abuse of a rate limit', () => {
  it('tolerates max(after × limit, minRefused) refusals per window, per rule, and can be turned off globally or per rule', () => {
    expect(refusalTallySpec(spec, defaults, undefined)).toEqual({ id: 'login~refused', limit: 10, windowSeconds: 60, burst: 0, burstWindowSeconds: 60 });
    expect(refusalTallySpec({ ...spec, limit: 600 }, { ...defaults, after: 0.5 }, undefined)?.limit).toBe(300);
    expect(refusalTallySpec(spec, { ...defaults, persistentAbuse: false }, undefined)).toBeNull();
    expect(refusalTallySpec(spec, { ...defaults, persistentAbuse: false }, true)).not.toBeNull();
    expect(refusalTallySpec(spec, defaults, false)).toBeNull();
  });

  it('defaults to on, after 1 × limit and at least 10 refusals, in the JSON Schema', () => {
    expect(validateWardenConfig({}).rateLimits.reputation).toEqual(defaults);
    expect(() => validateWardenConfig({ rateLimits: { reputation: { after: -1 } } })).toThrow(/rateLimits\.reputation\.after/);
    expect(() => validateWardenConfig({ rateLimits: { rules: [{ id: 'a', key: 'ip', limit: 1, windowSeconds: 1, persistentAbuse: 'yes' }] } })).toThrow(/persistentAbuse/);
  });

  it('reports exactly the refusal past the threshold, once per window, with the window in its digest', () => {
    const tally = refusalTallySpec(spec, defaults, undefined)!;
    const count = (consumed: number, extra: Partial<Count> = {}): Count => ({ limited: consumed > 10, remaining: 0, resetMs: 59_000, consumed, ...extra });
    const at = 1_700_000_001_000;
    expect(persistentAbuseOf('login', tally, count(10), at)).toBeNull();
    expect(persistentAbuseOf('login', tally, count(11), at)).toEqual({ rule: 'login', refused: 11, threshold: 10, windowSeconds: 60, windowStart: at - 1000, digest: 'ratelimit:login:1700000000000' });
    expect(persistentAbuseOf('login', tally, count(12), at)).toBeNull();
    // Counted under the shared overflow key, or not counted at all (store down, open / closed): not this client's.
    expect(persistentAbuseOf('login', tally, count(11, { overflow: true }), at)).toBeNull();
    expect(persistentAbuseOf('login', tally, count(11, { degraded: 'open' }), at)).toBeNull();
    expect(persistentAbuseOf('login', tally, count(11, { degraded: 'closed' }), at)).toBeNull();
    expect(persistentAbuseOf('login', tally, count(11, { degraded: 'local' }), at)).not.toBeNull();
  });

  it('counts each client\'s own refusals: 30 refusals of one client cross once, a neighbour\'s 10 never', async () => {
    const limits = limitsOf({ rules: [{ id: 'api', key: 'ip', limit: 5, windowSeconds: 60 }] });
    expect(limits.talliesRefusals('api')).toBe(true);
    const crossings: number[] = [];
    for (let i = 1; i <= 30; i++) {
      if ((await limits.tallyRefusal('api', 'ip:203.0.113.9|fp:hammer', Date.now())) !== null) crossings.push(i);
      if (i <= 10) expect(await limits.tallyRefusal('api', 'ip:203.0.113.9|fp:neighbour', Date.now())).toBeNull();
    }
    expect(crossings).toEqual([11]);
    expect(limits.specs.map((s) => s.id)).toEqual(['api', 'api~refused']);
  });

  it('asks the store nothing more for a client already past its threshold in the window (a one-client flood costs threshold + 1 commands)', async () => {
    let calls = 0;
    class CountingStore extends MemoryCounterStore {
      override tally(spec: Parameters<MemoryCounterStore['tally']>[0], key: string): ReturnType<MemoryCounterStore['tally']> {
        calls++;
        return super.tally(spec, key);
      }
    }
    const limits = limitsOf({ rules: [{ id: 'api', key: 'ip', limit: 5, windowSeconds: 60 }] }, new CountingStore());
    let crossings = 0;
    for (let i = 0; i < 1_000; i++) if ((await limits.tallyRefusal('api', 'flooder', Date.now())) !== null) crossings++;
    expect(crossings).toBe(1);
    expect(calls).toBe(11);
    await limits.tallyRefusal('api', 'someone-else', Date.now());
    expect(calls).toBe(12);
  });

  it('crosses again in the next window, with another digest', async () => {
    const limits = limitsOf({ reputation: { minRefused: 2 }, rules: [{ id: 'api', key: 'ip', limit: 1, windowSeconds: 1 }] });
    const digests: string[] = [];
    for (let w = 0; w < 2; w++) {
      for (let i = 0; i < 3; i++) {
        const abuse = await limits.tallyRefusal('api', 'c', Date.now());
        if (abuse !== null) digests.push(abuse.digest);
      }
      if (w === 0) await new Promise((r) => setTimeout(r, 1_100));
    }
    expect(digests).toHaveLength(2);
    expect(digests[0]).not.toBe(digests[1]);
  });

  it('tallies nothing for a rule with persistentAbuse: false', async () => {
    const limits = limitsOf({ reputation: { minRefused: 1 }, rules: [{ id: 'api', key: 'ip', limit: 1, windowSeconds: 60, persistentAbuse: false }] });
    expect(limits.talliesRefusals('api')).toBe(false);
    for (let i = 0; i < 5; i++) expect(await limits.tallyRefusal('api', 'c', Date.now())).toBeNull();
    expect(limits.specs.map((s) => s.id)).toEqual(['api']);
  });

  it('counts past the memory bound under the overflow key, and reports no crossing there', async () => {
    const limits = limitsOf({ reputation: { minRefused: 1 }, rules: [{ id: 'api', key: 'ip', limit: 1, windowSeconds: 60 }] }, new MemoryCounterStore(1));
    await limits.tallyRefusal('api', 'first', Date.now());
    for (let i = 0; i < 5; i++) expect(await limits.tallyRefusal('api', `other-${i}`, Date.now())).toBeNull();
  });
});
