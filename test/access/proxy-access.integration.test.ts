import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/access/api-keys.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

const CI_KEY = 'wk_integration-ci-key-0123456789abcdefghij';

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, {
    admin: { enabled: true, listen: '127.0.0.1:0' },
    // Loopback is the client here; 127.0.0.2.. are "other clients" via a trusted X-Forwarded-For.
    forwarding: { trustedProxies: ['127.0.0.1/32'] },
    access: {
      ipDeny: ['192.0.2.0/24'],
      apiKeys: { header: 'X-API-Key', keys: [{ id: 'ci', hash: hashApiKey(CI_KEY), scopes: ['orders:read'] }] },
      routes: [
        { match: { pathPrefix: '/echo/orders', methods: ['GET'] }, require: { anyOf: ['apiKey'], scopes: ['orders:read'] } },
        { match: { pathPrefix: '/echo/admin' }, require: { anyOf: ['apiKey'], scopes: ['admin'] } },
        { match: { pathPrefix: '/echo/public/' }, require: 'none' },
      ],
    },
  });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

const logLines = (): Record<string, unknown>[] =>
  readFileSync(warden.logFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('access control in the proxy', () => {
  it('forwards a request with a valid key, with the key id upstream and the client\'s own X-Warden-* headers removed', async () => {
    const res = await request(`${warden.origin}/echo/orders/1?k=allowed-1`, { headers: { 'x-api-key': CI_KEY, 'x-warden-subject': 'root', 'x-warden-forged': '1' } });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    const line = await nginx.logged((l) => l.uri === '/echo/orders/1?k=allowed-1');
    expect(line).toMatchObject({ wsubject: 'ci', wauth: 'api-key', wforged: '' });
  });

  it('answers 401 with WWW-Authenticate and an incident id, logs the reason code but never the key, and forwards nothing', async () => {
    const before = nginx.accessLog().length;
    const res = await request(`${warden.origin}/echo/orders/2`, { method: 'POST', headers: { 'x-api-key': 'wk_stolen-guess-1234' }, body: 'x'.repeat(10_000) });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('ApiKey realm="warden", header="x-api-key"');
    const body = (await res.body.json()) as { error: string; incidentId: string };
    expect(body.error).toBe('unauthorized');
    expect(res.headers['x-warden-incident']).toBe(body.incidentId);
    await expect.poll(() => logLines().find((l) => l.incidentId === body.incidentId), { timeout: 3000, interval: 25 }).toMatchObject({
      action: 'block',
      status: 401,
      reasons: [{ gate: 'access', ruleId: 'api_key_invalid' }],
    });
    expect(readFileSync(warden.logFile, 'utf8')).not.toContain('wk_stolen-guess-1234');
    await new Promise((r) => setTimeout(r, 100));
    expect(nginx.accessLog().length).toBe(before);
  });

  it('answers 403 for a valid key without the route\'s scope and for a denied address', async () => {
    const scope = await request(`${warden.origin}/echo/admin/x`, { headers: { 'x-api-key': CI_KEY } });
    expect(scope.statusCode).toBe(403);
    expect(((await scope.body.json()) as { incidentId: string }).incidentId).toMatch(/^[0-9a-z]{18}$/);
    const denied = await request(`${warden.origin}/echo/public/x`, { headers: { 'x-forwarded-for': '192.0.2.44' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['www-authenticate']).toBeUndefined();
    await denied.body.text();
    const ok = await request(`${warden.origin}/echo/public/x`, { headers: { 'x-forwarded-for': '198.51.100.44' } });
    expect(ok.statusCode).toBe(200);
    await ok.body.text();
  });

  it('counts refusals by reason and verified requests by method', async () => {
    const text = await (await request(`http://${warden.adminAddress}/metrics`)).body.text();
    expect(text).toMatch(/warden_access_denied_total\{reason="api_key_invalid"\} [1-9]/);
    expect(text).toMatch(/warden_access_denied_total\{reason="scope_missing"\} [1-9]/);
    expect(text).toMatch(/warden_access_denied_total\{reason="ip_denied"\} [1-9]/);
    expect(text).toMatch(/warden_access_verified_total\{method="apiKey"\} [1-9]/);
    expect(text).toMatch(/warden_gate_seconds_count\{gate="access"\} [1-9]/);
  });

  it('feeds a failed credential into the source reputation, and a missing one not', async () => {
    const slot = warden.pipeline.current().reputation!;
    const key = 'ip:203.0.113.77';
    const before = await slot.store.get(key, Date.now());
    for (let i = 0; i < 3; i++) await (await request(`${warden.origin}/echo/orders/9`, { headers: { 'x-forwarded-for': '203.0.113.77', 'x-api-key': `wk_bad-${i}` } })).body.text();
    await expect.poll(async () => (await slot.store.get(key, Date.now())).blocks, { timeout: 2000, interval: 20 }).toBeGreaterThan(before.blocks + 2.5);
    const missingKey = 'ip:203.0.113.78';
    await (await request(`${warden.origin}/echo/orders/9`, { headers: { 'x-forwarded-for': '203.0.113.78' } })).body.text();
    await new Promise((r) => setTimeout(r, 100));
    expect((await slot.store.get(missingKey, Date.now())).requests).toBe(0);
  });
});
