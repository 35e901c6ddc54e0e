/**
 * What a rate limit costs (src/ratelimit/):
 * 1. one request's limit check (`RateLimits.check`: rule matching, key, count) with 1 and 5 matching
 *    rules, memory store and Redis on loopback (a real redis-server), sequential, one request at a
 *    time, so each figure is one request's added latency (median, p99 in µs);
 * 2. the proxy's throughput (req/s, autocannon) in front of NGINX with no limit rules, with 5 rules
 *    on the memory store and with 5 on Redis, gates off so the difference is the limits' alone;
 *    configurations alternate round by round and the median of the rounds is reported.
 * Limits are set far above the traffic: every check counts and none refuses.
 * 3. a flood of refused requests (limit 1, every answer a 429) on Redis, with the persistent-abuse
 *    tally on (one more Redis command per refusal, not awaited by the request) and off.
 *   node --import tsx bench/ratelimit.ts [--ops 20000] [--seconds 5] [--rounds 3] [--connections 50]
 *   (WARDEN_BENCH_SMOKE=1: a few hundred checks and one 1 s round, to prove it runs)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { validateWardenConfig } from '../src/config/load-config.js';
import { compileRateLimitRules, RateLimits, type RateLimitRequest } from '../src/ratelimit/rate-limits.js';
import { MemoryCounterStore, type CounterStore } from '../src/ratelimit/counter-store.js';
import { RedisCounterStore } from '../src/ratelimit/redis-counter-store.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../test/reputation/redis-server.js';
import { BenchProcesses } from './lib/child-processes.js';
import { isSmoke } from './lib/micro-harness.js';
import { nginxBinary, startUpstream } from './lib/nginx.js';
import { freePort } from './lib/ports.js';
import { runAutocannon } from './lib/autocannon-load.js';
import { median, percentile } from './lib/load-result.js';
import { GATES_OFF_CONFIG, startWarden } from './lib/warden-process.js';

const smoke = isSmoke();
const { values: opts } = parseArgs({
  options: {
    ops: { type: 'string', default: smoke ? '300' : '20000' },
    seconds: { type: 'string', default: smoke ? '1' : '5' },
    rounds: { type: 'string', default: smoke ? '1' : '3' },
    connections: { type: 'string', default: '50' },
  },
  strict: true,
});
const OPS = Number(opts.ops);
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);
const CONNECTIONS = Number(opts.connections);

/** Five rules every bench request matches, each a different key kind; limits nobody reaches. */
const FIVE_RULES = [
  { id: 'per-ip', key: 'ip', limit: 1_000_000_000, windowSeconds: 60 },
  { id: 'per-route', match: { pathPrefix: '/' }, key: 'route', limit: 1_000_000_000, windowSeconds: 60 },
  { id: 'per-tenant', key: ['header:X-Tenant', 'ip'], limit: 1_000_000_000, windowSeconds: 60 },
  { id: 'service', match: { methods: ['GET'] }, key: 'global', limit: 1_000_000_000, windowSeconds: 60 },
  { id: 'per-ip-burst', key: 'ip', limit: 1_000_000_000, windowSeconds: 1, burst: 10 },
];

function limitsOf(rules: unknown[], store: CounterStore): RateLimits {
  const config = validateWardenConfig({ rateLimits: { rules } });
  return new RateLimits(compileRateLimitRules(config.rateLimits, { apiKey: false, jwt: false }), store);
}

/**
 * Sequential checks over 10,000 client addresses: median and p99 of one check (wall clock, µs), and
 * process CPU time per check, which a busy machine disturbs much less than the wall clock.
 */
async function measure(limits: RateLimits): Promise<{ medianUs: number; p99Us: number; cpuUs: number }> {
  const samples = new Float64Array(OPS);
  const warm = Math.min(1000, OPS);
  const req: RateLimitRequest = { method: 'GET', url: '/api/orders/17?expand=items', rawHeaders: ['Host', 'api.bench', 'X-Tenant', 'acme'], ip: '', identity: undefined };
  let cpu = process.cpuUsage();
  for (let i = 0; i < OPS + warm; i++) {
    if (i === warm) cpu = process.cpuUsage();
    req.ip = `10.${(i >> 16) & 255}.${(i >> 8) & 39}.${i & 255}`;
    const t = performance.now();
    const out = await limits.check(req);
    if (out === null || out.limited !== null) throw new Error('bench check did not count, or refused');
    if (i >= warm) samples[i - warm] = (performance.now() - t) * 1000;
  }
  const used = process.cpuUsage(cpu);
  samples.sort();
  return {
    medianUs: Math.round(percentile(samples, 0.5) * 100) / 100,
    p99Us: Math.round(percentile(samples, 0.99) * 100) / 100,
    cpuUs: Math.round(((used.user + used.system) / OPS) * 100) / 100,
  };
}

const processes = new BenchProcesses();
const watchdog = processes.armWatchdog((ROUNDS * 3 * (SECONDS + 2) + 300) * 1000, 'bench ratelimit: still running; stopping everything');
let redis: TestRedis | null = null;
try {
  const checks: Record<string, { medianUs: number; p99Us: number; cpuUs: number }> = {};
  checks['memory, 1 rule'] = await measure(limitsOf(FIVE_RULES.slice(0, 1), new MemoryCounterStore()));
  checks['memory, 5 rules'] = await measure(limitsOf(FIVE_RULES, new MemoryCounterStore()));
  if (existsSync(REDIS_BINARY)) {
    redis = await startRedis(await freePort());
    const log = { info: () => undefined, error: (_f: object, m: string) => console.error(m) };
    const store = new RedisCounterStore({ url: redis.url, keyPrefix: 'bench:rl:', timeoutMs: 1000, retryAfterMs: 1000, onStoreDown: 'local', log });
    for (let i = 0; i < 100 && !store.connected; i++) await new Promise((r) => setTimeout(r, 20));
    checks['Redis (loopback), 1 rule'] = await measure(limitsOf(FIVE_RULES.slice(0, 1), store));
    checks['Redis (loopback), 5 rules'] = await measure(limitsOf(FIVE_RULES, store));
    if (store.outage.outages > 0) throw new Error('Redis fell back during the bench: the Redis figures would be the memory fallback');
    await store.close();
  } else console.log(`Redis figures skipped: ${REDIS_BINARY} not installed`);
  console.log(`\none limit check (RateLimits.check), ${OPS} sequential requests, µs:`);
  console.table(checks);

  if (nginxBinary() === null) {
    console.log('proxy throughput skipped: nginx is not installed');
  } else {
    const dir = processes.tempDir(mkdtempSync(join(tmpdir(), 'warden-bench-rl-')));
    const upstream = await startUpstream(processes, join(dir, 'upstream'));
    const configs: Record<string, Record<string, unknown>> = {
      'no limit rules': { ...GATES_OFF_CONFIG },
      '5 rules, memory': { ...GATES_OFF_CONFIG, rateLimits: { rules: FIVE_RULES } },
    };
    // Smoke: two processes, to prove the load part runs without paying a third start-up in CI.
    if (redis !== null && !smoke) configs['5 rules, Redis'] = { ...GATES_OFF_CONFIG, rateLimits: { store: 'redis', redis: { url: redis.url, keyPrefix: 'bench-proxy:rl:', timeoutMs: 1000 }, rules: FIVE_RULES } };
    // From the sources (tsx), so the bench measures this working tree, not whatever dist/ holds.
    const started = await Promise.all(
      Object.entries(configs).map(async ([name, config]) => [name, (await startWarden(processes, { name: name.replace(/[^a-z0-9]+/gi, '-'), dir, upstream: upstream.origin, config, entry: 'src' })).origin] as const),
    );
    const origins: Record<string, string> = Object.fromEntries(started);
    const requests = [{ method: 'GET', path: '/api/orders/17?expand=items', headers: { 'x-tenant': 'acme' } }];
    const rps: Record<string, number[]> = Object.fromEntries(Object.keys(configs).map((n) => [n, []]));
    const p99: Record<string, number[]> = Object.fromEntries(Object.keys(configs).map((n) => [n, []]));
    // Warm each (JIT, connections), then alternate so a noisy moment hits every configuration alike.
    for (const origin of Object.values(origins)) await runAutocannon({ origin, requests, connections: CONNECTIONS, seconds: 1 });
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, origin] of Object.entries(origins)) {
        const run = await runAutocannon({ origin, requests, connections: CONNECTIONS, seconds: SECONDS });
        const ok = run.statuses['200'] ?? 0;
        if (ok !== run.requests) throw new Error(`${name}: ${run.requests - ok} answers were not 200 (${JSON.stringify(run.statuses)})`);
        rps[name].push(run.rps);
        p99[name].push(run.p99Ms);
      }
    }
    const base = median(rps['no limit rules']);
    console.log(`\nproxy in front of NGINX, gates off, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per configuration (median of rounds):`);
    console.table(
      Object.fromEntries(
        Object.keys(configs).map((name) => [
          name,
          { 'req/s': Math.round(median(rps[name])), 'vs none': `${((median(rps[name]) / base) * 100).toFixed(1)} %`, 'p99 ms': Number(median(p99[name]).toFixed(2)), rounds: rps[name].map((r) => Math.round(r)).join(' / ') },
        ]),
      ),
    );

    if (redis !== null && !smoke) {
      // Every request refused: what the persistent-abuse tally adds to a flood of 429s.
      const flood = (persistentAbuse: boolean): Record<string, unknown> => ({
        ...GATES_OFF_CONFIG,
        rateLimits: { store: 'redis', redis: { url: redis!.url, keyPrefix: `bench-flood-${String(persistentAbuse)}:rl:`, timeoutMs: 1000 }, reputation: { persistentAbuse }, rules: [{ id: 'flood', key: 'ip', limit: 1, windowSeconds: 3600 }] },
      });
      const floodConfigs: Record<string, Record<string, unknown>> = { '429 flood, tally off': flood(false), '429 flood, tally on': flood(true) };
      const floodOrigins: Record<string, string> = {};
      for (const [name, config] of Object.entries(floodConfigs)) {
        floodOrigins[name] = (await startWarden(processes, { name: name.replace(/[^a-z0-9]+/gi, '-'), dir, upstream: upstream.origin, config, entry: 'src' })).origin;
        await runAutocannon({ origin: floodOrigins[name], requests, connections: CONNECTIONS, seconds: 1 });
      }
      const floodRps: Record<string, number[]> = Object.fromEntries(Object.keys(floodConfigs).map((n) => [n, []]));
      const floodP99: Record<string, number[]> = Object.fromEntries(Object.keys(floodConfigs).map((n) => [n, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, origin] of Object.entries(floodOrigins)) {
          const run = await runAutocannon({ origin, requests, connections: CONNECTIONS, seconds: SECONDS });
          const refused = run.statuses['429'] ?? 0;
          if (refused !== run.requests) throw new Error(`${name}: ${run.requests - refused} answers were not 429 (${JSON.stringify(run.statuses)})`);
          floodRps[name].push(run.rps);
          floodP99[name].push(run.p99Ms);
        }
      }
      const off = median(floodRps['429 flood, tally off']);
      console.log(`\na flood of refused requests (limit 1, Redis), ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per configuration (median of rounds):`);
      console.table(
        Object.fromEntries(
          Object.keys(floodConfigs).map((name) => [
            name,
            { 'req/s': Math.round(median(floodRps[name])), 'vs off': `${((median(floodRps[name]) / off) * 100).toFixed(1)} %`, 'p99 ms': Number(median(floodP99[name]).toFixed(2)), rounds: floodRps[name].map((r) => Math.round(r)).join(' / ') },
          ]),
        ),
      );
    }
  }
} finally {
  clearTimeout(watchdog);
  await redis?.stop();
  await processes.stopAll();
}
