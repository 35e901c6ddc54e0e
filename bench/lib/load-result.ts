/** One timed run of one scenario against one target. */
export interface LoadRun {
  requests: number;
  seconds: number;
  rps: number;
  /** Latency percentiles over every response, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Responses per status code; connection errors and timeouts separately. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /**
   * CPU time the server's processes used during the run per completed request, µs (process-cpu.ts);
   * absent when not read. For a proxy it includes talking to the upstream, not the upstream's work.
   */
  serverCpuUs?: number;
}

/** Nearest-rank percentile of sorted values (q in 0..1). */
export function percentile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}
