/**
 * Cost of one request's reputation work (a lookup, then recording the outcome) for the three ways a
 * store can be reached: in process (memory store, one worker), through the cluster primary over IPC
 * (memory store, several workers: src/reputation/cluster-store.ts), and Redis on loopback.
 * Sequential, one request at a time, so each figure is one request's added latency.
 *   node --import tsx bench/reputation-ipc.ts [--ops 20000]
 */
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { IpcChannel } from '../src/cluster/ipc-channel.js';
import { ClusterReputationStore, reputationHandlers } from '../src/reputation/cluster-store.js';
import { MemoryReputationStore } from '../src/reputation/memory-store.js';
import { RedisReputationStore } from '../src/reputation/redis-store.js';
import type { ReputationStore } from '../src/reputation/types.js';
import { REDIS_BINARY, startRedis } from '../test/reputation/redis-server.js';
import { freePort } from '../test/helpers/nginx.js';

const opsArg = process.argv.indexOf('--ops');
const OPS = opsArg > 0 ? Number(process.argv[opsArg + 1]) : 20_000;
const params = { halfLifeMs: 3_600_000, maturityMs: 21_600_000, cleanRequestsScale: 100, maxEntries: 100_000 };

interface Figures {
  medianUs: number;
  p99Us: number;
}

/** Per request: get (awaited, as the pipeline does beside the model) then record (not awaited by the pipeline). */
async function measure(store: ReputationStore): Promise<Figures> {
  const samples = new Float64Array(OPS);
  for (let i = 0; i < OPS + 1000; i++) {
    const key = `ip:10.0.${(i >> 8) & 255}.${i & 255}`;
    const t = performance.now();
    const rep = await store.get(key, Date.now());
    void store.record({ key, at: Date.now(), attackScore: rep.score < 0 ? 0.9 : 0.1, blocked: false });
    if (i >= 1000) samples[i - 1000] = (performance.now() - t) * 1000;
  }
  samples.sort();
  return { medianUs: Math.round(samples[OPS >> 1] * 10) / 10, p99Us: Math.round(samples[Math.floor(OPS * 0.99)] * 10) / 10 };
}

if (cluster.isWorker) {
  const channel = new IpcChannel({ send: (m, cb) => process.send!(m, undefined, undefined, cb), on: (e, l) => process.on(e, l) });
  const store = new ClusterReputationStore(channel, { local: new MemoryReputationStore(params), timeoutMs: 1_000 });
  channel.handle({ run: () => measure(store) });
  channel.notify('ready');
} else {
  const rows: [string, Figures][] = [];
  rows.push(['in process (memory store, 1 worker)', await measure(new MemoryReputationStore(params))]);

  const worker = cluster.fork();
  const host = new MemoryReputationStore(params);
  // The worker's handlers exist once it says so (a message sent before that would be lost).
  const ready = new Promise((resolve) => new IpcChannel(worker, { ready: resolve }));
  const channel = new IpcChannel(worker, reputationHandlers(host));
  await ready;
  rows.push(['through the primary over IPC (memory store, N workers)', (await channel.request('run', null, 600_000)) as Figures]);
  worker.kill();

  if (existsSync(REDIS_BINARY)) {
    const redis = await startRedis(await freePort());
    const store = new RedisReputationStore({ ...params, url: redis.url, keyPrefix: 'bench:rep:', ttlMs: 36_000_000, timeoutMs: 1_000, retryAfterMs: 100 });
    for (let i = 0; i < 100 && !store.stats().redisUp; i++) await new Promise((r) => setTimeout(r, 50));
    const figures = await measure(store);
    // A Redis that did not answer would have been replaced by the local fallback: no figure then.
    if (store.stats().fallbacks === 0) rows.push(['Redis on loopback (store: redis)', figures]);
    else console.log(`Redis: ${store.stats().fallbacks} fallbacks to local memory; no Redis figure`);
    await store.close();
    await redis.stop();
  }
  console.log(`reputation get + record per request, ${OPS} sequential requests (µs)`);
  for (const [name, f] of rows) console.log(`${name.padEnd(58)} median ${String(f.medianUs).padStart(7)}  p99 ${String(f.p99Us).padStart(7)}`);
}
