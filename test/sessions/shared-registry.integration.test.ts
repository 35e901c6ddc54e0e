import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';
import { readLogLines } from '../helpers/log-lines.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';
import { issuedSessionId, startSessionUpstream, type SessionUpstream } from './session-upstream.js';

/** One connection per request (no keep-alive): with --workers the primary's round robin spreads them. */
async function get(port: number, path: string, cookie?: string): Promise<{ cookie: string | null; setCookie: string | string[] | undefined }> {
  const res = await request(`http://127.0.0.1:${port}${path}`, { reset: true, headers: cookie === undefined ? {} : { cookie } });
  const body = (await res.body.json()) as { cookie?: string | null };
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
  return { cookie: body.cookie ?? null, setCookie: res.headers['set-cookie'] };
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached in ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function writeConfig(dir: string, name: string, lines: string[]): { file: string; log: string } {
  const log = join(dir, `${name}.log`);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, [...lines, 'admin: { enabled: false }', 'model: { enabled: false }', 'rules: { bundled: false }', `logging: { decisions: ${log}, logAllowed: true }`, ''].join('\n'));
  return { file, log };
}

describe.skipIf(!existsSync(REDIS_BINARY))('two warden serve processes sharing one redis-server as the session registry', () => {
  const PREFIX = 'two:sess:';
  let redis: TestRedis;
  let admin: Redis;
  let upstream: SessionUpstream;
  const instances: { proc: CliProcess; port: number; log: string }[] = [];

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    upstream = await startSessionUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'warden-sessions-two-'));
    writeFileSync(join(dir, 'session.key'), 'one key for every instance\n');
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const { file, log } = writeConfig(dir, name, [
        `upstream: ${upstream.origin}`,
        `listen: 127.0.0.1:${port}`,
        'sessions:',
        '  store: redis',
        '  hashKey: { file: session.key }',
        '  warmupSeconds: 3600',
        // Generous: CI shares two cores; a lookup past its budget passes unchecked (fail-open), which the test would take for a miss.
        `  redis: { url: "${redis.url}", keyPrefix: "${PREFIX}", timeoutMs: 5000 }`,
      ]);
      instances.push({ proc: runCli(['serve', '--config', file]), port, log });
    }
    await Promise.all(instances.map((i) => waitFor(i.proc.output, /listening on/, 90_000)));
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) i.proc.child.kill('SIGKILL');
    admin?.disconnect();
    await upstream?.close();
    await redis?.stop();
  });

  it('lets an unknown id through while the shared warm-up runs', async () => {
    const [, b] = instances;
    expect((await get(b.port, '/account', 'PHPSESSID=issuedbeforewarden')).cookie).toBe('PHPSESSID=issuedbeforewarden');
    expect(readLogLines(b.log).filter((l) => l.event === 'session-unissued')).toEqual([]);
  });

  it('after the warm-up: a session issued through A is accepted on B, an unissued one is stripped on both', async () => {
    const [a, b] = instances;
    // The registry has been watched for two hours (the anchor every instance reads), so both enforce now.
    await admin.set(`${PREFIX}anchor`, String(Date.now() - 2 * 3_600_000), 'PX', 60_000);
    const id = issuedSessionId((await get(a.port, '/login')).setCookie);
    expect((await get(b.port, '/account', `theme=dark; PHPSESSID=${id}`)).cookie).toBe(`theme=dark; PHPSESSID=${id}`);
    expect((await get(a.port, '/account', `PHPSESSID=${id}`)).cookie).toBe(`PHPSESSID=${id}`);
    for (const i of instances) {
      expect((await get(i.port, '/account', 'theme=dark; PHPSESSID=issuedbeforewarden')).cookie).toBe('theme=dark');
      expect(upstream.seen.at(-1)).toEqual({ path: '/account', cookie: 'theme=dark' });
    }
    for (const i of instances) await until(() => readLogLines(i.log).some((l) => l.event === 'session-unissued' && l.action === 'strip'), `a strip line from ${i.log}`);
    // Only digests in Redis, never an id.
    const keys = await admin.keys(`${PREFIX}*`);
    expect(keys.some((k) => k.includes(id))).toBe(false);
    expect(keys.filter((k) => k.startsWith(`${PREFIX}id:`))).toHaveLength(1);
  });
});

describe('warden serve --workers 2 with the memory session registry', () => {
  let upstream: SessionUpstream;
  let proc: CliProcess;
  let port: number;
  let log: string;

  beforeAll(async () => {
    upstream = await startSessionUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'warden-sessions-workers-'));
    port = await freePort();
    ({ log } = (() => {
      const written = writeConfig(dir, 'w', [`upstream: ${upstream.origin}`, `listen: 127.0.0.1:${port}`, 'workers: 2', 'sessions: { warmupSeconds: 0, primaryTimeoutMs: 5000 }']);
      proc = runCli(['serve', '--config', written.file]);
      return written;
    })());
    await waitFor(proc.output, /listening on[\s\S]*listening on/, 110_000);
  }, 120_000);

  afterAll(async () => {
    proc?.child.kill('SIGKILL');
    await upstream?.close();
  });

  it('behaves like one process: a session issued through one worker is accepted on the other, a planted one stripped on both', async () => {
    const id = issuedSessionId((await get(port, '/login')).setCookie);
    for (let n = 0; n < 6; n++) expect((await get(port, `/issued/${n}`, `PHPSESSID=${id}`)).cookie).toBe(`PHPSESSID=${id}`);
    for (let n = 0; n < 6; n++) expect((await get(port, `/planted/${n}`, `PHPSESSID=planted${n}; lang=en`)).cookie).toBe('lang=en');
    // Not vacuous: both workers served some of each (every line carries its process id).
    const pidsOf = (prefix: string, event: string): Set<unknown> => new Set(readLogLines(log).filter((l) => l.event === event && String((l.request as { path?: string })?.path).startsWith(prefix)).map((l) => l.pid));
    await until(() => pidsOf('/issued/', 'verdict').size === 2 && pidsOf('/planted/', 'session-unissued').size === 2, 'lines of both workers', 20_000);
  });
});
