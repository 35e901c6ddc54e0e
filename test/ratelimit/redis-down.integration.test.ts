import { existsSync, readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';
import type { RedisCounterStore } from '../../src/ratelimit/redis-counter-store.js';

type Warden = Awaited<ReturnType<typeof startTestWarden>>;
const POLICIES = ['local', 'open', 'closed'] as const;
type Policy = (typeof POLICIES)[number];
const LIMIT = 5;
// Wide enough that a loaded machine's ordinary request (~200 ms seen beside a full suite) stays clear of the
// timeout, so 'answered at once' and 'waited out the budget' cannot be confused.
const TIMEOUT_MS = 400;
const RETRY_AFTER_MS = 2_000;

async function send(w: Warden, path: string, ip: string): Promise<{ status: number; ms: number; headers: Record<string, unknown> }> {
  const started = performance.now();
  const res = await request(`${w.origin}${path}`, { headers: { 'x-forwarded-for': ip } });
  await res.body.text();
  return { status: res.statusCode, ms: performance.now() - started, headers: res.headers };
}

function logLines(w: Warden, event: string): Record<string, unknown>[] {
  if (!existsSync(w.logFile)) return [];
  return readFileSync(w.logFile, 'utf8').split('\n').filter((l) => l.includes(`"event":"${event}"`)).map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const storeOf = (w: Warden): RedisCounterStore => w.proxy['deps'].rateLimits!()!.store as RedisCounterStore;

describe.skipIf(!existsSync(REDIS_BINARY) || nginxBinary() === null)('rate limits when Redis dies mid-run', () => {
  let redis: TestRedis;
  let nginx: NginxUpstream;
  const wardens = {} as Record<Policy, Warden>;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    nginx = await startNginx();
    for (const onStoreDown of POLICIES) {
      wardens[onStoreDown] = await startTestWarden(nginx.origin, {
        model: { enabled: false },
        rules: { bundled: false },
        forwarding: { trustedProxies: ['127.0.0.1/32'] },
        rateLimits: {
          store: 'redis',
          redis: { url: redis.url, keyPrefix: `down-${onStoreDown}:`, timeoutMs: TIMEOUT_MS, retryAfterMs: RETRY_AFTER_MS },
          onStoreDown,
          rules: [{ id: 'per-ip', key: 'ip', limit: LIMIT, windowSeconds: 60 }],
        },
      });
    }
    await eventually(() => POLICIES.every((p) => storeOf(wardens[p]).connected));
  }, 60_000);

  afterAll(async () => {
    for (const p of POLICIES) await wardens[p]?.close();
    await nginx?.stop();
    await redis?.stop();
  });

  it('holds each onStoreDown policy, logs one error line per outage and the recovery, and never makes a request wait past the timeout', async () => {
    // Before: counted in Redis; 3 of the 5 allowed.
    for (const p of POLICIES) for (let i = 0; i < 3; i++) expect((await send(wardens[p], `/before/${i}`, '203.0.113.1')).status).toBe(200);

    await redis.kill();
    const during: Record<Policy, { status: number; ms: number; headers: Record<string, unknown> }[]> = { local: [], open: [], closed: [] };
    for (const p of POLICIES) for (let i = 0; i < 8; i++) during[p].push(await send(wardens[p], `/during/${i}`, '203.0.113.1'));

    // local: this process's own counters from zero, the same limit: 5 pass, then 429.
    expect(during.local.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(during.local[5].headers['ratelimit-policy']).toBe('"per-ip";q=5;w=60');
    // open: everything passes uncounted, with no RateLimit item (nothing was counted).
    expect(during.open.map((r) => r.status)).toEqual(Array(8).fill(200));
    // closed: refused with 503 (Warden cannot tell the client is over its limit), Retry-After from retryAfterMs.
    expect(during.closed.map((r) => r.status)).toEqual(Array(8).fill(503));
    expect(during.closed[0].headers['retry-after']).toBe(String(Math.ceil(RETRY_AFTER_MS / 1000)));
    for (const p of POLICIES) for (const r of during[p]) expect(r.ms).toBeLessThan(TIMEOUT_MS + 1_000);

    // Exactly one error line per outage per instance, with the code and the policy.
    for (const p of POLICIES) {
      const down = logLines(wardens[p], 'ratelimit-store-down');
      expect(down).toHaveLength(1);
      expect(down[0]).toMatchObject({ level: 50, code: 'WARDEN_RATELIMIT_STORE_UNAVAILABLE', onStoreDown: p });
    }
    const metrics = await wardens.open.metrics.registry.metrics();
    expect(metrics).toMatch(/warden_ratelimit_store_fallbacks_total\{policy="open"\} 8/);

    await redis.restart();
    await eventually(() => POLICIES.every((p) => logLines(wardens[p], 'ratelimit-store-up').length === 1), 15_000);
    for (const p of POLICIES) {
      expect(logLines(wardens[p], 'ratelimit-store-up')[0]).toMatchObject({ level: 30, store: 'redis', fallbacks: 8 });
      // Shared counting again: the restarted server came back empty, so a new window of 5.
      const after = [];
      for (let i = 0; i < 6; i++) after.push((await send(wardens[p], `/after/${i}`, '203.0.113.2')).status);
      expect(after).toEqual([200, 200, 200, 200, 200, 429]);
      expect(logLines(wardens[p], 'ratelimit-store-down')).toHaveLength(1);
    }
  }, 60_000);

  it('answers by the policy within the timeout when Redis hangs (SIGSTOP); a run of timeouts is one outage, one line', async () => {
    const w = wardens.open;
    const downBefore = logLines(w, 'ratelimit-store-down').length;
    redis.pause();
    try {
      // Each check waits at most the timeout; a run of them lasting 10 budgets is an outage (one stall is not).
      const waited = [];
      for (let i = 0; i < 40 && logLines(w, 'ratelimit-store-down').length === downBefore; i++) {
        const r = await send(w, `/hung/${i}`, '203.0.113.3');
        expect(r.status).toBe(200);
        expect(r.ms).toBeLessThan(TIMEOUT_MS + 1_000);
        waited.push(r.ms);
      }
      // The run that tripped the outage: checks that each waited out the budget.
      expect(waited.filter((ms) => ms >= TIMEOUT_MS - 20).length, JSON.stringify(waited)).toBeGreaterThanOrEqual(3);
      // Down: Redis is skipped for retryAfterMs, so checks answer at once.
      await new Promise((r) => setTimeout(r, 100));
      const skipped = await send(w, '/hung/skipped', '203.0.113.3');
      expect(skipped.status).toBe(200);
      expect(skipped.ms).toBeLessThan(TIMEOUT_MS);
      expect(logLines(w, 'ratelimit-store-down').length).toBe(downBefore + 1);
    } finally {
      redis.resume();
    }
    // The connection never dropped: the first count that succeeds after retryAfterMs ends the outage.
    await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
    // (Another client: the hung server ran the counts queued before the timeouts once it resumed.)
    expect((await send(w, '/resumed', '203.0.113.4')).status).toBe(200);
    await eventually(() => logLines(w, 'ratelimit-store-up').length === 2);
    expect(logLines(w, 'ratelimit-store-down').length).toBe(downBefore + 1);
  }, 30_000);
});
