import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAccessControl, type AccessControl, type AccessRequest } from '../../src/access/access-control.js';
import { hashApiKey } from '../../src/access/api-keys.js';
import type { AccessConfig } from '../../src/access/config.js';
import { accessConfigInvalid, accessFileInvalid } from '../../src/access/errors.js';
import { validateWardenConfig } from '../../src/config/load-config.js';

const CI_KEY = 'wk_ci-key-0123456789abcdefghijklmnopqrstuv';
const OLD_KEY = 'wk_old-key-0123456789abcdefghijklmnopqrstu';

/** The section as `warden config check` would leave it (defaults filled in). */
function accessConfig(access: Record<string, unknown>): AccessConfig {
  return validateWardenConfig({ access }).access;
}

const opened: AccessControl[] = [];
async function build(access: Record<string, unknown>): Promise<AccessControl> {
  const ac = await buildAccessControl(accessConfig(access));
  if (ac === null) throw new Error('access control not configured');
  opened.push(ac);
  return ac;
}
afterEach(() => {
  for (const ac of opened.splice(0)) ac.close();
});

const req = (over: Partial<AccessRequest> = {}): AccessRequest => ({ method: 'GET', url: '/', rawHeaders: ['Host', 'api.test'], ip: '198.51.100.7', ...over });

const keys = {
  header: 'X-API-Key',
  keys: [
    { id: 'ci', hash: hashApiKey(CI_KEY), scopes: ['orders:read'] },
    { id: 'old', hash: hashApiKey(OLD_KEY), scopes: ['orders:read'], disabled: true },
  ],
};

describe('access control: address lists', () => {
  it('refuses a denied address with 403 and lets others through', async () => {
    const ac = await build({ ipDeny: ['203.0.113.0/24', '2001:db8:bad::/48'] });
    expect(await ac.check(req({ ip: '203.0.113.9' }))).toMatchObject({ allowed: false, status: 403, reason: 'ip_denied' });
    expect(await ac.check(req({ ip: '2001:db8:bad:1::5' }))).toMatchObject({ allowed: false, reason: 'ip_denied' });
    expect(await ac.check(req({ ip: '::ffff:203.0.113.200' }))).toMatchObject({ allowed: false, reason: 'ip_denied' });
    expect(await ac.check(req({ ip: '203.0.114.1' }))).toMatchObject({ allowed: true, identity: null });
  });

  it('with an allow list, refuses everyone not on it, and the deny list still wins', async () => {
    const ac = await build({ ipAllow: ['10.0.0.0/8', 'fd00::/8'], ipDeny: ['10.6.6.6'] });
    expect(await ac.check(req({ ip: '10.1.2.3' }))).toMatchObject({ allowed: true });
    expect(await ac.check(req({ ip: 'fd00::1' }))).toMatchObject({ allowed: true });
    expect(await ac.check(req({ ip: '11.0.0.1' }))).toMatchObject({ allowed: false, status: 403, reason: 'ip_not_allowed' });
    expect(await ac.check(req({ ip: 'not-an-address' }))).toMatchObject({ allowed: false, reason: 'ip_not_allowed' });
    expect(await ac.check(req({ ip: '10.6.6.6' }))).toMatchObject({ allowed: false, reason: 'ip_denied' });
  });

  it('reads a deny list file with comments and re-reads it when it is replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-access-'));
    const file = join(dir, 'deny.txt');
    writeFileSync(file, '# scanners\n203.0.113.0/24   # whole net\n\n2001:db8::1\n');
    const ac = await build({ ipDeny: { file } });
    expect(await ac.check(req({ ip: '203.0.113.5' }))).toMatchObject({ reason: 'ip_denied' });
    expect(await ac.check(req({ ip: '198.51.100.1' }))).toMatchObject({ allowed: true });
    // Replaced the way deploy tools do it: a new file renamed over the old one.
    writeFileSync(join(dir, 'deny.tmp'), '198.51.100.0/24\n');
    renameSync(join(dir, 'deny.tmp'), file);
    await expect.poll(async () => (await ac.check(req({ ip: '198.51.100.1' }))).allowed, { timeout: 3000, interval: 25 }).toBe(false);
    expect(await ac.check(req({ ip: '203.0.113.5' }))).toMatchObject({ allowed: true });
  });

  it('keeps the last good list when the file is edited into something invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-access-'));
    const file = join(dir, 'deny.txt');
    writeFileSync(file, '203.0.113.0/24\n');
    const errors: string[] = [];
    const ac = (await buildAccessControl(accessConfig({ ipDeny: { file } }), { onError: (_w, _s, err) => errors.push((err as { code?: string }).code ?? '') }))!;
    opened.push(ac);
    writeFileSync(file, '203.0.113.0/24\n10.0.0.0/33\n');
    await expect.poll(() => errors.length, { timeout: 3000, interval: 25 }).toBeGreaterThan(0);
    expect(errors[0]).toBe(accessFileInvalid.code);
    expect(await ac.check(req({ ip: '203.0.113.5' }))).toMatchObject({ reason: 'ip_denied' });
  });

  it('refuses to start on a bad list file, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-access-'));
    const file = join(dir, 'deny.txt');
    writeFileSync(file, '10.0.0.0/8\n# ok\nnonsense\n');
    await expect(buildAccessControl(accessConfig({ ipDeny: { file } }))).rejects.toMatchObject({ code: accessFileInvalid.code, message: expect.stringContaining('line 3') });
    await expect(buildAccessControl(accessConfig({ ipDeny: { file: join(dir, 'missing.txt') } }))).rejects.toMatchObject({ code: accessFileInvalid.code });
    await expect(buildAccessControl(accessConfig({ ipAllow: ['10.0.0.0/8', '300.1.1.1'] }))).rejects.toMatchObject({
      code: accessConfigInvalid.code,
      message: expect.stringContaining('access.ipAllow[1]'),
    });
  });
});

describe('access control: API keys and route requirements', () => {
  const routes = [
    { match: { pathPrefix: '/orders', methods: ['GET'] }, require: { anyOf: ['apiKey'], scopes: ['orders:read'] } },
    { match: { pathPrefix: '/orders' }, require: { anyOf: ['apiKey'], scopes: ['orders:write'] } },
    { match: { pathPrefix: '/public/' }, require: 'none' },
  ];

  it('accepts a valid key on a route that needs its scope, and names the key id as the identity', async () => {
    const ac = await build({ apiKeys: keys, routes });
    const out = await ac.check(req({ url: '/orders/17', rawHeaders: ['X-API-Key', CI_KEY] }));
    expect(out).toEqual({
      allowed: true,
      identity: { method: 'apiKey', subject: 'ci', scopes: ['orders:read'] },
      upstreamHeaders: ['X-Warden-Auth', 'api-key', 'X-Warden-Subject', 'ci'],
    });
  });

  it('answers 401 with a challenge for a missing, unknown or disabled key, and 403 for a missing scope', async () => {
    const ac = await build({ apiKeys: keys, routes });
    const missing = await ac.check(req({ url: '/orders/17' }));
    expect(missing).toMatchObject({ allowed: false, status: 401, reason: 'credential_missing' });
    expect(missing.allowed === false && missing.challenge).toBe('ApiKey realm="warden", header="X-API-Key"');
    expect(await ac.check(req({ url: '/orders/17', rawHeaders: ['X-API-Key', 'wk_guess'] }))).toMatchObject({ status: 401, reason: 'api_key_invalid' });
    expect(await ac.check(req({ url: '/orders/17', rawHeaders: ['X-API-Key', OLD_KEY] }))).toMatchObject({ status: 401, reason: 'api_key_disabled' });
    // First match: a POST is not the GET route, so it needs orders:write, which the ci key lacks.
    expect(await ac.check(req({ method: 'POST', url: '/orders', rawHeaders: ['X-API-Key', CI_KEY] }))).toMatchObject({ status: 403, reason: 'scope_missing' });
  });

  it('lets require: none routes through without looking at credentials', async () => {
    const ac = await build({ apiKeys: keys, routes });
    expect(await ac.check(req({ url: '/public/logo.png', rawHeaders: ['X-API-Key', 'garbage'] }))).toMatchObject({ allowed: true, identity: null });
  });

  it('matches routes on the normalized path, so dot segments and encoding cannot skip a requirement', async () => {
    const ac = await build({ apiKeys: keys, routes });
    for (const url of ['/public/../orders/1', '/public/%2e%2e/orders/1', '/%6frders/1', '//orders/1', '/public/..%2forders/1'])
      expect(await ac.check(req({ url })), url).toMatchObject({ allowed: false, status: 401 });
  });

  it('needs a configured credential where no route matches (secure by default), unless access.require says otherwise', async () => {
    const strict = await build({ apiKeys: keys, routes });
    expect(await strict.check(req({ url: '/anything' }))).toMatchObject({ allowed: false, reason: 'credential_missing' });
    expect(await strict.check(req({ url: '/anything', rawHeaders: ['X-API-Key', CI_KEY] }))).toMatchObject({ allowed: true });
    const open = await build({ apiKeys: keys, routes, require: 'none' });
    expect(await open.check(req({ url: '/anything' }))).toMatchObject({ allowed: true, identity: null });
  });

  it('reads keys from a query parameter or an Authorization scheme when configured so', async () => {
    const ac = await build({ apiKeys: { ...keys, header: undefined, query: 'api_key', scheme: 'ApiKey' } });
    expect(await ac.check(req({ url: `/x?a=1&api_key=${encodeURIComponent(CI_KEY)}` }))).toMatchObject({ allowed: true, identity: { subject: 'ci' } });
    expect(await ac.check(req({ rawHeaders: ['Authorization', `ApiKey ${CI_KEY}`] }))).toMatchObject({ allowed: true, identity: { subject: 'ci' } });
    // Not configured as a header here.
    expect(await ac.check(req({ rawHeaders: ['X-API-Key', CI_KEY] }))).toMatchObject({ reason: 'credential_missing' });
  });

  it('sends the subject in the configured header and reserves that header name', async () => {
    const ac = await build({ apiKeys: { keys: [{ id: 'ci', hash: hashApiKey(CI_KEY) }] }, subjectHeader: 'X-User' });
    const out = await ac.check(req({ rawHeaders: ['x-api-key', CI_KEY] }));
    expect(out).toMatchObject({ upstreamHeaders: ['X-Warden-Auth', 'api-key', 'X-User', 'ci'] });
    expect([...ac.strippedHeaders]).toEqual(['x-user']);
  });

  it('refuses config that asks for a method that is not configured, or duplicate key ids', async () => {
    await expect(buildAccessControl(accessConfig({ apiKeys: keys, routes: [{ match: { pathPrefix: '/' }, require: { anyOf: ['jwt'] } }] }))).rejects.toMatchObject({
      code: accessConfigInvalid.code,
      message: expect.stringContaining('access.routes[0].require.anyOf[0]'),
    });
    const dup = { keys: [keys.keys[0], { ...keys.keys[1], id: 'ci' }] };
    await expect(buildAccessControl(accessConfig({ apiKeys: dup }))).rejects.toMatchObject({ message: expect.stringContaining('access.apiKeys.keys[1].id') });
  });

  it('costs nothing when the section is left out', async () => {
    expect(await buildAccessControl(accessConfig({}))).toBeNull();
  });
});

describe('access control: CORS preflights', () => {
  const preflight = (over: Partial<AccessRequest> = {}): AccessRequest =>
    req({ method: 'OPTIONS', url: '/orders/7', rawHeaders: ['Host', 'api.test', 'Origin', 'https://app.example', 'Access-Control-Request-Method', 'GET', 'Access-Control-Request-Headers', 'authorization'], ...over });

  it('lets a preflight through without a credential (browsers never send one on it); other OPTIONS and the call itself still need one', async () => {
    const ac = await build({ apiKeys: keys, routes: [{ match: { pathPrefix: '/orders', methods: ['GET'] }, require: { anyOf: ['apiKey'] } }] });
    expect(await ac.check(preflight())).toMatchObject({ allowed: true, identity: null });
    // OPTIONS without Access-Control-Request-Method is not a preflight: an ordinary request, refused without a key.
    expect(await ac.check(req({ method: 'OPTIONS', url: '/orders/7', rawHeaders: ['Host', 'api.test', 'Origin', 'https://app.example'] }))).toMatchObject({ allowed: false, status: 401 });
    expect(await ac.check(req({ url: '/orders/7', rawHeaders: ['Host', 'api.test', 'Origin', 'https://app.example'] }))).toMatchObject({ allowed: false, status: 401, reason: 'credential_missing' });
    expect(await ac.check(req({ url: '/orders/7', rawHeaders: ['Host', 'api.test', 'X-API-Key', CI_KEY] }))).toMatchObject({ allowed: true, identity: { subject: 'ci' } });
  });

  it('still applies the address lists to a preflight, and with corsPreflight: authenticate treats it as any request', async () => {
    const denying = await build({ apiKeys: keys, ipDeny: ['203.0.113.0/24'] });
    expect(await denying.check(preflight({ ip: '203.0.113.9' }))).toMatchObject({ allowed: false, status: 403, reason: 'ip_denied' });
    const strict = await build({ apiKeys: keys, corsPreflight: 'authenticate' });
    expect(await strict.check(preflight())).toMatchObject({ allowed: false, status: 401, reason: 'credential_missing' });
  });
});
