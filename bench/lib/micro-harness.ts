import type { Bench } from 'tinybench';

/**
 * Shared settings for the per-gate micro-benchmarks (bench/signatures.ts, model.ts, schema.ts,
 * normalizer.ts). `bench/micro.ts --smoke` sets WARDEN_BENCH_SMOKE=1 so each file runs for a
 * fraction of a second: CI checks that they still run, never how fast.
 *
 *   const bench = new Bench(microBenchOptions({ time: 1500 }));
 */
export const SMOKE_ENV = 'WARDEN_BENCH_SMOKE';

export function isSmoke(): boolean {
  return process.env[SMOKE_ENV] === '1';
}

export function microBenchOptions(full: { time: number; warmupTime?: number }): { time: number; warmupTime: number; warmup: boolean } {
  return isSmoke() ? { time: 50, warmupTime: 10, warmup: true } : { time: full.time, warmupTime: full.warmupTime ?? 250, warmup: true };
}

/** Median and p99 per operation in µs, one row per task (what every micro-benchmark prints). */
export function printMicroResults(bench: Bench): void {
  console.table(
    bench.tasks.map((task) => {
      const result = task.result;
      if (result.state !== 'completed') return { task: task.name, state: result.state };
      return {
        task: task.name,
        'median µs': Number((result.latency.p50 * 1000).toFixed(2)),
        'p99 µs': Number((result.latency.p99 * 1000).toFixed(2)),
        samples: result.latency.samplesCount,
      };
    }),
  );
}
