import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_WAIT_CAP_MS, redisReady } from '../../src/net/redis-ready.js';
import { freePort } from '../helpers/nginx.js';
import { startSlowStartRelay, type SlowStartRelay } from '../helpers/slow-start-relay.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';

const clientOf = (url: string): Redis => new Redis(url, { enableReadyCheck: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });

describe.skipIf(!existsSync(REDIS_BINARY))('redisReady', () => {
  let redis: TestRedis;
  let relay: SlowStartRelay;
  const clients: Redis[] = [];

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    relay = await startSlowStartRelay(redis.port, 400);
  }, 30_000);

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await relay?.close();
    await redis?.stop();
  });

  it('waits for a client that is still connecting: true once it is ready, not before', async () => {
    const client = clientOf(relay.url);
    clients.push(client);
    const started = Date.now();
    expect(client.status).not.toBe('ready');
    await expect(redisReady(client, 5_000)).resolves.toBe(true);
    expect(client.status).toBe('ready');
    // The relay held the first answers back for 400 ms: ready came after them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    await expect(redisReady(client, 5_000)).resolves.toBe(true);
  });

  it('answers false at once for a Redis that refuses, and after the budget for one that never gets ready', async () => {
    const refused = clientOf(`redis://127.0.0.1:${await freePort()}`);
    refused.on('error', () => undefined);
    clients.push(refused);
    const started = Date.now();
    await expect(redisReady(refused, 5_000)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    const slow = clientOf(relay.url);
    clients.push(slow);
    await expect(redisReady(slow, 50)).resolves.toBe(false);
  });

  it('waits at most READY_WAIT_CAP_MS whatever the budget asked (a connect timeout of 20 x timeoutMs may be minutes)', async () => {
    const later = await startSlowStartRelay(redis.port, READY_WAIT_CAP_MS + 1_500);
    const client = clientOf(later.url);
    clients.push(client);
    const started = Date.now();
    try {
      await expect(redisReady(client, 600_000)).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(READY_WAIT_CAP_MS + 1_000);
    } finally {
      client.disconnect();
      await later.close();
    }
  });
});
