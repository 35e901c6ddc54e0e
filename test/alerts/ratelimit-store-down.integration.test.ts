import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert.js';
import { freePort } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';
import { startWebhook, waitUntil, type WebhookReceiver } from './receivers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!existsSync(REDIS_BINARY))('alert when the rate limiter\'s Redis goes down', () => {
  let redis: TestRedis;
  let rx: WebhookReceiver;
  let w: Awaited<ReturnType<typeof startTestWarden>>;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    rx = await startWebhook();
    // No request is needed: a closed connection is an outage at once. The upstream is never called.
    w = await startTestWarden(`http://127.0.0.1:${await freePort()}`, {
      model: { enabled: false },
      rules: { bundled: false },
      rateLimits: { store: 'redis', redis: { url: redis.url, keyPrefix: 'alert:rl:', timeoutMs: 2000 }, rules: [{ id: 'api', key: 'ip', limit: 100, windowSeconds: 60 }] },
      alerts: { sinks: [{ type: 'webhook', url: rx.url }], rules: [{ id: 'rl-store', when: 'ratelimit-store-down' }], throttleSeconds: 1 },
    });
  }, 60_000);

  afterAll(async () => {
    await w?.close();
    await rx?.close();
    await redis?.stop();
  });

  it('fires ratelimit-store-down keyed by the store while Redis is dead, and stops once it is back', async () => {
    await sleep(500);
    expect(rx.bodies).toEqual([]);
    await redis.kill();
    await waitUntil(() => rx.bodies.length >= 1, 10_000, 'the ratelimit-store-down alert');
    const alert = rx.bodies[0] as Alert;
    expect(alert).toMatchObject({ rule: 'rl-store', when: 'ratelimit-store-down', key: 'redis', severity: 'high', counts: { processes: 1 } });
    expect(alert.summary).toContain('rate-limit store (redis) is unreachable');
    await redis.restart();
    await waitForLogLine(w.logFile, (l) => l.event === 'ratelimit-store-up', 15_000);
    // An alert already on its way may still land; after that, nothing more.
    await sleep(1_500);
    const settled = rx.bodies.length;
    await sleep(3_000);
    expect(rx.bodies.length).toBe(settled);
  });
});
