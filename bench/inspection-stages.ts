/**
 * Where one worst-case body's time goes, in process (issue 17, "bounded work"): normalizer, then each
 * gate of the default pipeline, run at once, for the shapes bench/worst-case-mix.ts sends; then the
 * proxy's way, in slices (src/inspect/work-clock.ts): the longest the event loop went without turning
 * (`stall`, wall time), the slices, the walk's CPU time (what inspection.cpuBudgetMs is held against)
 * and the most CPU one slice of the walk / of the rules took. Medians of `--runs`, in ms, and the verdict.
 *
 *   npx tsx bench/inspection-stages.ts [--runs N]
 */
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../src/config/load-config.js';
import { assembleGates, quietLog } from '../src/assemble.js';
import { WardenMetrics } from '../src/log/metrics.js';
import { Pipeline } from '../src/pipeline.js';
import { RoutePolicyResolver } from '../src/config/route-policy.js';
import { createInspector } from '../src/inspect/build-inspection.js';
import { heavyRequests } from './lib/worst-case-bodies.js';
import { finishInSlices, SliceClock } from '../src/inspect/work-clock.js';
import { INSPECTION_SLICE_MS } from '../src/proxy/server.js';

/** Longest time the event loop went without turning while `work` ran: what every other request would have waited. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const probe = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  const result = await work();
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { result, stallMs: longest };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('npx tsx bench/inspection-stages.ts [--runs N (5)]\n');
    return;
  }
  const runs = Number(values.runs);
  const config = await loadConfig(null);
  const gates = await assembleGates(config, quietLog(), new WardenMetrics(false));
  const pipeline = new Pipeline({ ...gates, reputation: null });
  const policies = new RoutePolicyResolver(config);
  const inspect = createInspector();
  for (const h of heavyRequests()) {
    const body = h.encoding === 'gzip' ? gunzipSync(h.body).subarray(0, config.body.limit) : h.body;
    const times: Record<string, number[]> = { normalize: [], signatures: [], model: [], schema: [], total: [], stall: [], 'stall: walk': [], 'stall: gates': [], slices: [], 'walk CPU': [], 'longest slice: walk': [], 'longest slice: rules': [] };
    let summary = '';
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const raw = { method: 'POST', url: '/api/import', httpVersion: '1.1', rawHeaders: ['Host', 'x', 'Content-Type', h.contentType], body, bodyTruncated: false, source: { ip: '127.0.0.1', peer: '127.0.0.1' } as never };
      const inspection = inspect(raw);
      times.normalize.push(performance.now() - t);
      const policy = policies.resolve('POST', '/api/import', '127.0.0.1');
      const { verdict } = await pipeline.run(inspection, policy, false);
      for (const g of ['signatures', 'model', 'schema', 'total'] as const) if (verdict.timings[g] !== undefined) times[g].push(verdict.timings[g]! / 1000);
      summary = `${verdict.action} (${inspection.targets.length} targets, limits ${JSON.stringify(inspection.limits ?? {})})`;
      // The proxy's way: the walk and the rule evaluations in slices; how long did the loop stall at most?
      const clock = new SliceClock(INSPECTION_SLICE_MS, Infinity);
      const walked = await longestStall(() => finishInSlices(inspect.steps(raw, clock), clock));
      const walk = clock.longestSliceMs;
      const walkCpu = clock.cpuMs;
      clock.longestSliceMs = 0;
      const judged = await longestStall(() => pipeline.run(walked.result, policy, false, clock));
      const sliced = { stallMs: Math.max(walked.stallMs, judged.stallMs), result: { slices: clock.slices, walk, walkCpu, rules: clock.longestSliceMs } };
      times['stall: walk'].push(walked.stallMs);
      times['stall: gates'].push(judged.stallMs);
      times['stall'].push(sliced.stallMs);
      times.slices.push(sliced.result.slices);
      times['longest slice: walk'].push(sliced.result.walk);
      times['walk CPU'].push(sliced.result.walkCpu);
      times['longest slice: rules'].push(sliced.result.rules);
    }
    const med = (xs: number[]): string => (xs.length === 0 ? '-' : [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1));
    process.stdout.write(`${h.name}: ${Object.entries(times).map(([k, v]) => `${k} ${med(v)}`).join(', ')} ms; ${summary}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
