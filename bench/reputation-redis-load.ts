/**
 * Redis as the shared reputation store under load (issue 17): one `warden serve` (default config,
 * `reputation.store: redis`) in front of an NGINX upstream, a real redis-server, all on 127.0.0.1;
 * autocannon sends a 1:1:1 benign GET / 1 KB JSON / attack mix on `--connections` connections for
 * `--seconds`, from 300 client fingerprints (user agents), so reputation reads and writes many keys.
 * Prints the share of reputation operations answered from local memory
 * (`warden_reputation_fallbacks_total / warden_reputation_operations_total`, scraped from /metrics)
 * while Redis is healthy; with `--kill` it SIGKILLs redis-server a third into the run and restarts
 * it at two thirds, and counts the store's down / up log lines (expected: exactly one each).
 *
 *   npx tsx bench/reputation-redis-load.ts [--seconds 20] [--connections 50] [--kill] [--timeout-ms N] [--entry src|dist] [--root DIR]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { REDIS_BINARY, startRedis } from '../test/reputation/redis-server.js';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { startUpstream } from './lib/nginx.js';
import { freePort } from './lib/ports.js';
import { benignJsonAttackMix } from './lib/scenarios.js';
import { startWarden, type WardenEntry } from './lib/warden-process.js';

const HELP = `npx tsx bench/reputation-redis-load.ts [--seconds S (20)] [--connections N (50)] [--kill]
    [--timeout-ms N (the config default)] [--entry src|dist (src)] [--root CHECKOUT (this one; another revision for an A/B)]
`;

/** Sum of a counter's samples (all label sets) in a Prometheus text exposition. */
function counter(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function scrape(admin: string): Promise<{ fallbacks: number; operations: number }> {
  const text = await (await fetch(`http://${admin}/metrics`)).text();
  return { fallbacks: counter(text, 'warden_reputation_fallbacks_total'), operations: counter(text, 'warden_reputation_operations_total') };
}

function storeLines(file: string): { down: number; up: number; reasons: string[] } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const down = lines.filter((l) => l.includes('"reputation-store-down"'));
  const reasons = [...new Set(down.map((l) => String((JSON.parse(l) as { msg?: string }).msg ?? '').replace(/^.*local memory: /, '')))];
  return { down: down.length, up: lines.filter((l) => l.includes('"reputation-store-up"')).length, reasons };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      kill: { type: 'boolean', default: false },
      'timeout-ms': { type: 'string' },
      entry: { type: 'string', default: 'src' },
      root: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!(seconds >= 3 && seconds <= 600) || !(connections >= 1 && connections <= 1000)) throw new Error('--seconds in [3, 600], --connections in [1, 1000]');
  const processes = new BenchProcesses();
  const watchdog = processes.armWatchdog((seconds * 2 + 120) * 1000, 'reputation-redis-load: still running; stopping everything');
  const redis = await startRedis(await freePort());
  try {
    const { dir } = processes.scratch('warden-redis-load-');
    const upstream = await startUpstream(processes, dir('upstream'));
    const admin = `127.0.0.1:${await freePort()}`;
    const redisConfig: Record<string, unknown> = { url: redis.url };
    if (values['timeout-ms'] !== undefined) redisConfig.timeoutMs = Number(values['timeout-ms']);
    const warden = await startWarden(processes, {
      name: 'warden-redis',
      dir: dir('warden'),
      upstream: upstream.origin,
      config: { reputation: { store: 'redis', redis: redisConfig } },
      entry: values.entry as WardenEntry,
      ...(values.root !== undefined ? { root: values.root } : {}),
      admin,
    });
    const requests = await benignJsonAttackMix(300);
    await runAutocannon({ origin: warden.origin, requests, connections, seconds: 2 }); // warm-up
    const before = await scrape(admin);
    const killer = values.kill
      ? (async () => {
          await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
          await redis.kill();
          process.stdout.write(`redis-server killed at ${(seconds / 3).toFixed(1)} s\n`);
          await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
          await redis.restart();
          process.stdout.write(`redis-server restarted at ${((2 * seconds) / 3).toFixed(1)} s\n`);
        })()
      : Promise.resolve();
    const [run] = await Promise.all([runAutocannon({ origin: warden.origin, requests, connections, seconds }), killer]);
    // Let in-flight writes settle before the scrape.
    await new Promise((r) => setTimeout(r, 500));
    const after = await scrape(admin);
    const fallbacks = after.fallbacks - before.fallbacks;
    const operations = after.operations - before.operations;
    // Before the operations counter existed: 2 reads + 2 writes per request.
    const denominator = operations > 0 ? operations : run.requests * 4;
    process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    process.stdout.write(
      `${run.requests} requests in ${run.seconds} s (${run.rps.toFixed(0)} req/s, ${connections} connections), p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, statuses ${JSON.stringify(run.statuses)}\n`,
    );
    process.stdout.write(
      `reputation operations ${operations > 0 ? operations : `~${denominator} (4 per request; no operations counter)`}, fallbacks ${fallbacks} = ${((100 * fallbacks) / denominator).toFixed(2)} %${values.kill ? ' (includes the outage)' : ' (target ≤ 1 %)'}\n`,
    );
    const lines = storeLines(warden.decisionsFile);
    process.stdout.write(`store log lines: reputation-store-down ${lines.down}, reputation-store-up ${lines.up}${values.kill ? ' (expected 1 and 1)' : ''}${lines.reasons.length > 0 ? `; down because: ${lines.reasons.join(' | ')}` : ''}\n`);
  } finally {
    clearTimeout(watchdog);
    await redis.stop();
    await processes.stopAll();
    processes.detach();
  }
}

if (!(await import('node:fs')).existsSync(REDIS_BINARY)) {
  process.stderr.write(`reputation-redis-load: ${REDIS_BINARY} not found\n`);
  process.exitCode = 1;
} else {
  await main();
}
