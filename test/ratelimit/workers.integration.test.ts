import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';

// One `warden serve --workers 2` with the memory store: the counters live in the primary.
const LIMIT = 100;
const TOTAL = 300;

describe.skipIf(nginxBinary() === null)('warden serve --workers 2 with rateLimits.store: memory', () => {
  let nginx: NginxUpstream;
  let warden: CliProcess;
  let port: number;
  let log: string;
  let file: string;
  const configWith = (limit: number): string =>
    [
      `upstream: ${nginx.origin}`,
      `listen: 127.0.0.1:${port}`,
      'admin: { enabled: false }',
      'model: { enabled: false }',
      'rules: { bundled: false }',
      'forwarding: { trustedProxies: [127.0.0.1/32] }',
      `logging: { decisions: ${log}, logAllowed: true }`,
      'rateLimits:',
      // Generous: on a starved CI machine a count the primary answers late would fall back to per-worker counters.
      '  primaryTimeoutMs: 2000',
      '  rules:',
      `    - { id: per-ip, match: { pathPrefix: /w/ }, key: ip, limit: ${limit}, windowSeconds: 60 }`,
      '',
    ].join('\n');

  beforeAll(async () => {
    nginx = await startNginx();
    const dir = mkdtempSync(join(tmpdir(), 'warden-rl-workers-'));
    port = await freePort();
    log = join(dir, 'decisions.log');
    file = join(dir, 'warden.yaml');
    writeFileSync(file, configWith(LIMIT));
    warden = runCli(['serve', '--config', file, '--workers', '2']);
    await waitFor(warden.output, /listening on[\s\S]*listening on/, 90_000);
  }, 100_000);

  afterAll(async () => {
    warden?.child.kill('SIGTERM');
    await Promise.race([warden?.exit, new Promise((r) => setTimeout(r, 5_000))]);
    warden?.child.kill('SIGKILL');
    await nginx?.stop();
  });

  it(`share one count: of ${TOTAL} requests spread over both workers, ${LIMIT} pass`, async () => {
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < TOTAL) {
          next++;
          // A new connection per request: the primary's round robin spreads them over the workers.
          const res = await request(`http://127.0.0.1:${port}/w/${next}`, { reset: true, headers: { 'x-forwarded-for': '203.0.113.77' } });
          await res.body.text();
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        }
      }),
    );
    const passed = statuses.get(200) ?? 0;
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
    // Every count was the primary's (none fell back to a worker's own counters).
    expect(text).not.toContain('ratelimit-store-down');
    expect([...statuses.keys()].sort()).toEqual([200, 429]);
    // Per-worker counters would pass up to 2 × LIMIT.
    expect(passed).toBeGreaterThanOrEqual(LIMIT - 1);
    expect(passed).toBeLessThanOrEqual(LIMIT + 1);
    // Both workers answered (each line carries its worker's pid), the refusals too.
    const verdicts = text.split('\n').filter((l) => l.includes('"event":"verdict"') && l.includes('/w/')).map((l) => JSON.parse(l) as { pid: number; status: number });
    expect(new Set(verdicts.filter((v) => v.status === 200).map((v) => v.pid)).size).toBe(2);
    expect(new Set(verdicts.filter((v) => v.status === 429).map((v) => v.pid)).size).toBe(2);
  }, 60_000);

  it('drop the counters of a rule a reload replaced, as one process does: the rule put back starts afresh', async () => {
    const from = { 'x-forwarded-for': '203.0.113.78' };
    const send = async (): Promise<number> => {
      const res = await request(`http://127.0.0.1:${port}/w/again`, { reset: true, headers: from });
      await res.body.text();
      return res.statusCode;
    };
    const seen: number[] = [];
    for (let i = 0; i < LIMIT + 5 && seen.at(-1) !== 429; i++) seen.push(await send());
    expect(seen.at(-1)).toBe(429);
    const reloads = (): number => warden.output().split('warden: reloaded').length - 1;
    for (const [limit, count] of [[LIMIT + 50, 1], [LIMIT, 2]] as const) {
      writeFileSync(file, configWith(limit));
      warden.child.kill('SIGHUP');
      await waitFor(() => String(reloads()), new RegExp(`^${count}$`), 30_000);
    }
    // The primary used to keep the old counter (still inside its 60 s window): the first request got 429.
    expect(await send()).toBe(200);
  }, 90_000);
});
