import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/access/api-keys.js';
import type { RateLimitPersistentEvent } from '../../src/ratelimit/rate-limits.js';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine } from '../helpers/log-lines.js';

const KEY = 'wk_failed-credentials-test-key-0123456789';

describe.skipIf(nginxBinary() === null)('failed credentials and rate limits', () => {
  let nginx: NginxUpstream;
  let w: Awaited<ReturnType<typeof startTestWarden>>;
  const persistent: RateLimitPersistentEvent[] = [];

  beforeAll(async () => {
    nginx = await startNginx();
    w = await startTestWarden(nginx.origin, {
      model: { enabled: false },
      rules: { bundled: false },
      forwarding: { trustedProxies: ['127.0.0.1/32'] },
      access: { apiKeys: { header: 'X-API-Key', keys: [{ id: 'ci', hash: hashApiKey(KEY) }] } },
      rateLimits: {
        reputation: { minRefused: 3 },
        rules: [{ id: 'api', match: { pathPrefix: '/echo/api/' }, key: ['apiKey', 'ip'], limit: 3, windowSeconds: 60 }],
      },
    });
    w.rateLimitEvents.on('persistent', (e) => persistent.push(e));
  }, 60_000);

  afterAll(async () => {
    await w?.close();
    await nginx?.stop();
  });

  const send = async (path: string, ip: string, key: string): Promise<{ status: number; retryAfter?: string }> => {
    const res = await request(`${w.origin}${path}`, { headers: { 'x-forwarded-for': ip, 'x-api-key': key, 'user-agent': 'retry-loop/1.0' } });
    await res.body.text();
    return { status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined };
  };

  it('counts a rejected credential like an unauthenticated request: 401 up to the limit, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(`/echo/api/items/${i}`, '198.51.100.20', 'wk_expired-or-rotated')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number((await send('/echo/api/items/x', '198.51.100.20', 'wk_expired-or-rotated')).retryAfter)).toBeGreaterThanOrEqual(1);
    // The verified key has its own counter: untouched by the failures from its address.
    expect((await send('/echo/api/items/ok', '198.51.100.20', KEY)).status).toBe(200);
    const line = await waitForLogLine(w.logFile, (l) => l.status === 429 && (l.reasons as { ruleId?: string }[] | undefined)?.[0]?.ruleId === 'api');
    expect(line.explain).toMatchObject({ decidedBy: 'ratelimit', rateLimitKey: 'apiKey=-|ip=198.51.100.20' });
  });

  it('a client retrying a rejected credential past the limit is persistent once per window, recorded in its own reputation only', async () => {
    const ip = '198.51.100.21';
    for (let i = 0; i < 3 + 4; i++) await send(`/echo/api/items/${i}`, ip, 'wk_stale');
    await expect.poll(() => persistent.filter((e) => e.client.startsWith(`ip:${ip}|`)).length, { timeout: 5_000, interval: 25 }).toBe(1);
    const store = w.pipeline.current().reputation!.store;
    const client = persistent.find((e) => e.client.startsWith(`ip:${ip}|`))!.client;
    await expect.poll(async () => (await store.get(client, Date.now())).attacks, { timeout: 5_000, interval: 25 }).toBeCloseTo(1, 2);
    expect((await store.get(`ip:${ip}`, Date.now())).attacks).toBe(0);
    for (let i = 0; i < 5; i++) await send(`/echo/api/more/${i}`, ip, 'wk_stale');
    await new Promise((r) => setTimeout(r, 200));
    expect(persistent.filter((e) => e.client === client)).toHaveLength(1);
  });
});
