import { median, type LoadRun } from './load-result.js';
import { processGroupCpuMs } from './process-cpu.js';
import type { LoadRequest, Scenario } from './scenarios.js';
import type { Target, TargetName } from './targets.js';

/** Drives one target with one scenario for `seconds` (autocannon or wrk). */
export type LoadDriver = (origin: string, requests: LoadRequest[], seconds: number) => Promise<LoadRun>;

export interface LoadOptions {
  drive: LoadDriver;
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /**
   * Runs right before a scenario's first timed request (status check). Per scenario rather than up
   * front, so the attack mix, last, does not raise the client's reputation before benign scenarios.
   */
  beforeScenario?: (scenario: Scenario) => Promise<void>;
  /** Progress lines (stderr), so a long run shows it is alive. */
  progress: (line: string) => void;
}

export interface CellResult {
  runs: LoadRun[];
  /** Medians across rounds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Median across rounds of the server's CPU µs per request (NaN when not read). */
  serverCpuUs: number;
  /** Status counts summed over rounds. */
  statuses: Record<string, number>;
  errors: number;
}

export type LoadResults = Record<string, Partial<Record<TargetName, CellResult>>>;

function summarise(runs: LoadRun[]): CellResult {
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    runs,
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    serverCpuUs: median(runs.map((r) => r.serverCpuUs ?? Number.NaN)),
    statuses,
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

/**
 * Per scenario: a short warm-up per target (JIT, connection pools), then `rounds` rounds that visit
 * the targets in the same order (A B C A B C), so drift over the run (thermal, other load on the
 * machine) shows up as spread between rounds rather than as a difference between targets.
 */
export async function runLoadBench(targets: Target[], scenarios: Scenario[], options: LoadOptions): Promise<LoadResults> {
  const results: LoadResults = {};
  const total = scenarios.length * targets.length * options.rounds;
  let done = 0;
  for (const scenario of scenarios) {
    const runs = new Map<TargetName, LoadRun[]>(targets.map((t) => [t.name, []]));
    await options.beforeScenario?.(scenario);
    if (options.warmupSeconds > 0) {
      for (const target of targets) {
        await options.drive(target.origin, scenario.requests, options.warmupSeconds);
      }
    }
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        const group = target.processGroup ?? null;
        const cpuBefore = group === null ? null : processGroupCpuMs(group);
        const run = await options.drive(target.origin, scenario.requests, options.seconds);
        const cpuAfter = group === null ? null : processGroupCpuMs(group);
        if (cpuBefore !== null && cpuAfter !== null && run.requests > 0) run.serverCpuUs = ((cpuAfter - cpuBefore) * 1000) / run.requests;
        runs.get(target.name)!.push(run);
        done++;
        options.progress(
          `[${done}/${total}] ${scenario.name} round ${round} ${target.name}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms` +
            (run.serverCpuUs !== undefined ? `, server CPU ${run.serverCpuUs.toFixed(0)} µs/req` : '') +
            (run.errors + run.timeouts > 0 ? `, ${run.errors} errors ${run.timeouts} timeouts` : ''),
        );
      }
    }
    results[scenario.name] = Object.fromEntries([...runs].map(([name, r]) => [name, summarise(r)]));
  }
  return results;
}
