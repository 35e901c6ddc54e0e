import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { readLogLines, waitForLogLine, type LogLine } from '../helpers/log-lines.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';
import type { RateLimitPersistentEvent } from '../../src/ratelimit/rate-limits.js';

// Evidence known exactly (model off): two priority-1 alerts together are 1 − 0.3·(1 − 0.35·0.7) ≈ 0.774,
// in [0.7, 0.8): allowed from a neutral client, liftable for a hostile one.
const RULES = [
  'alert http any any -> any any (msg:"test medium one"; flow:to_server,established; content:"medium-one"; http_uri; priority:1; sid:1000002; rev:1;)',
  'alert http any any -> any any (msg:"test medium two"; flow:to_server,established; content:"medium-two"; http_uri; priority:1; sid:1000003; rev:1;)',
].join('\n');
const BORDERLINE = '/page?a=medium-one&b=medium-two';

type Warden = Awaited<ReturnType<typeof startTestWarden>>;
interface Client {
  ip: string;
  ua: string;
}

async function send(w: Warden, path: string, client: Client): Promise<{ status: number; retryAfter: number }> {
  const res = await request(`${w.origin}${path}`, { headers: { 'x-forwarded-for': client.ip, 'user-agent': client.ua } });
  await res.body.text();
  return { status: res.statusCode, retryAfter: Number(res.headers['retry-after'] ?? 0) };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!existsSync(REDIS_BINARY) || nginxBinary() === null)('a client that keeps sending while rate-limited (two instances, one redis-server)', () => {
  let redis: TestRedis;
  let nginx: NginxUpstream;
  let a: Warden;
  let b: Warden;
  const persistent: RateLimitPersistentEvent[] = [];

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    nginx = await startNginx();
    const dir = mkdtempSync(join(tmpdir(), 'warden-rl-abuse-'));
    const rules = join(dir, 'local.rules');
    writeFileSync(rules, `${RULES}\n`);
    const config = {
      model: { enabled: false },
      rules: { bundled: false, files: [rules] },
      forwarding: { trustedProxies: ['127.0.0.1/32'] },
      // Generous command timeouts: CI shares two cores; a timed-out count would be answered locally.
      reputation: { store: 'redis', redis: { url: redis.url, keyPrefix: 'abuse:rep:', timeoutMs: 2000, retryAfterMs: 100 } },
      rateLimits: {
        store: 'redis',
        redis: { url: redis.url, keyPrefix: 'abuse:rl:', timeoutMs: 2000 },
        reputation: { after: 1, minRefused: 5 },
        rules: [{ id: 'api', match: { pathPrefix: '/api/' }, key: 'ip', limit: 3, windowSeconds: 1 }],
      },
    };
    a = await startTestWarden(nginx.origin, config);
    b = await startTestWarden(nginx.origin, config);
    for (const w of [a, b]) w.rateLimitEvents.on('persistent', (e) => persistent.push(e));
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await nginx?.stop();
    await redis?.stop();
  });

  it('counts 3 windows of hammering on that client only: its borderline request is blocked, its benign one and its neighbours\' are not', async () => {
    const hammer = { ip: '203.0.113.80', ua: 'hammer/1.0' };
    const neighbour = { ip: '203.0.113.80', ua: 'Mozilla/5.0 (X11; Linux x86_64) neighbour' };
    const polite = { ip: '203.0.113.81', ua: 'polite-client/1.0' };
    const hammerEvents = (): RateLimitPersistentEvent[] => persistent.filter((e) => e.client === persistent.find((f) => f.rule === 'api')?.client);
    let done = false;
    const deadline = Date.now() + 40_000;
    let politeRefusals = 0;
    let hammerRequests = 0;
    await Promise.all([
      // Ignores every 429, alternating instances: more refusals in each window than the rule tolerates.
      (async () => {
        while (hammerEvents().length < 3 && Date.now() < deadline) await send(hammerRequests++ % 2 === 0 ? a : b, `/api/items?n=${hammerRequests}`, hammer);
        done = true;
      })(),
      // Behind the same address (the rule counts by ip, so it shares the hammer's 429s), a few requests a second.
      (async () => {
        while (!done) {
          await send(b, '/api/items', neighbour);
          await sleep(300);
        }
      })(),
      // Its own address; waits Retry-After after each 429, as a well-behaved client does.
      (async () => {
        while (!done) {
          const res = await send(a, '/api/items', polite);
          if (res.status === 429) {
            politeRefusals++;
            await sleep(res.retryAfter * 1000);
          }
        }
      })(),
    ]);
    const events = hammerEvents();
    expect(events.length, `3 persistent windows within ${hammerRequests} requests`).toBeGreaterThanOrEqual(3);
    const client = events[0].client;
    expect(client).toMatch(/^ip:203\.0\.113\.80\|fp:/);
    // Once per window: distinct windows, each crossed exactly past the threshold (5 tolerated refusals).
    expect(events.every((e) => e.rule === 'api' && e.refused === 6 && e.threshold === 5)).toBe(true);
    expect(persistent.filter((e) => e.client !== client)).toEqual([]);
    expect(politeRefusals).toBeGreaterThan(0);

    const store = a.pipeline.current().reputation!.store;
    await expect.poll(async () => (await store.get(client, Date.now())).attacks, { timeout: 10_000, interval: 50 }).toBeGreaterThan(2.9);
    // The address a NAT shares learns nothing from it.
    expect((await store.get('ip:203.0.113.80', Date.now())).attacks).toBe(0);

    expect((await send(b, BORDERLINE, hammer)).status).toBe(403);
    const line = await waitForLogLine(b.logFile, (l) => l.event === 'verdict' && l.action === 'block' && (l.explain as Record<string, unknown> | undefined)?.reputationScope === 'client');
    expect((line.explain as Record<string, number>).evidence).toBeCloseTo(0.7735, 3);
    expect((await send(a, '/index.html?plain=1', hammer)).status).toBe(200);
    expect((await send(a, BORDERLINE, neighbour)).status).toBe(200);
    expect((await send(b, BORDERLINE, polite)).status).toBe(200);
    // One line per window, written by whichever instance counted the crossing refusal.
    const isLine = (l: LogLine): boolean => l.event === 'ratelimit-persistent' && l.client === client && l.rule === 'api';
    await expect.poll(() => [...readLogLines(a.logFile), ...readLogLines(b.logFile)].filter(isLine).length, { timeout: 10_000, interval: 50 }).toBe(events.length);
  });
});
