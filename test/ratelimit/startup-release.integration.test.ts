import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';

describe.skipIf(!existsSync(REDIS_BINARY))('a start-up whose listener fails', () => {
  let redis: TestRedis;
  let taken: Server;
  let port: number;
  let probe: Redis;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    probe = new Redis(redis.url);
    port = await freePort();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
  }, 30_000);

  afterAll(async () => {
    probe?.disconnect();
    await new Promise((r) => taken?.close(r));
    await redis?.stop();
  });

  const clients = async (): Promise<number> => ((await probe.client('LIST')) as string).split('\n').filter((l) => l.startsWith('id=')).length;

  it('closes the Redis clients of the rate limiter and of reputation it had opened', async () => {
    expect(await clients()).toBe(1);
    const start = startTestWarden(`http://127.0.0.1:${await freePort()}`, {
      listen: `127.0.0.1:${port}`,
      model: { enabled: false },
      rules: { bundled: false },
      reputation: { store: 'redis', redis: { url: redis.url, keyPrefix: 'fail:rep:' } },
      rateLimits: { store: 'redis', redis: { url: redis.url, keyPrefix: 'fail:rl:' }, rules: [{ id: 'api', key: 'ip', limit: 10, windowSeconds: 60 }] },
    });
    await expect(start).rejects.toMatchObject({ code: 'WARDEN_PROXY_LISTEN_FAILED' });
    // Only the probe's own connection is left (the closed clients' QUIT/disconnect reach Redis at once).
    await expect.poll(clients, { timeout: 5_000, interval: 50 }).toBe(1);
  });
});
