import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';

// Single process, config file, admin listener: what a reload does to each kind of key.
let nginx: NginxUpstream;
let warden: RunningWarden;
let dir: string;
let file: string;
let decisions: string;

const write = (extra: string, upstream = nginx.origin, listen = '127.0.0.1:0', level = 'info'): void =>
  writeFileSync(
    file,
    `upstream: ${upstream}\nlisten: ${listen}\nadmin: { enabled: true, listen: 127.0.0.1:0 }\nmodel: { enabled: false }\n` +
      `rules: { bundled: false, files: [local.rules] }\nlogging: { decisions: ${decisions}, level: ${level}, logAllowed: true }\n${extra}`,
  );

beforeAll(async () => {
  nginx = await startNginx();
  dir = mkdtempSync(join(tmpdir(), 'warden-hot-'));
  file = join(dir, 'warden.yaml');
  decisions = join(dir, 'decisions.log');
  writeFileSync(join(dir, 'local.rules'), 'drop http any any -> any any (msg:"hot test"; content:"hot-attack"; http_uri; sid:1000001; rev:1;)\n');
  write('');
  warden = await startWarden(await loadConfig(file), { configFile: file });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function send(path: string, body?: string): Promise<number> {
  const res = await request(`http://${warden.address}${path}`, body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  await res.body.text();
  return res.statusCode;
}

async function reload(): Promise<{ status: number; body: { ok: boolean; error?: string; message?: string } }> {
  const res = await request(`http://${warden.adminAddress}/reload`, { method: 'POST' });
  return { status: res.statusCode, body: (await res.body.json()) as { ok: boolean; error?: string; message?: string } };
}

describe('POST /reload of the config file', () => {
  it('applies mode: detect, the next attack is forwarded and logged as monitor', async () => {
    expect(await send('/echo/a?q=hot-attack')).toBe(403);
    write('mode: detect\n');
    expect((await reload()).status).toBe(200);
    expect(await send('/echo/b?q=hot-attack')).toBe(200);
    await expect
      .poll(() => readFileSync(decisions, 'utf8').split('\n').some((l) => l.includes('"path":"/echo/b') && l.includes('"action":"monitor"')), { timeout: 3000 })
      .toBe(true);
  });

  it('applies body limits, block status and routes', async () => {
    write('body: { limit: 16 }\nblock: { status: 406 }\nroutes: [{ match: { pathPrefix: /echo/skip }, mode: "off" }]\n');
    expect((await reload()).status).toBe(200);
    expect(await send('/echo/big', 'x'.repeat(64))).toBe(413);
    expect(await send('/echo/c?q=hot-attack')).toBe(406);
    expect(await send('/echo/skip?q=hot-attack')).toBe(200);
  });

  it('applies logging.level: at warn, the allow lines of logAllowed stop while block lines go on', async () => {
    expect(await send('/echo/level-info')).toBe(200);
    write('', nginx.origin, '127.0.0.1:0', 'warn');
    expect((await reload()).status).toBe(200);
    expect(await send('/echo/level-warn')).toBe(200);
    expect(await send('/echo/level-block?q=hot-attack')).toBe(403);
    // One logger writes in order: once the block line is there, an allow line before it would be too.
    await expect.poll(() => readFileSync(decisions, 'utf8').includes('"path":"/echo/level-block'), { timeout: 3000 }).toBe(true);
    const log = readFileSync(decisions, 'utf8');
    expect(log).toContain('"path":"/echo/level-info"');
    expect(log).not.toContain('"path":"/echo/level-warn"');
  });

  it('refuses a changed upstream and listen with 409, naming both, and keeps everything else as it was', async () => {
    write('mode: detect\n', 'http://127.0.0.1:9', '127.0.0.1:1');
    const answer = await reload();
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('WARDEN_CONFIG_NEEDS_RESTART');
    expect(answer.body.message).toMatch(/needs a restart: (upstream, listen|listen, upstream)\b/);
    // Still prevent (the mode: detect of the refused file was not applied), still NGINX.
    expect(await send('/echo/d?q=hot-attack')).toBe(403);
    expect(await send('/echo/e')).toBe(200);
    await expect.poll(() => readFileSync(decisions, 'utf8').includes('WARDEN_CONFIG_NEEDS_RESTART'), { timeout: 3000 }).toBe(true);
  });
});
