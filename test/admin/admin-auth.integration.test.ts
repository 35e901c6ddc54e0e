import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { adminToken, ADMIN_TOKEN_ENV, postAdmin } from '../../src/cli/admin-client.js';
import { adminRequestFailed } from '../../src/admin/errors.js';
import { adminBindAddress } from '../../src/admin/auth.js';

const TOKEN = 'admin-token-for-the-test-6b1f0c9e';
let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-admin-auth-'));
  writeFileSync(join(dir, 'admin.token'), `${TOKEN}\n`);
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, { admin: { enabled: true, listen: '127.0.0.1:0', token: { file: join(dir, 'admin.token') } } });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

afterEach(() => {
  delete process.env[ADMIN_TOKEN_ENV];
});

const get = async (path: string, auth?: string) => {
  const res = await request(`http://${warden.adminAddress}${path}`, { headers: auth === undefined ? {} : { authorization: auth } });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
};

describe('admin API with a token', () => {
  it('answers /healthz without a token', async () => {
    expect((await get('/healthz')).status).toBe(200);
  });

  it('refuses every other endpoint without the right bearer token', async () => {
    for (const path of ['/metrics', '/readyz', '/nope']) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="warden-admin"');
      expect(JSON.parse(res.body)).toMatchObject({ error: 'WARDEN_ADMIN_UNAUTHORIZED' });
    }
    expect((await get('/metrics', `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get('/metrics', `Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await get('/metrics', `Basic ${TOKEN}`)).status).toBe(401);
    const reload = await request(`http://${warden.adminAddress}/reload`, { method: 'POST' });
    expect(reload.statusCode).toBe(401);
    await reload.body.text();
  });

  it('serves them with it', async () => {
    expect((await get('/metrics', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await get('/readyz', `bearer ${TOKEN}`)).status).toBe(200);
  });

  it('lets the CLI\'s --admin actions send the token from WARDEN_ADMIN_TOKEN or from the config', async () => {
    await expect(postAdmin(warden.adminAddress!, '/reload', null)).rejects.toMatchObject({ code: adminRequestFailed.code, message: expect.stringContaining(ADMIN_TOKEN_ENV) });
    process.env[ADMIN_TOKEN_ENV] = TOKEN;
    expect(await postAdmin(warden.adminAddress!, '/reload', await adminToken(undefined))).toMatchObject({ status: 200, body: { ok: true } });
    delete process.env[ADMIN_TOKEN_ENV];
    const configFile = join(dir, 'warden.yaml');
    writeFileSync(configFile, 'admin:\n  token: { file: admin.token }\n');
    expect(await adminToken(configFile)).toBe(TOKEN);
    expect(await postAdmin(warden.adminAddress!, '/reload', await adminToken(configFile))).toMatchObject({ status: 200 });
  });
});

describe('admin listener without a token', () => {
  it('binds to loopback instead of a public address, and says so', () => {
    expect(adminBindAddress('0.0.0.0', false)).toMatchObject({ host: '127.0.0.1', warning: expect.stringContaining('loopback only') });
    expect(adminBindAddress('::', false)).toMatchObject({ host: '::1' });
    expect(adminBindAddress('127.0.0.1', false)).toEqual({ host: '127.0.0.1', warning: null });
    expect(adminBindAddress('0.0.0.0', true)).toEqual({ host: '0.0.0.0', warning: null });
  });

  it('starts on loopback when asked for 0.0.0.0', async () => {
    const open = await startTestWarden(nginx.origin, { admin: { enabled: true, listen: '0.0.0.0:0' } });
    try {
      expect(open.adminAddress).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(open.adminNotice).toContain('no admin.token');
    } finally {
      await open.close();
    }
  });
});
