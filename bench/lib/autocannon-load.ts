import autocannon from 'autocannon';
import type { LoadRun } from './load-result.js';
import { percentile } from './load-result.js';
import type { LoadRequest } from './scenarios.js';

/**
 * One autocannon run in this process. Latencies are taken from each response event (sub-millisecond
 * floats) rather than autocannon's histogram, which rounds to whole milliseconds and drops non-2xx
 * responses from its latency figures, and the attack mix is mostly 403s.
 */
export async function runAutocannon(options: {
  origin: string;
  requests: LoadRequest[];
  connections: number;
  seconds: number;
}): Promise<LoadRun> {
  const times: number[] = [];
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: options.requests,
    excludeErrorStats: false,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await instance;
  const sorted = Float64Array.from(times).sort();
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  const total = times.length;
  return {
    requests: total,
    seconds: result.duration,
    rps: total / result.duration,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
