import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';

let nginx: NginxUpstream;
let warden: RunningWarden;
let dir: string;

const ruleFor = (word: string, sid: number): string =>
  `drop http $EXTERNAL_NET any -> $HOME_NET any (msg:"test ${word}"; flow:to_server,established; content:"${word}"; http_uri; sid:${sid}; rev:1;)\n`;

beforeAll(async () => {
  nginx = await startNginx();
  dir = mkdtempSync(join(tmpdir(), 'warden-rules-'));
  writeFileSync(join(dir, 'local.rules'), ruleFor('forbidden-one', 1000001));
  writeFileSync(
    join(dir, 'warden.yaml'),
    `upstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nadmin: { enabled: false }\nmodel: { enabled: false }\nrules: { bundled: false, files: [local.rules], strict: true }\nlogging: { decisions: ${join(dir, 'decisions.log')} }\n`,
  );
  warden = await startWarden(await loadConfig(join(dir, 'warden.yaml')), { configFile: join(dir, 'warden.yaml') });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function status(path: string): Promise<number> {
  const res = await request(`http://${warden.address}${path}`);
  await res.body.text();
  return res.statusCode;
}

describe('hot reload of operator rules', () => {
  it('blocks with a drop rule from the operator file', async () => {
    expect(await status('/echo/forbidden-one')).toBe(403);
    expect(await status('/echo/forbidden-two')).toBe(200);
  });

  it('picks up an edited rule file on reload', async () => {
    writeFileSync(join(dir, 'local.rules'), ruleFor('forbidden-one', 1000001) + ruleFor('forbidden-two', 1000002));
    const described = await warden.reload();
    expect(described.signatures).toMatch(/^2 rules/);
    expect(await status('/echo/forbidden-two')).toBe(403);
  });

  it('keeps the rules in force when the new file is invalid, and says why', async () => {
    writeFileSync(join(dir, 'local.rules'), 'drop http any any -> any any (msg:"broken"; content:"x"; byte_test:4,>,1,0; sid:1000003;)\n');
    await expect(warden.reload()).rejects.toMatchObject({ code: 'WARDEN_SIGNATURES_RULESET_INVALID' });
    expect(await status('/echo/forbidden-two')).toBe(403);
  });

  it('keeps the rules in force when the file is missing', async () => {
    renameSync(join(dir, 'local.rules'), join(dir, 'local.rules.moved'));
    await expect(warden.reload()).rejects.toMatchObject({ code: 'WARDEN_SIGNATURES_RULESET_INVALID' });
    renameSync(join(dir, 'local.rules.moved'), join(dir, 'local.rules'));
    expect(await status('/echo/forbidden-one')).toBe(403);
  });
});
