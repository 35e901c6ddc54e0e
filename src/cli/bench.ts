import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type CliIo, type CommandSpec } from './args.js';

const RUNNER = fileURLToPath(new URL('../../bench/run.ts', import.meta.url));

export const BENCH_HELP = `Usage: warden bench [options]          (the same as npm run bench -- [options]; needs the source checkout)

Starts on 127.0.0.1 an NGINX upstream, Warden (full pipeline, and with the gates off), a plain NGINX
proxy and, when installed, NGINX + ModSecurity + CRS; drives each with a load generator; prints one
table and writes bench/results/latest.json and latest.svg. Before the load runs, the WAF targets are
scored on the same request records (default: bench/data/attacks.ndjson and benign.ndjson).

Load:
  --duration S        seconds per round (default 3)
  --rounds N          rounds per target and scenario; medians are reported (default 3)
  --connections N     concurrent connections (default 50)
  --warmup S          warm-up seconds before each target (default 1)
  --targets a,b       targets to run (default: all)
  --scenarios a,b     request scenarios to run (default: all)
  --loadgen NAME      autocannon (default) or wrk
  --out DIR           where results go (default bench/results)
  --write-doc         also rewrite the results section of BENCHMARKS.md
Detection:
  --corpus FILE       request records (NDJSON, the warden eval format); repeatable
  --payloads FILE     payload lists turned into records; repeatable, --limit N per file (default 300)
  --detect-only       only the detection comparison, no load
  --no-detect         only the load, no detection comparison
Other runs:
  --micro             per-gate micro-benchmarks
  --gate2             gate-2 (model) time per request inside a loaded proxy
  --smoke             everything, briefly (what CI runs)`;

/** The runner's own table (bench/run.ts, node:util parseArgs) validates values; this one names the flags. */
export const BENCH_FLAGS: CommandSpec = {
  name: 'bench',
  maxPositionals: 0,
  flags: {
    duration: { kind: 'number', min: 0 },
    rounds: { kind: 'integer', min: 1 },
    connections: { kind: 'integer', min: 1 },
    warmup: { kind: 'number', min: 0 },
    targets: { kind: 'string' },
    scenarios: { kind: 'string' },
    loadgen: { kind: 'enum', values: ['autocannon', 'wrk'] },
    out: { kind: 'string' },
    'write-doc': { kind: 'boolean' },
    corpus: { kind: 'string', repeatable: true },
    payloads: { kind: 'string', repeatable: true },
    limit: { kind: 'integer', min: 1 },
    'detect-only': { kind: 'boolean' },
    'no-detect': { kind: 'boolean' },
    micro: { kind: 'boolean' },
    gate2: { kind: 'boolean' },
    smoke: { kind: 'boolean' },
  },
};

/**
 * `warden bench` is `npm run bench`: the benchmark suite lives in bench/ (TypeScript run by tsx, a dev
 * dependency), so it needs a source checkout with `npm install` done; it passes its arguments through.
 */
export async function runBenchCommand(args: string[], io: CliIo): Promise<number> {
  if (parseArgs(args, BENCH_FLAGS).flags.has('help')) {
    io.out(BENCH_HELP);
    return 0;
  }
  if (!existsSync(RUNNER)) {
    io.err('warden bench: bench/run.ts is not here; the benchmarks run from a source checkout (npm install, then npm run bench).');
    return 1;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { stdio: 'inherit', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
