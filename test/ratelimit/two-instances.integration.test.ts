import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';

// Two real `warden serve` processes on one real redis-server, in front of one NGINX: one limit.
const LIMIT = 300;
const WINDOW_SECONDS = 60;
const TOTAL = 1_000;

interface Instance {
  proc: CliProcess;
  port: number;
  adminPort: number;
}

function configFor(dir: string, name: string, port: number, adminPort: number, upstream: string, redisUrl: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `upstream: ${upstream}`,
      `listen: 127.0.0.1:${port}`,
      `admin: { listen: 127.0.0.1:${adminPort} }`,
      'model: { enabled: false }',
      'rules: { bundled: false }',
      'forwarding: { trustedProxies: [127.0.0.1/32] }',
      `logging: { decisions: ${join(dir, `${name}.log`)} }`,
      'rateLimits:',
      '  store: redis',
      // A generous command timeout: CI shares two cores; a timed-out count would fall back to local counters.
      `  redis: { url: "${redisUrl}", keyPrefix: "two:rl:", timeoutMs: 2000 }`,
      '  onStoreDown: local',
      '  rules:',
      `    - { id: shared, match: { pathPrefix: /shared/ }, key: ip, limit: ${LIMIT}, windowSeconds: ${WINDOW_SECONDS} }`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Checks an instance answered with its local fallback instead of Redis (`warden_ratelimit_store_fallbacks_total`). */
async function fallbacksOf(i: Instance): Promise<number> {
  const res = await request(`http://127.0.0.1:${i.adminPort}/metrics`);
  const text = await res.body.text();
  expect(res.statusCode).toBe(200);
  return text
    .split('\n')
    .filter((l) => l.startsWith('warden_ratelimit_store_fallbacks_total'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

describe.skipIf(!existsSync(REDIS_BINARY) || nginxBinary() === null)('two warden serve processes sharing one redis-server', () => {
  let redis: TestRedis;
  let nginx: NginxUpstream;
  const instances: Instance[] = [];

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    nginx = await startNginx();
    const dir = mkdtempSync(join(tmpdir(), 'warden-rl-two-'));
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const adminPort = await freePort();
      const file = configFor(dir, name, port, adminPort, nginx.origin, redis.url);
      instances.push({ proc: runCli(['serve', '--config', file]), port, adminPort });
    }
    await Promise.all(instances.map((i) => waitFor(i.proc.output, /listening on/, 60_000)));
  }, 90_000);

  afterAll(async () => {
    for (const i of instances) i.proc.child.kill('SIGKILL');
    await nginx?.stop();
    await redis?.stop();
  });

  it(`enforce one limit: of ${TOTAL} requests split across both, ${LIMIT} (±1 %) pass in one window`, async () => {
    const statuses = new Map<number, number>();
    const perInstance = [0, 0];
    let next = 0;
    const started = Date.now();
    // 16 clients in parallel, each request to the instance its number picks: half to each.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < TOTAL) {
          const n = next++;
          const target = instances[n % 2];
          const res = await request(`http://127.0.0.1:${target.port}/shared/${n}`, { headers: { 'x-forwarded-for': '203.0.113.50' } });
          await res.body.text();
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode === 200) perInstance[n % 2]++;
        }
      }),
    );
    const elapsed = Date.now() - started;
    // The key's window opened at the first request: every request must have fallen in it.
    expect(elapsed).toBeLessThan(WINDOW_SECONDS * 1000);
    // A check Redis did not answer within timeoutMs is answered by this process's own counters
    // (onStoreDown: local) and may pass beyond the shared count: each one is counted in the metrics,
    // none is expected (start-up waits for Redis), a few are tolerated from a loaded machine.
    const fallbacks = (await fallbacksOf(instances[0])) + (await fallbacksOf(instances[1]));
    expect(fallbacks).toBeLessThanOrEqual(10);
    const passed = statuses.get(200) ?? 0;
    expect([...statuses.keys()].sort()).toEqual([200, 429]);
    expect(passed).toBeGreaterThanOrEqual(Math.floor(LIMIT * 0.99));
    expect(passed).toBeLessThanOrEqual(Math.ceil(LIMIT * 1.01) + fallbacks);
    expect(statuses.get(429)).toBe(TOTAL - passed);
    // Both instances let some through: the limit is one, not one per instance (which would pass 600).
    expect(perInstance[0]).toBeGreaterThan(0);
    expect(perInstance[1]).toBeGreaterThan(0);
    // NGINX received exactly what passed.
    await nginx.logged(() => nginx.accessLog().filter((l) => l.uri.startsWith('/shared/')).length >= passed);
    expect(nginx.accessLog().filter((l) => l.uri.startsWith('/shared/')).length).toBe(passed);
  }, 60_000);
});
