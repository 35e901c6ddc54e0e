import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';

let nginx: NginxUpstream;
let warden: RunningWarden;
let dir: string;
let configFile: string;

beforeAll(async () => {
  nginx = await startNginx();
  dir = mkdtempSync(join(tmpdir(), 'warden-import-'));
  configFile = join(dir, 'warden.yaml');
  writeFileSync(
    configFile,
    `# operator's comment survives\nupstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nadmin: { enabled: true, listen: "127.0.0.1:0" }\nmodel: { enabled: false }\nrules: { bundled: false }\nlogging: { decisions: ${join(dir, 'd.log')} }\n`,
  );
  warden = await startWarden(await loadConfig(configFile), { configFile });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('warden rules import', () => {
  it('adds a checked rule file to the config and hot-reloads the running proxy', async () => {
    const rules = join(dir, 'shop.rules');
    writeFileSync(rules, 'alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"shop: coupon brute force"; content:"/coupon/try"; http_uri; sid:1000100; rev:1;)\n');
    const before = await request(`http://${warden.address}/coupon/try`);
    expect(before.statusCode).toBe(200);
    await before.body.text();

    const { io, out } = capture();
    expect(await main(['rules', 'import', rules, '--config', configFile, '--action', 'alert=block', '--admin', warden.adminAddress!], io)).toBe(0);
    expect(out.join('\n')).toMatch(/1 rules loadable \(1 accepted/);
    const yaml = readFileSync(configFile, 'utf8');
    expect(yaml).toContain("# operator's comment survives");
    expect(yaml).toContain('shop.rules');
    const after = await request(`http://${warden.address}/coupon/try`);
    expect(after.statusCode).toBe(403);
    await after.body.text();
  });

  it('refuses a file with rejected rules under --strict and leaves the config alone', async () => {
    const bad = join(dir, 'bad.rules');
    writeFileSync(bad, 'alert http any any -> any any (msg:"x"; byte_test:4,>,1,0; sid:1000101;)\n');
    const before = readFileSync(configFile, 'utf8');
    const { io, err } = capture();
    expect(await main(['rules', 'import', bad, '--config', configFile, '--strict'], io)).toBe(1);
    expect(err.join('\n')).toContain('WARDEN_SIGNATURES_RULESET_INVALID');
    expect(readFileSync(configFile, 'utf8')).toBe(before);
  });
});
