import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { startSlowStartRelay, type SlowStartRelay } from '../helpers/slow-start-relay.js';
import { startTestWarden } from '../helpers/warden.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';

// A Redis whose first answers come 400 ms late (a slow link, TLS): the first request after start-up is
// counted in Redis, not in this process alone. Before start-up waited for the store, it fell back.
describe.skipIf(!existsSync(REDIS_BINARY))('start-up with a shared counter store that is slow to get ready', () => {
  let redis: TestRedis;
  let relay: SlowStartRelay;
  let upstream: Server;
  let probe: Redis;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    relay = await startSlowStartRelay(redis.port, 400);
    probe = new Redis(redis.url);
    upstream = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  }, 30_000);

  afterAll(async () => {
    probe?.disconnect();
    await new Promise((r) => upstream?.close(r));
    await relay?.close();
    await redis?.stop();
  });

  it('opens the port once Redis is ready: the first request is counted in Redis, neither store falls back', async () => {
    const started = Date.now();
    const warden = await startTestWarden(`http://127.0.0.1:${(upstream.address() as { port: number }).port}`, {
      model: { enabled: false },
      rules: { bundled: false },
      reputation: { store: 'redis', redis: { url: relay.url, keyPrefix: 'ready:rep:', timeoutMs: 1000 } },
      rateLimits: { store: 'redis', redis: { url: relay.url, keyPrefix: 'ready:rl:', timeoutMs: 1000 }, rules: [{ id: 'api', key: 'ip', limit: 5, windowSeconds: 60 }] },
    });
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      const res = await request(`${warden.origin}/x`);
      await res.body.text();
      expect(res.statusCode).toBe(200);
      const fallbacks = (await warden.metrics.rateLimitFallbacks.get()).values.reduce((sum, v) => sum + v.value, 0);
      expect(fallbacks).toBe(0);
      // The reputation store waited too: its lookup of this client went to Redis.
      expect((await warden.metrics.reputationFallbacks.get()).values.reduce((sum, v) => sum + v.value, 0)).toBe(0);
      const keys = await probe.keys('ready:rl:*');
      expect(keys.length).toBe(1);
      expect(await probe.get(keys[0])).toBe('1');
    } finally {
      await warden.close();
    }
  });
});
