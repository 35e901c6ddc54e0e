import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden } from '../../src/warden.js';
import { main } from '../../src/cli/main.js';
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
    expect(res.headers['www-authenticate']).toBe('ApiKey realm="warden", header="X-API-Key"');
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

  it('spends no gate time on a refused request', async () => {
    const metric = async (name: string): Promise<number> => {
      const text = await (await request(`http://${warden.adminAddress}/metrics`)).body.text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    };
    const [model, normalize] = [await metric('warden_gate_seconds_count\\{gate="model"\\}'), await metric('warden_normalize_seconds_count')];
    for (let i = 0; i < 5; i++) await (await request(`${warden.origin}/echo/orders/3?q=${encodeURIComponent("' OR 1=1 --")}`)).body.text();
    expect(await metric('warden_gate_seconds_count\\{gate="model"\\}')).toBe(model);
    // The refused request is normalized without its body for the log line (headers, path), nothing more.
    expect(await metric('warden_normalize_seconds_count')).toBe(normalize + 5);
    const ok = await request(`${warden.origin}/echo/orders/4`, { headers: { 'x-api-key': CI_KEY } });
    await ok.body.text();
    expect(await metric('warden_gate_seconds_count\\{gate="model"\\}')).toBe(model + 1);
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

  it('teaches reputation nothing from a failed credential retried on several URLs, nor from a missing one', async () => {
    const slot = warden.pipeline.current().reputation!;
    const ua = 'stale-config/1.0';
    const client = slot.keysOf({ source: { ip: '203.0.113.77', port: 0, peerIp: '127.0.0.1' }, headerMap: new Map([['user-agent', ua]]) }).client;
    // A rotated key still in a client's config: every call fails, on every URL.
    for (let i = 0; i < 5; i++) {
      const res = await request(`${warden.origin}/echo/orders/${i}`, { headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': ua, 'x-api-key': 'wk_rotated-away' } });
      expect(res.statusCode).toBe(401);
      await res.body.text();
    }
    await (await request(`${warden.origin}/echo/orders/9`, { headers: { 'x-forwarded-for': '203.0.113.78' } })).body.text();
    // An allowed request from the same client is recorded (as clean): the refusals before it would have been too by now.
    await (await request(`${warden.origin}/echo/public/after`, { headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': ua } })).body.text();
    await expect.poll(async () => (await slot.store.get(client, Date.now())).requests, { timeout: 5000, interval: 20 }).toBeGreaterThan(0.5);
    for (const key of [client, 'ip:203.0.113.77']) {
      const rep = await slot.store.get(key, Date.now());
      expect(rep).toMatchObject({ attacks: 0, blocks: 0 });
      expect(rep.requests).toBeCloseTo(1, 3);
    }
    expect((await slot.store.get('ip:203.0.113.78', Date.now())).requests).toBe(0);
  });
});

describe('API key rotation without a restart', () => {
  it('takes a key added and one disabled with warden keys into force on reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-rotate-'));
    const file = join(dir, 'warden.yaml');
    writeFileSync(file, `upstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nadmin: { enabled: false }\nlogging: { decisions: ${join(dir, 'decisions.log')} }\naccess:\n  apiKeys: { header: X-API-Key, keys: [] }\n`);
    const cli = async (...argv: string[]): Promise<string> => {
      const out: string[] = [];
      expect(await main(argv, { out: (s) => out.push(s), err: () => undefined })).toBe(0);
      return out.join('\n');
    };
    const oldKey = await cli('keys', 'add', '--id', 'ci', '--config', file);
    const running = await startWarden(await loadConfig(file), { configFile: file, admin: false });
    const status = async (key: string): Promise<number> => {
      const res = await request(`http://${running.address}/echo/rotate`, { headers: { 'x-api-key': key } });
      await res.body.text();
      return res.statusCode;
    };
    try {
      expect(await status(oldKey)).toBe(200);
      const newKey = await cli('keys', 'add', '--id', 'ci-2', '--config', file);
      expect(await status(newKey)).toBe(401);
      await running.reload();
      expect(await status(newKey)).toBe(200);
      await cli('keys', 'disable', '--id', 'ci', '--config', file);
      await running.reload();
      expect(await status(oldKey)).toBe(401);
      expect(await status(newKey)).toBe(200);
    } finally {
      await running.close();
    }
  });
});
