import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { parentPid, processAlive, waitFor } from '../helpers/cli-process.js';

// Walked from the README ("Warden in front of NGINX": `npx warden serve --listen …`): SIGTERM to the npx
// process left Warden running under init, holding its port. npx runs the command in a shell
// (`sh -c 'warden' serve …`) and passes SIGTERM to that shell, which exits without passing it on. Here the
// shell is started as npx starts it, with npm's npm_lifecycle_event, and is the process that gets SIGTERM.
const entry = join(__dirname, '..', 'helpers', 'cli-entry.ts');
let dir: string;
const started: ChildProcess[] = [];



/** `sh -c 'warden serve …'` as npm exec runs it (the shell stays Warden's parent), in its own process group. */
function serveInShell(config: string, env: NodeJS.ProcessEnv): { shell: ChildProcess; output: () => string } {
  const command = `"${process.execPath}" --import tsx "${entry}" serve --config "${config}"; echo "shell: warden exited"`;
  const shell = spawn('sh', ['-c', command], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(shell);
  let out = '';
  shell.stdout!.on('data', (d) => (out += d));
  shell.stderr!.on('data', (d) => (out += d));
  return { shell, output: () => out };
}

async function writeConfig(name: string, workers: number): Promise<{ file: string; port: number }> {
  const port = await freePort();
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `listen: 127.0.0.1:${port}\nupstream: http://127.0.0.1:${await freePort()}\nworkers: ${workers}\nadmin: { enabled: false }\nmodel: { enabled: false }\nrules: { bundled: false }\nlogging: { decisions: ${join(dir, `${name}.log`)} }\n`);
  return { file, port };
}

const npmEnv = (): NodeJS.ProcessEnv => ({ ...process.env, npm_lifecycle_event: 'npx', npm_command: 'exec' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-npm-parent-'));
});

afterAll(() => {
  // Whatever a failed test left: the shell's process group holds Warden and its workers.
  for (const c of started) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe.skipIf(process.platform !== 'linux')('a Warden started by npm stops when npm has gone', () => {
  it('--workers 2: SIGTERM to the shell npx ran it in stops the primary and both workers', async () => {
    const { file } = await writeConfig('workers', 2);
    const run = serveInShell(file, npmEnv());
    await waitFor(run.output, /listening on[\s\S]*listening on/, 80_000);
    const workers = [...run.output().matchAll(/listening on .*worker (\d+)\)/g)].map((m) => Number(m[1]));
    const primary = parentPid(workers[0]);
    expect(parentPid(primary)).toBe(run.shell.pid);
    run.shell.kill('SIGTERM');
    for (const pid of [primary, ...workers]) await expect.poll(() => processAlive(pid), { timeout: 10_000, interval: 100 }).toBe(false);
    expect(run.output()).toMatch(/its parent process \d+ \(npm, or the shell npm ran it in\) exited; draining 2 worker/);
    expect(run.output()).toMatch(/stopped \(exit 0\)/);
  }, 120_000);

  it('one process: the same, after serving a request', async () => {
    const { file, port } = await writeConfig('single', 1);
    const run = serveInShell(file, npmEnv());
    await waitFor(run.output, /listening on/, 80_000);
    const res = await request(`http://127.0.0.1:${port}/`, { reset: true });
    await res.body.text();
    expect(res.statusCode).toBe(502);
    const warden = Number(/"pid":(\d+)/.exec(readFileSync(join(dir, 'single.log'), 'utf8'))![1]);
    expect(parentPid(warden)).toBe(run.shell.pid);
    run.shell.kill('SIGTERM');
    await expect.poll(() => processAlive(warden), { timeout: 10_000, interval: 100 }).toBe(false);
    expect(run.output()).toMatch(/its parent process \d+ \(npm, or the shell npm ran it in\) exited; draining requests in flight/);
  }, 120_000);

  it('not started by npm: a Warden whose parent exits keeps serving (nothing is watched)', async () => {
    const { file, port } = await writeConfig('plain', 1);
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    const run = serveInShell(file, env);
    await waitFor(run.output, /listening on/, 80_000);
    run.shell.kill('SIGTERM');
    await new Promise((r) => run.shell.once('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    const res = await request(`http://127.0.0.1:${port}/`, { reset: true });
    await res.body.text();
    expect(res.statusCode).toBe(502);
    const warden = Number(/"pid":(\d+)/.exec(readFileSync(join(dir, 'plain.log'), 'utf8'))![1]);
    process.kill(warden, 'SIGTERM');
    await expect.poll(() => processAlive(warden), { timeout: 10_000, interval: 100 }).toBe(false);
  }, 120_000);
});
