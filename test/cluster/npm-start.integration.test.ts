import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { parentPid, processAlive, waitFor } from '../helpers/cli-process.js';

// Walked from the README ("Set-up": `npm start` runs the proxy; "Several workers", "Stopping"): SIGTERM to
// `npm start -- --workers 2` (what a supervisor sends to the process it started) ended npm and the shell it
// ran the script in, and left Warden's primary and both workers running, re-parented to init, still
// holding the port. npm passes SIGTERM on to that shell (dash), which exits without passing it on; the
// start script now `exec`s node, so the signal reaches Warden itself.
const root = resolve(__dirname, '..', '..');
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));



describe.skipIf(!npm || !built || process.platform !== 'linux')('npm start -- --workers 2', () => {
  it('stops the primary and every worker when npm gets SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-npm-start-'));
    const config = join(dir, 'warden.yaml');
    const port = await freePort();
    writeFileSync(config, `listen: 127.0.0.1:${port}\nupstream: http://127.0.0.1:${await freePort()}\nadmin: { enabled: false }\nmodel: { enabled: false }\nrules: { bundled: false }\n`);
    // Its own process group, so the finally below can end whatever is left without touching the test runner.
    const child = spawn('npm', ['start', '--', '--config', config, '--workers', '2'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const npmExit = new Promise((r) => child.once('exit', r));
    try {
      await waitFor(() => out, /listening on[\s\S]*listening on/, 60_000);
      const workers = [...out.matchAll(/listening on .*worker (\d+)\)/g)].map((m) => Number(m[1]));
      expect(workers).toHaveLength(2);
      const primary = parentPid(workers[0]);
      expect(parentPid(workers[1])).toBe(primary);
      expect(primary).not.toBe(child.pid);
      child.kill('SIGTERM');
      await npmExit;
      // timeouts.shutdownMs (10 s) bounds the stop; nothing is in flight, so it takes far less.
      for (const pid of [primary, ...workers]) await expect.poll(() => processAlive(pid), { timeout: 10_000, interval: 100 }).toBe(false);
      expect(out).toMatch(/SIGTERM; draining 2 worker/);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 90_000);
});
