import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { RedisReputationStore } from '../../src/reputation/redis-store.js';
import { REDIS_BINARY, startRedis, type TestRedis } from './redis-server.js';

// Our own rules, so the evidence of each request is known exactly (model off):
// a drop rule is decisive on its own; two priority-1 alerts together are medium evidence,
// 1 − 0.3·(1 − 0.35·0.7) ≈ 0.774: allowed from a new client, above the 0.7 lift floor.
const RULES = [
  'drop http any any -> any any (msg:"test attack"; flow:to_server,established; content:"attack-probe"; http_uri; sid:1000001; rev:1;)',
  'alert http any any -> any any (msg:"test medium one"; flow:to_server,established; content:"medium-one"; http_uri; priority:1; sid:1000002; rev:1;)',
  'alert http any any -> any any (msg:"test medium two"; flow:to_server,established; content:"medium-two"; http_uri; priority:1; sid:1000003; rev:1;)',
].join('\n');

type Warden = Awaited<ReturnType<typeof startTestWarden>>;
interface Client {
  ip: string;
  ua: string;
  cookie?: string;
}

async function send(w: Warden, path: string, client: Client): Promise<number> {
  const headers: Record<string, string> = { 'x-forwarded-for': client.ip, 'user-agent': client.ua };
  if (client.cookie !== undefined) headers.cookie = client.cookie;
  const res = await request(`${w.origin}${path}`, { headers });
  await res.body.text();
  return res.statusCode;
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function decisions(w: Warden): Record<string, unknown>[] {
  if (!existsSync(w.logFile)) return [];
  return readFileSync(w.logFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const storeOf = (w: Warden): RedisReputationStore => w.pipeline.current().reputation!.store as RedisReputationStore;

describe.skipIf(!existsSync(REDIS_BINARY) || nginxBinary() === null)('two Warden instances sharing one redis-server', () => {
  let redis: TestRedis;
  let nginx: NginxUpstream;
  let a: Warden;
  let b: Warden;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    nginx = await startNginx();
    const dir = mkdtempSync(join(tmpdir(), 'warden-rep-'));
    const rules = join(dir, 'local.rules');
    writeFileSync(rules, `${RULES}\n`);
    const config = {
      model: { enabled: false },
      rules: { bundled: false, files: [rules] },
      forwarding: { trustedProxies: ['127.0.0.1/32'] },
      // A generous command timeout: CI shares two cores; the few-ms default is for production.
      reputation: { store: 'redis', redis: { url: redis.url, keyPrefix: 'two:rep:', timeoutMs: 1000, retryAfterMs: 100 } },
    };
    a = await startTestWarden(nginx.origin, config);
    b = await startTestWarden(nginx.origin, config);
    await eventually(() => storeOf(a).stats().redisUp && storeOf(b).stats().redisUp);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await nginx?.stop();
    await redis?.stop();
  });

  it('sees a client that attacked instance A as hostile on instance B, and says why', async () => {
    const scanner = { ip: '203.0.113.50', ua: 'scanner/1.0' };
    expect(await send(b, '/page?a=medium-one&b=medium-two', scanner)).toBe(200);
    for (let i = 1; i <= 3; i++) expect(await send(a, `/search?q=attack-probe-${i}`, scanner)).toBe(403);
    expect(await send(b, '/page?a=medium-one&b=medium-two&n=2', scanner)).toBe(403);
    const byClient = (): Record<string, unknown> | undefined => decisions(b).find((d) => (d.explain as Record<string, unknown> | undefined)?.reputationScope === 'client');
    await eventually(() => byClient() !== undefined);
    const line = byClient();
    const explain = line!.explain as Record<string, number | string>;
    expect(explain.decidedBy).toBe('evidence');
    expect(explain.reputationExponent).toBeCloseTo(2, 2);
    expect(explain.evidence).toBeCloseTo(0.7735, 3);
    expect(explain.evidenceNeeded).toBeLessThan(explain.evidence as number);
    expect(explain.hostileAttacks).toBeCloseTo(3, 1);
    expect(explain.hostileEvidence).toBe(1);
    expect(storeOf(a).stats().fallbacks + storeOf(b).stats().fallbacks).toBe(0);
  });

  it('does not harm a benign session behind the same address through either instance', async () => {
    const scanner = { ip: '203.0.113.60', ua: 'scanner/2.0' };
    const user = { ip: '203.0.113.60', ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', cookie: 'PHPSESSID=u1' };
    expect(await send(a, '/index.html', user)).toBe(200);
    for (let i = 1; i <= 3; i++) expect(await send(i % 2 === 0 ? a : b, `/search?q=attack-probe-${i}`, scanner)).toBe(403);
    expect(await send(a, '/page?a=medium-one&b=medium-two', scanner)).toBe(403);
    expect(await send(a, '/page?a=medium-one&b=medium-two', user)).toBe(200);
    expect(await send(b, '/page?a=medium-one&b=medium-two&n=2', user)).toBe(200);
  });

  it('makes an address hostile for new clients when several clients attack from it, never for an established session', async () => {
    const ip = '203.0.113.70';
    const user = { ip, ua: 'Mozilla/5.0 (Macintosh)', cookie: 'JSESSIONID=established' };
    for (let i = 0; i < 3; i++) expect(await send(b, `/home?i=${i}`, user)).toBe(200);
    // A scanner rotating its user agent: every request a new client, each with one decisive attack.
    for (let i = 1; i <= 3; i++) expect(await send(i % 2 === 0 ? a : b, `/search?q=attack-probe-r${i}`, { ip, ua: `rotating/${i}` })).toBe(403);
    expect(await send(a, '/page?a=medium-one&b=medium-two', { ip, ua: 'rotating/4' })).toBe(403);
    const byAddress = (): Record<string, unknown> | undefined => decisions(a).find((d) => (d.explain as Record<string, unknown> | undefined)?.reputationScope === 'address');
    await eventually(() => byAddress() !== undefined);
    expect((byAddress()!.explain as Record<string, number>).hostileClients).toBeCloseTo(3, 1);
    expect(await send(b, '/page?a=medium-one&b=medium-two', user)).toBe(200);
  });
});
