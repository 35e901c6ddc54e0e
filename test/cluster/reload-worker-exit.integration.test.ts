import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';

// A staggered reload (src/cluster/primary.ts) builds the set on one worker after the other and then
// switches them all. A worker killed after it had built the set, while the other was still building it,
// came back on the config before the reload (the primary counted the reload as failed) while the other
// worker had switched: the two served different rules until the next reload (session 31, walk31's note).

let nginx: NginxUpstream;
let warden: CliProcess;
let dir: string;
let port: number;
let admin: string;

const OLD = 'exit-reload-old-token';
const NEW = 'exit-reload-new-token';
/** Enough rules that the second worker's build of the edited file takes a while: the first worker is killed meanwhile. */
const FILLER = 3000;

function rules(token: string): string {
  const lines = [`drop http any any -> any any (msg:"exit test ${token}"; content:"${token}"; http_uri; sid:1000001; rev:1;)`];
  for (let i = 0; i < FILLER; i++) lines.push(`alert http any any -> any any (msg:"filler ${i}"; content:"filler-${token}-${i}"; http_uri; sid:${2000000 + i}; rev:1;)`);
  return `${lines.join('\n')}\n`;
}

/** One connection per request, so the primary's round robin spreads them over the workers. */
async function get(path: string): Promise<number> {
  const res = await request(`http://127.0.0.1:${port}${path}`, { reset: true });
  await res.body.text();
  return res.statusCode;
}

beforeAll(async () => {
  nginx = await startNginx();
  dir = mkdtempSync(join(tmpdir(), 'warden-reload-exit-'));
  port = await freePort();
  admin = `127.0.0.1:${await freePort()}`;
  writeFileSync(join(dir, 'local.rules'), rules(OLD));
  writeFileSync(
    join(dir, 'warden.yaml'),
    `upstream: ${nginx.origin}\nlisten: 127.0.0.1:${port}\nworkers: 2\nmode: prevent\nadmin: { enabled: true, listen: ${admin} }\nmodel: { enabled: false }\nrules: { files: [local.rules] }\nlogging: { decisions: ${join(dir, 'decisions.log')} }\n`,
  );
  warden = runCli(['serve', '--config', join(dir, 'warden.yaml')]);
  await waitFor(warden.output, /listening on[\s\S]*listening on/, 110_000);
}, 120_000);

afterAll(async () => {
  warden?.child.kill('SIGKILL');
  await nginx?.stop();
});

describe('warden serve --workers 2, a worker that exits between building a reload and switching to it', () => {
  it('is replaced by a worker on the reloaded config, and the reload answers 200 saying so', async () => {
    for (let i = 0; i < 4; i++) expect(await get(`/before-${i}?q=${OLD}`)).toBe(403);
    writeFileSync(join(dir, 'local.rules'), rules(NEW));
    const answer = request(`http://${admin}/reload`, { method: 'POST' }).then(async (res) => ({ status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> }));
    // The first worker has built the set; the second is building it now: the first dies before the switch.
    const built = /reload built by worker \d \(pid (\d+)\), 1 of 2/.exec(await waitFor(warden.output, /reload built by worker \d \(pid \d+\), 1 of 2/, 60_000));
    const victim = Number(built![1]);
    process.kill(victim, 'SIGKILL');
    const reload = await answer;
    expect(reload.status).toBe(200);
    expect((reload.body.reloaded as Record<string, string>).workers).toMatch(new RegExp(`^1 of 2 applied; worker \\d \\(pid ${victim}\\) exited before it switched: its replacement starts on this config$`));
    await waitFor(warden.output, new RegExp(`worker \\d \\(pid ${victim}\\) exited \\(SIGKILL\\); respawning in 100 ms`), 10_000);
    await waitFor(warden.output, /(listening on .*worker \d+\)[\s\S]*){3}/, 80_000);
    const ready = (await (await request(`http://${admin}/readyz`)).body.json()) as { workers: { ready: number } };
    expect(ready.workers.ready).toBe(2);
    // Both workers, the replacement included, run the reloaded rules: the new token blocks, the old one passes.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await get(`/after-${i}?q=${NEW}`), await get(`/after-old-${i}?q=${OLD}`));
    expect(statuses).toEqual(Array.from({ length: 8 }, () => [403, 200]).flat());
  }, 180_000);
});
