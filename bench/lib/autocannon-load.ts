import autocannon, { type AutocannonRequest } from 'autocannon';
import type { LoadRun } from './load-result.js';
import { percentile } from './load-result.js';
import type { LoadRequest } from './scenarios.js';

/**
 * One autocannon run in this process. Latencies are taken from each response event (sub-millisecond
 * floats) rather than autocannon's histogram, which rounds to whole milliseconds and drops non-2xx
 * responses from its latency figures, and the attack mix is mostly 403s.
 */
/**
 * autocannon walks a request list per connection from its first entry, so with 50 connections and a
 * slow target the first few entries would make up the whole run. One entry that picks the next
 * request from a counter shared by all connections sends the list evenly, whatever the throughput.
 */
function rotation(requests: LoadRequest[]): AutocannonRequest[] {
  if (requests.length <= 1) return requests;
  let next = 0;
  return [
    {
      // `base` carries autocannon's defaults (host, port): keep them, replace the request itself.
      setupRequest: (base) => {
        const request = requests[next];
        next = (next + 1) % requests.length;
        return { ...base, method: request.method, path: request.path, headers: { ...base.headers, ...request.headers }, body: request.body ?? '' };
      },
    },
  ];
}

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
    requests: rotation(options.requests),
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
