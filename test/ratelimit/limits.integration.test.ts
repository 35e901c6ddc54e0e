import { existsSync, readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import type { RateLimitEvent } from '../../src/ratelimit/rate-limits.js';
import { main } from '../../src/cli/main.js';

type Warden = Awaited<ReturnType<typeof startTestWarden>>;

async function send(w: Warden, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const res = await request(`${w.origin}${path}`, { method, headers });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

function metric(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(found.lastIndexOf(' ') + 1));
}

function lines(w: Warden): Record<string, unknown>[] {
  if (!existsSync(w.logFile)) return [];
  return readFileSync(w.logFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function eventually<T>(get: () => T | undefined, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('not seen in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(nginxBinary() === null)('rate limits in front of NGINX (memory store)', () => {
  let nginx: NginxUpstream;
  let w: Warden;
  const events: RateLimitEvent[] = [];

  beforeAll(async () => {
    nginx = await startNginx();
    w = await startTestWarden(nginx.origin, {
      model: { enabled: false },
      rules: { bundled: false },
      forwarding: { trustedProxies: ['127.0.0.1/32'] },
      rateLimits: {
        headers: true,
        rules: [
          { id: 'login', match: { pathPrefix: '/login', methods: ['POST'] }, key: 'ip', limit: 5, windowSeconds: 60, burst: 2 },
          { id: 'tenant', match: { pathPrefix: '/t/' }, key: ['header:X-Tenant', 'ip'], limit: 3, windowSeconds: 60 },
          { id: 'quiet', match: { pathPrefix: '/quiet/' }, key: 'ip', limit: 2, windowSeconds: 60, headers: false },
        ],
      },
    });
    w.rateLimitEvents.on('limited', (e) => events.push(e));
  }, 60_000);

  afterAll(async () => {
    await w?.close();
    await nginx?.stop();
  });

  it('lets limit + burst requests of a key through, then answers 429 with Retry-After, the RateLimit fields and an incident id', async () => {
    const from = { 'x-forwarded-for': '198.51.100.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await send(w, '/login', from, 'POST')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200]);
    const refused = await send(w, '/login', { ...from, accept: 'application/json' }, 'POST');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-policy']).toBe('"login";q=5;w=60');
    expect(refused.headers.ratelimit).toBe(`"login";r=0;t=${retryAfter}`);
    const body = JSON.parse(refused.body) as { error: string; status: number; incidentId: string; retryAfter: number };
    expect(body).toMatchObject({ error: 'rate_limited', status: 429, retryAfter });
    expect(refused.headers['x-warden-incident']).toBe(body.incidentId);

    // The refused request never reached NGINX: 7 POSTs to /login arrived, not 8.
    const loginsFrom1 = (): number => nginx.accessLog().filter((l) => l.method === 'POST' && l.uri === '/login' && l.xff.split(',')[0] === '198.51.100.1').length;
    await nginx.logged(() => loginsFrom1() >= 7);
    expect(loginsFrom1()).toBe(7);

    // Another address has its own counter; GET is not matched by the rule.
    expect((await send(w, '/login', { 'x-forwarded-for': '198.51.100.2' }, 'POST')).status).toBe(200);
    expect((await send(w, '/login', from)).status).toBe(200);

    const line = await eventually(() => lines(w).find((l) => l.incidentId === body.incidentId));
    expect(line).toMatchObject({
      event: 'verdict',
      action: 'block',
      status: 429,
      source: { ip: '198.51.100.1' },
      reasons: [{ gate: 'ratelimit', ruleId: 'login' }],
      explain: { decidedBy: 'ratelimit', rateLimit: 'login', rateLimitKey: 'ip=198.51.100.1', count: 8, limit: 5, windowSeconds: 60 },
    });
    expect(events.find((e) => e.incidentId === body.incidentId)).toMatchObject({ rule: 'login', key: 'ip=198.51.100.1', count: 8, limit: 5, windowSeconds: 60 });
    // `warden incident <id>` shows the count behind the 429.
    const out: string[] = [];
    expect(await main(['incident', body.incidentId, '--log', w.logFile], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
    expect(out.join('\n')).toContain('rate limit  rule login, key ip=198.51.100.1: request 8 of limit 5 per 60 s');
    const text = await w.metrics.registry.metrics();
    expect(metric(text, 'warden_ratelimit_limited_total{rule="login"}')).toBe(1);
    expect(metric(text, 'warden_requests_total{action="block"}')).toBe(1);
  });

  it('adds RateLimit and RateLimit-Policy to forwarded answers when configured, counting down', async () => {
    const from = { 'x-forwarded-for': '198.51.100.3', 'x-tenant': 'acme' };
    const first = await send(w, '/t/a', from);
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"tenant";q=3;w=60');
    expect(first.headers.ratelimit).toMatch(/^"tenant";r=2;t=(59|60)$/);
    expect((await send(w, '/t/b', from)).headers.ratelimit).toMatch(/^"tenant";r=1;t=/);
    await send(w, '/t/c', from);
    expect((await send(w, '/t/d', from)).status).toBe(429);
    // Same address, other tenant: another counter (key [header:X-Tenant, ip]).
    expect((await send(w, '/t/a', { ...from, 'x-tenant': 'globex' })).status).toBe(200);
    // headers: false on a rule keeps its forwarded answers bare; its 429 still carries them.
    const quiet = { 'x-forwarded-for': '198.51.100.4' };
    const bare = await send(w, '/quiet/x', quiet);
    expect(bare.headers['ratelimit-policy']).toBeUndefined();
    await send(w, '/quiet/x', quiet);
    const over = await send(w, '/quiet/x', quiet);
    expect(over.status).toBe(429);
    expect(over.headers['ratelimit-policy']).toBe('"quiet";q=2;w=60');
  });

  it('keeps counts of unchanged rules across a reload and applies a changed limit at once', async () => {
    const from = { 'x-forwarded-for': '198.51.100.9' };
    for (let i = 0; i < 2; i++) await send(w, '/quiet/y', from);
    expect((await send(w, '/quiet/y', from)).status).toBe(429);
    const config = { ...w.proxy.config, rateLimits: { ...w.proxy.config.rateLimits, rules: [...w.proxy.config.rateLimits.rules] } };
    config.rateLimits.rules[1] = { ...config.rateLimits.rules[1], limit: 100 };
    await w.reload(config);
    expect((await send(w, '/quiet/y', from)).status).toBe(429);
    const tenant = { 'x-forwarded-for': '198.51.100.10', 'x-tenant': 'x' };
    for (let i = 0; i < 10; i++) expect((await send(w, '/t/q', tenant)).status).toBe(200);
  });
});
