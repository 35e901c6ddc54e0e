/**
 * Where one worst-case body's inspection allocates (issue 17, GC): V8's sampling heap profiler over
 * `--runs` inspections (walk + gates) of each shape bench/worst-case-mix.ts sends; prints, per shape,
 * the bytes allocated per request, what survives a forced GC while the inspection is held, and the
 * top allocating functions. In process, untimed; allocation counts do not depend on the machine's load.
 *
 *   node --expose-gc --import tsx bench/alloc-sites.ts [--runs N] [--top K]
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../src/config/load-config.js';
import { assembleGates, quietLog } from '../src/assemble.js';
import { WardenMetrics } from '../src/log/metrics.js';
import { Pipeline } from '../src/pipeline.js';
import { RoutePolicyResolver } from '../src/config/route-policy.js';
import { createInspector } from '../src/inspect/build-inspection.js';
import { heavyRequests } from './lib/worst-case-bodies.js';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

function bySite(node: ProfileNode, out: Map<string, number>): void {
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
  out.set(key, (out.get(key) ?? 0) + node.selfSize);
  for (const c of node.children) bySite(c, out);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, top: { type: 'string', default: '12' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('node --expose-gc --import tsx bench/alloc-sites.ts [--runs N (5)] [--top K (12)]\n');
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  const runs = Number(values.runs);
  const config = await loadConfig(null);
  const gates = await assembleGates(config, quietLog(), new WardenMetrics(false));
  const pipeline = new Pipeline({ ...gates, reputation: null });
  const policy = new RoutePolicyResolver(config).resolve('POST', '/api/import', '127.0.0.1');
  const inspect = createInspector();
  const requests = heavyRequests().map((h) => {
    const body = h.encoding === 'gzip' ? gunzipSync(h.body).subarray(0, config.body.limit) : h.body;
    return { name: h.name, raw: { method: 'POST', url: '/api/import', httpVersion: '1.1', rawHeaders: ['Host', 'x', 'Content-Type', h.contentType], body, bodyTruncated: false, source: { ip: '127.0.0.1', port: 1, peerIp: '127.0.0.1' } } };
  });
  // What an inspection keeps (what a young-generation GC copies while its walk is alive): 4 held at once, per one.
  const keptBy = new Map<string, { kept: number; targets: number }>();
  for (const { raw } of requests) inspect(raw);
  for (const { name, raw } of requests) {
    gc();
    gc();
    const base = process.memoryUsage().heapUsed;
    let held = [inspect(raw), inspect(raw), inspect(raw), inspect(raw)];
    gc();
    gc();
    keptBy.set(name, { kept: (process.memoryUsage().heapUsed - base) / held.length, targets: held[0].targets.length });
    held = [];
  }
  const session = new Session();
  session.connect();
  for (const h of requests) {
    const { raw } = h;
    await pipeline.run(inspect(raw), policy, false); // warm-up
    const { kept, targets } = keptBy.get(h.name)!;
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (let r = 0; r < runs; r++) await pipeline.run(inspect(raw), policy, false);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const sites = new Map<string, number>();
    bySite(profile.head as unknown as ProfileNode, sites);
    const total = [...sites.values()].reduce((a, b) => a + b, 0);
    const mb = (x: number): string => (x / 1_048_576).toFixed(2);
    process.stdout.write(`${h.name}: ${targets} targets; allocated ~${mb(total / runs)} MiB per request (walk + gates), kept while held ${mb(kept)} MiB (${Math.round(kept / targets)} bytes per target)\n`);
    for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
      process.stdout.write(`  ${mb(bytes / runs).padStart(6)} MiB  ${site}\n`);
    }
  }
  session.disconnect();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
