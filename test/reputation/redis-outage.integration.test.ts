import { existsSync, readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import type { RedisReputationStore } from '../../src/reputation/redis-store.js';
import { REDIS_BINARY, startRedis, type TestRedis } from './redis-server.js';

type Warden = Awaited<ReturnType<typeof startTestWarden>>;

async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `concurrency` clients sending benign GETs (each its own user agent, so many reputation keys) until stopped. */
function load(w: Warden, concurrency: number): { statuses: Map<number, number>; sent: () => number; stop: () => Promise<void> } {
  const statuses = new Map<number, number>();
  let running = true;
  let sent = 0;
  const client = async (c: number): Promise<void> => {
    // Bounded: at most 100,000 requests per client even if stop() were never called.
    for (let i = 0; running && i < 100_000; i++) {
      const res = await request(`${w.origin}/catalog?page=${i}`, { headers: { 'user-agent': `load/${c}/${i % 50}` } });
      await res.body.dump();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      sent++;
    }
  };
  const clients = Array.from({ length: concurrency }, (_, c) => client(c));
  return {
    statuses,
    sent: () => sent,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

function storeEvents(w: Warden, event: string): number {
  if (!existsSync(w.logFile)) return 0;
  return readFileSync(w.logFile, 'utf8').split('\n').filter((l) => l.includes(`"event":"${event}"`)).length;
}

describe.skipIf(!existsSync(REDIS_BINARY) || nginxBinary() === null)('Redis killed and restarted under load', () => {
  let redis: TestRedis;
  let nginx: NginxUpstream;
  let w: Warden;
  const store = (): RedisReputationStore => w.pipeline.current().reputation!.store as RedisReputationStore;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    nginx = await startNginx();
    w = await startTestWarden(nginx.origin, {
      model: { enabled: false },
      // The lookup budget is generous here because CI's two cores are shared; the bench measures the default.
      reputation: { store: 'redis', redis: { url: redis.url, keyPrefix: 'outage:rep:', timeoutMs: 250, retryAfterMs: 200 } },
    });
    await eventually(() => store().stats().redisUp);
  }, 60_000);

  afterAll(async () => {
    await w?.close();
    await nginx?.stop();
    await redis?.stop();
  });

  it('logs the outage once when redis-server dies mid-load, answers every request, and logs the recovery once', async () => {
    const traffic = load(w, 8);
    try {
      await eventually(() => traffic.sent() >= 200);
      // Healthy under load: shared, no outage.
      expect(storeEvents(w, 'reputation-store-down')).toBe(0);
      const healthy = store().stats();
      expect(healthy.fallbacks).toBeLessThanOrEqual(healthy.operations * 0.01);

      await redis.kill();
      await eventually(() => storeEvents(w, 'reputation-store-down') >= 1);
      const atKill = traffic.sent();
      await eventually(() => traffic.sent() >= atKill + 200);
      const down = store().stats();
      expect(down).toMatchObject({ redisUp: false, outages: 1 });
      expect(down.fallbacks).toBeGreaterThan(healthy.fallbacks + 200);

      await redis.restart();
      await eventually(() => storeEvents(w, 'reputation-store-up') >= 1);
      const back = store().stats();
      const atRestart = traffic.sent();
      await eventually(() => traffic.sent() >= atRestart + 200);
      const after = store().stats();
      expect(after.redisUp).toBe(true);
      // Shared again: what was sent after the recovery went to Redis.
      expect(after.fallbacks - back.fallbacks).toBeLessThanOrEqual((after.operations - back.operations) * 0.01);
    } finally {
      await traffic.stop();
    }
    expect(storeEvents(w, 'reputation-store-down')).toBe(1);
    expect(storeEvents(w, 'reputation-store-up')).toBe(1);
    expect(store().stats().outages).toBe(1);
    // Redis being gone cost nothing to the clients.
    expect([...traffic.statuses.keys()]).toEqual([200]);
  }, 60_000);
});
