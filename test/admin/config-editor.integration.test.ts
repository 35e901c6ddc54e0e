/**
 * The admin config editor (GET/PUT /config) on a real Warden: two editors that read the same version
 * and save at once do not lose an update: one save is written, the other is answered 409
 * WARDEN_CONFIG_EDIT_CONFLICT with nothing written; an edit made by `warden keys add` meanwhile is not
 * undone by a save of the text read before it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli } from '../helpers/cli-process.js';

let nginx: NginxUpstream;
let warden: RunningWarden;
let file: string;
let admin: string;

beforeAll(async () => {
  nginx = await startNginx();
  const dir = mkdtempSync(join(tmpdir(), 'warden-config-editor-'));
  file = join(dir, 'warden.yaml');
  writeFileSync(
    file,
    `# the shop's proxy\nupstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nmode: prevent\nmodel: { enabled: false }\nadmin: { enabled: true, listen: 127.0.0.1:0 }\nlogging: { decisions: ${join(dir, 'decisions.log')} }\n`,
  );
  warden = await startWarden(await loadConfig(file), { configFile: file });
  admin = `http://${warden.adminAddress}`;
}, 60_000);

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function read(): Promise<{ text: string; etag: string }> {
  const res = await request(`${admin}/config`);
  expect(res.statusCode).toBe(200);
  return { text: await res.body.text(), etag: String(res.headers.etag) };
}

async function save(text: string, etag?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(`${admin}/config`, { method: 'PUT', headers: { 'content-type': 'application/yaml', ...(etag === undefined ? {} : { 'if-match': etag }) }, body: text });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

describe('admin config editor', () => {
  it('answers the file and its version; of two saves of that version sent together, one is written and the other gets 409', async () => {
    const { text, etag } = await read();
    expect(text).toContain("# the shop's proxy");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const [a, b] = await Promise.all([save(text.replace('mode: prevent', 'mode: detect'), etag), save(`${text}workers: 1\n`, etag)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body).toMatchObject({ ok: false, error: 'WARDEN_CONFIG_EDIT_CONFLICT', message: expect.stringMatching(/changed since it was read/) });
    const now = readFileSync(file, 'utf8');
    expect(now).toBe(won === a ? text.replace('mode: prevent', 'mode: detect') : `${text}workers: 1\n`);
    expect((await read()).etag).toBe(`"${String(won.body.version)}"`);
  });

  it('does not undo an API key `warden keys add` saved after the editor read the file', async () => {
    const { text, etag } = await read();
    const cli = runCli(['keys', 'add', '--id', 'ci', '--scopes', 'orders:read', '--config', file]);
    expect(await cli.exit).toBe(0);
    const stale = await save(text.replace(/mode: \w+/, 'mode: prevent'), etag);
    expect(stale.status).toBe(409);
    expect(readFileSync(file, 'utf8')).toMatch(/- \{ id: ci, hash: sha256:[0-9a-f]{64}/);
    // Read again, edit, save: written, the key kept.
    const fresh = await read();
    expect((await save(fresh.text.replace(/mode: \w+/, 'mode: prevent'), fresh.etag)).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toMatch(/mode: prevent[\s\S]*id: ci/);
  }, 30_000);

  it('refuses a save without If-Match (428) and an edit that is not a valid config (422), writing nothing', async () => {
    const { text, etag } = await read();
    expect(await save(text)).toMatchObject({ status: 428, body: { error: 'WARDEN_CONFIG_EDIT_NO_VERSION' } });
    expect(await save(`${text}mode: sideways\n`.replace(/^mode: \w+\n/m, ''), etag)).toMatchObject({ status: 422, body: { error: 'WARDEN_CONFIG_INVALID' } });
    expect(await save(`${text}workers: [2\n`, etag)).toMatchObject({ status: 422, body: { error: 'WARDEN_CONFIG_UNPARSABLE' } });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
