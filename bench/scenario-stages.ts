/**
 * Where one `npm run bench` scenario request's time goes inside Warden, in process (no proxy, no load
 * generator): inspection, then each gate of the default pipeline (bundled rules, shipped model),
 * timed around the same calls the proxy makes. Medians (and p99) over `--runs` after a warm-up, in µs,
 * plus the model gate's count of scored texts and the process CPU time per request over the loop
 * (what the event-loop machinery costs besides the stages). The load bench says whether the gates
 * cost too much; this says which one. `--waited` runs each request as the proxy runs one that has
 * waited for a turn once (busy proxy): the walk and the gates in slices on a `SliceClock`, with the
 * phase changes that may take an event-loop turn.
 *
 *   npx tsx bench/scenario-stages.ts [--runs N] [--scenarios a,b] [--waited]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config.js';
import { assembleGates, quietLog } from '../src/assemble.js';
import { WardenMetrics } from '../src/log/metrics.js';
import { Pipeline } from '../src/pipeline.js';
import { RoutePolicyResolver } from '../src/config/route-policy.js';
import { createInspector } from '../src/inspect/build-inspection.js';
import { finishInSlices, SliceClock } from '../src/inspect/work-clock.js';
import { INSPECTION_SLICE_MS } from '../src/proxy/server.js';
import { buildScenarios, scenarioRawRequest } from './lib/scenarios.js';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '2000' }, scenarios: { type: 'string' }, waited: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/scenario-stages.ts [--runs N (2000)] [--scenarios get-query,json-1k,form,multipart,attack-mix] [--waited]\n');
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 10) throw new Error(`--runs must be an integer >= 10, got ${values.runs}`);
  const config = await loadConfig(null);
  const gates = await assembleGates(config, quietLog(), new WardenMetrics(false));
  const pipeline = new Pipeline({ ...gates, reputation: null });
  const policies = new RoutePolicyResolver(config);
  const inspect = createInspector();
  const wanted = values.scenarios?.split(',');
  const scenarios = (await buildScenarios()).filter((s) => wanted === undefined || wanted.includes(s.name));
  const waited = values.waited;
  process.stdout.write(`model ${gates.model === null ? 'off' : 'on'}; ${waited ? 'in slices, clock waited once; ' : ''}${runs} runs per scenario after ${runs >> 2} warm-up; µs median (p99)\n`);
  for (const scenario of scenarios) {
    const times: Record<string, number[]> = { inspect: [], signatures: [], model: [], total: [] };
    let screened = 0;
    let cpuStart = process.cpuUsage();
    for (let r = -(runs >> 2); r < runs; r++) {
      if (r === 0) cpuStart = process.cpuUsage();
      const request = scenario.requests[(r + runs) % scenario.requests.length];
      const raw = scenarioRawRequest(request);
      const t = performance.now();
      let clock: SliceClock | undefined;
      let inspection;
      if (waited) {
        clock = new SliceClock(INSPECTION_SLICE_MS, Infinity);
        clock.willWait();
        inspection = await finishInSlices(inspect.steps(raw, clock), clock);
      } else inspection = inspect(raw);
      const inspectUs = (performance.now() - t) * 1000;
      const { verdict, results } = await pipeline.run(inspection, policies.resolve(request.method, request.path, '127.0.0.1'), false, clock);
      if (r < 0) continue;
      times.inspect.push(inspectUs);
      times.signatures.push(verdict.timings.signatures ?? 0);
      times.model.push(verdict.timings.model ?? 0);
      times.total.push(inspectUs + (verdict.timings.total ?? 0));
      screened += results.model?.screened ?? 0;
    }
    const cpu = process.cpuUsage(cpuStart);
    const cells = Object.entries(times).map(([k, v]) => `${k} ${quantile(v, 0.5).toFixed(0)} (${quantile(v, 0.99).toFixed(0)})`);
    process.stdout.write(`${scenario.name}: ${cells.join(', ')}; CPU/request ${((cpu.user + cpu.system) / runs).toFixed(0)}; targets scored per request ${(screened / runs).toFixed(2)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
