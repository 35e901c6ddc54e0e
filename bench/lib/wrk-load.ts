import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchProcesses } from './child-processes.js';
import type { LoadRun } from './load-result.js';
import type { LoadRequest } from './scenarios.js';

export function wrkBinary(): string | null {
  const found = spawnSync('which', ['wrk'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null;
}

/** A Lua string literal for any bytes: printable ASCII as is, everything else as decimal escapes. */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/**
 * The wrk script for one scenario: requests pre-formatted once per thread and sent in rotation; at
 * the end one JSON line with counts and latency percentiles (wrk reports microseconds).
 */
export function wrkScript(requests: LoadRequest[]): string {
  const lines = requests.map((r) => {
    const headers = Object.entries(r.headers)
      .map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`)
      .join(', ');
    return `  reqs[#reqs + 1] = wrk.format(${luaString(r.method)}, ${luaString(r.path)}, { ${headers} }, ${r.body === undefined ? 'nil' : luaString(r.body)})`;
  });
  // Formatted in init: wrk sets the Host header only after the script's top level has run.
  return `local reqs = {}
init = function(args)
${lines.join('\n')}
end
local i = 0
request = function()
  i = i % #reqs + 1
  return reqs[i]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%f,"p99_us":%f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(99)))
end
`;
}

interface WrkSummary {
  requests: number;
  duration_us: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50_us: number;
  p99_us: number;
}

/** One wrk run (one thread, like autocannon's one event loop). wrk counts only non-2xx/3xx statuses. */
export async function runWrk(
  processes: BenchProcesses,
  options: { origin: string; requests: LoadRequest[]; connections: number; seconds: number; scriptDir: string },
): Promise<LoadRun> {
  const bin = wrkBinary();
  if (bin === null) throw new Error('wrk is not installed (apt-get install wrk), or use the default autocannon');
  const script = join(options.scriptDir, 'wrk-scenario.lua');
  writeFileSync(script, wrkScript(options.requests));
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, options.origin];
  const child = processes.spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (code !== 0 || line === undefined) throw new Error(`wrk failed (exit ${code}): ${out.slice(-2000)}`);
  const s = JSON.parse(line.slice('WRK_RESULT '.length)) as WrkSummary;
  const seconds = s.duration_us / 1e6;
  return {
    requests: s.requests,
    seconds,
    rps: s.requests / seconds,
    p50Ms: s.p50_us / 1000,
    p99Ms: s.p99_us / 1000,
    statuses: { '2xx/3xx': s.requests - s.status, 'non-2xx/3xx': s.status },
    errors: s.connect + s.read + s.write,
    timeouts: s.timeout,
  };
}
