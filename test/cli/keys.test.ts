import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { ApiKeyTable, hashApiKey } from '../../src/access/api-keys.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function configWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'warden-keys-')), 'warden.yaml');
  writeFileSync(file, text);
  return file;
}

describe('warden keys', () => {
  it('adds a key: prints it once, stores only its hash and scopes, keeps the rest of the file', async () => {
    const file = configWith('# production proxy\nupstream: http://127.0.0.1:8080 # the app\n');
    const { code, out, err } = await run(['keys', 'add', '--id', 'ci', '--scopes', 'orders:read,orders:write', '--config', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/^wk_[A-Za-z0-9_-]{43}$/);
    expect(err).toContain('shown once');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# production proxy');
    expect(text).toContain('# the app');
    expect(text).not.toContain(out);
    const stored = parse(text).access.apiKeys;
    expect(stored.keys).toEqual([{ id: 'ci', hash: hashApiKey(out), scopes: ['orders:read', 'orders:write'] }]);
    expect(new ApiKeyTable(stored.keys).verify(out)).toMatchObject({ ok: true });
  });

  it('writes the new key on one line, as the README shows it (not a flow mapping folded over four lines)', async () => {
    const file = configWith('upstream: http://127.0.0.1:8080\n');
    await run(['keys', 'add', '--id', 'ci', '--scopes', 'orders:read', '--config', file]);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((l) => /^\s+- \{ id: ci, hash: sha256:[0-9a-f]{64}, scopes: \[ orders:read \] \}$/.test(l))).toHaveLength(1);
  });

  it('lists ids, scopes and state but never a hash, and disables a key', async () => {
    const file = configWith('upstream: http://127.0.0.1:8080\n');
    await run(['keys', 'add', '--id', 'ci', '--config', file]);
    await run(['keys', 'add', '--id', 'mobile', '--scopes', 'profile', '--config', file]);
    expect(await run(['keys', 'disable', '--id', 'ci', '--config', file])).toMatchObject({ code: 0 });
    const listed = await run(['keys', 'list', '--config', file]);
    expect(listed.out.split('\n')).toEqual(['ci\t-\tdisabled', 'mobile\tprofile\tactive']);
    expect(listed.out).not.toContain('sha256');
    expect(parse(readFileSync(file, 'utf8')).access.apiKeys.keys[0]).toMatchObject({ id: 'ci', disabled: true });
  });

  it('refuses a duplicate id, an unknown id, and a bad id, with codes', async () => {
    const file = configWith('{}\n');
    await run(['keys', 'add', '--id', 'ci', '--config', file]);
    expect(await run(['keys', 'add', '--id', 'ci', '--config', file])).toMatchObject({ code: 1, err: expect.stringContaining('WARDEN_ACCESS_KEYS_INVALID') });
    expect(await run(['keys', 'disable', '--id', 'nope', '--config', file])).toMatchObject({ code: 1, err: expect.stringContaining('WARDEN_ACCESS_KEYS_INVALID') });
    expect(await run(['keys', 'add', '--id', 'has space', '--config', file])).toMatchObject({ code: 2 });
    expect(parse(readFileSync(file, 'utf8')).access.apiKeys.keys).toHaveLength(1);
  });

  it('refuses a config that is not YAML with the config\'s code (WARDEN_CONFIG_UNPARSABLE, was WARDEN_ACCESS_KEYS_INVALID), exit 1, nothing written', async () => {
    const file = configWith('upstream: [http://127.0.0.1:8080\n');
    for (const argv of [['keys', 'add', '--id', 'ci'], ['keys', 'disable', '--id', 'ci'], ['keys', 'list']]) {
      expect(await run([...argv, '--config', file])).toMatchObject({ code: 1, err: expect.stringMatching(/^warden keys: WARDEN_CONFIG_UNPARSABLE: config file .*warden\.yaml is not valid YAML\/JSON: /) });
    }
    expect(readFileSync(file, 'utf8')).toBe('upstream: [http://127.0.0.1:8080\n');
  });

  it('with --print writes nothing and prints the entry to paste', async () => {
    const file = configWith('upstream: http://127.0.0.1:8080\n');
    const { code, out } = await run(['keys', 'add', '--id', 'ci', '--print', '--config', file]);
    expect(code).toBe(0);
    const key = /^key: (wk_\S+)$/m.exec(out)![1];
    expect(out).toContain(`hash: ${hashApiKey(key)}`);
    expect(readFileSync(file, 'utf8')).toBe('upstream: http://127.0.0.1:8080\n');
  });
});

describe('warden config check of the access section', () => {
  it('names the path of each problem the schema sees', async () => {
    const file = configWith(
      'access:\n  ipDeny: { file: 3 }\n  apiKeys:\n    keys:\n      - { id: ci, hash: "md5:abc" }\n  jwt: { algorithms: [none] }\n  routes:\n    - { match: { pathPrefix: /x }, require: maybe }\nadmin:\n  token: { env: "1BAD" }\n',
    );
    const { code, err } = await run(['config', 'check', file]);
    expect(code).toBe(1);
    expect(err).toContain('WARDEN_CONFIG_INVALID');
    for (const path of ['access.ipDeny', 'access.apiKeys.keys[0].hash', 'access.jwt.algorithms[0]', 'access.routes[0].require', 'admin.token']) expect(err).toContain(path);
  });

  it('checks what only building it shows: list file lines, methods a route needs, secrets', async () => {
    const file = configWith('access:\n  ipDeny: { file: deny.txt }\n');
    writeFileSync(join(file, '..', 'deny.txt'), '10.0.0.0/8\n10.0.0.0/99\n');
    expect(await run(['config', 'check', file])).toMatchObject({ code: 1, err: expect.stringMatching(/WARDEN_ACCESS_FILE_INVALID.*access\.ipDeny.*deny\.txt.*line 2/) });
    const routes = configWith('access:\n  apiKeys: { keys: [] }\n  routes:\n    - { match: { pathPrefix: /x }, require: { anyOf: [jwt] } }\n');
    expect(await run(['config', 'check', routes])).toMatchObject({ code: 1, err: expect.stringMatching(/WARDEN_ACCESS_CONFIG_INVALID.*access\.routes\[0\]\.require\.anyOf\[0\]/) });
    const token = configWith('admin:\n  token: { file: missing.token }\n');
    expect(await run(['config', 'check', token])).toMatchObject({ code: 1, err: expect.stringMatching(/WARDEN_ACCESS_FILE_INVALID.*admin\.token\.file/) });
    const good = configWith(`access:\n  ipDeny: [203.0.113.0/24]\n  apiKeys:\n    keys: [{ id: ci, hash: "${hashApiKey('k')}" }]\n`);
    expect(await run(['config', 'check', good])).toMatchObject({ code: 0 });
  });
});
