import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';

const entry = join(__dirname, '..', 'helpers', 'cli-entry.ts');
let nginx: NginxUpstream;
const children: ChildProcess[] = [];

beforeAll(async () => {
  nginx = await startNginx();
});

afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await nginx?.stop();
});

function runCli(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitForOutput(output: () => string, pattern: RegExp, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return output();
}

describe('warden serve', () => {
  it('refuses an invalid config file, naming each bad key, with a non-zero exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-cli-'));
    const file = join(dir, 'warden.yaml');
    writeFileSync(file, 'mode: block\nbody:\n  limit: "big"\nlisten: nowhere\n');
    const run = runCli(['serve', '--config', file]);
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain('WARDEN_CONFIG_INVALID');
    expect(run.output()).toContain('mode: must be one of "prevent", "detect"');
    expect(run.output()).toContain('body.limit: must be integer');
    expect(run.output()).toContain('listen: must be HOST:PORT');
  });

  // Walked from the README with the admin port taken: a single process printed "EADDRINUSE: listen EADDRINUSE ..."
  // and kept serving on the proxy port without its admin listener, and never exited.
  it('exits 1 naming the admin listener when its port is taken, and releases the proxy port', async () => {
    const holder = createServer();
    const adminPort = await new Promise<number>((resolve) => holder.listen(0, '127.0.0.1', () => resolve((holder.address() as AddressInfo).port)));
    try {
      const port = await freePort();
      for (const workers of ['1', '2']) {
        const run = runCli(['serve', '--listen', `127.0.0.1:${port}`, '--upstream', nginx.origin, '--admin', `127.0.0.1:${adminPort}`, '--workers', workers]);
        expect(await run.exit).toBe(1);
        expect(run.output()).toContain(`WARDEN_ADMIN_LISTEN_FAILED: admin listener: cannot listen on 127.0.0.1:${adminPort}`);
        expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
      }
      // The proxy's port was given back: it can be had again.
      const again = createServer();
      await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
      again.close();
    } finally {
      holder.close();
    }
  }, 90_000);

  it('runs N worker processes on one port with workers: N', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-cli-'));
    const log = join(dir, 'decisions.log');
    const port = await freePort();
    const file = join(dir, 'warden.yaml');
    writeFileSync(
      file,
      `upstream: ${nginx.origin}\nlisten: 127.0.0.1:${port}\nworkers: 2\nadmin: { enabled: false }\nlogging: { decisions: ${log}, logAllowed: true }\n`,
    );
    const run = runCli(['serve', '--config', file]);
    await waitForOutput(run.output, /listening on[\s\S]*listening on/, 60_000);
    for (let i = 0; i < 40; i++) {
      const res = await request(`http://127.0.0.1:${port}/echo/worker-${i}`);
      expect(res.statusCode).toBe(200);
      await res.body.text();
    }
    await new Promise((r) => setTimeout(r, 500));
    const pids = new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.includes('/echo/worker-'))
        .map((l) => (JSON.parse(l) as { pid: number }).pid),
    );
    expect(pids.size).toBe(2);
    run.child.kill('SIGTERM');
    expect(existsSync(log)).toBe(true);
  }, 90_000);

  it('prints help for every command', async () => {
    for (const cmd of [['--help'], ['serve', '--help'], ['config', '--help'], ['eval', '--help']]) {
      const run = runCli(cmd);
      expect(await run.exit).toBe(0);
      expect(run.output()).toMatch(/Usage: warden/);
    }
  }, 120_000);
});
