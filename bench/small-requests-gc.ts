/**
 * What a smaller young generation costs ordinary requests (issue 17): two `warden serve` (default
 * config, one with V8's default semi-spaces, one with `--max-semi-space-size=N`) in front of one NGINX
 * upstream on 127.0.0.1, each run with `--trace-gc-nvp` and driven in turn with autocannon by the
 * small scenarios of `npm run bench`; prints per run the scavenges and their pause time per 1,000
 * requests (bench/lib/gc-trace.ts). The scavenge count per request does not depend on the machine's
 * load; the pause time does (a loaded machine preempts the GC too), hence runs in turn.
 *
 *   npx tsx bench/small-requests-gc.ts [--semi-space MB (4)] [--seconds S (3)] [--rounds R (3)] [--connections N (20)] [--scenarios a,b]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { scavengesOf } from './lib/gc-trace.js';
import { startUpstream } from './lib/nginx.js';
import { buildScenarios } from './lib/scenarios.js';
import { startWarden } from './lib/warden-process.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'semi-space': { type: 'string', default: '4' },
      seconds: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '20' },
      scenarios: { type: 'string', default: 'get-query,json-1k,form,multipart' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/small-requests-gc.ts [--semi-space MB (4)] [--seconds S (3)] [--rounds R (3)] [--connections N (20)] [--scenarios get-query,json-1k,form,multipart]\n');
    return;
  }
  const semi = Number(values['semi-space']);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  if (!(Number.isInteger(semi) && semi >= 1 && semi <= 64) || !(seconds > 0 && seconds <= 60) || !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20) || !(connections >= 1 && connections <= 256)) {
    throw new Error('--semi-space an integer in [1, 64], --seconds in (0, 60], --rounds an integer in [1, 20], --connections in [1, 256]');
  }
  const all = await buildScenarios();
  const scenarios = values.scenarios.split(',').map((name) => {
    const s = all.find((x) => x.name === name);
    if (s === undefined) throw new Error(`unknown scenario ${name} (known: ${all.map((x) => x.name).join(', ')})`);
    return s;
  });
  const processes = new BenchProcesses();
  const watchdog = processes.armWatchdog((scenarios.length * rounds * 2 * (seconds + 2) + 120) * 1000, 'small-requests-gc: still running; stopping everything');
  try {
    const { dir } = processes.scratch('warden-small-gc-');
    const upstream = await startUpstream(processes, dir('upstream'));
    const variants = [
      { label: 'default', flags: [] as string[] },
      { label: `--max-semi-space-size=${semi}`, flags: [`--max-semi-space-size=${semi}`] },
    ];
    const wardens = [];
    for (const [i, v] of variants.entries()) {
      const name = `warden-${i}`;
      const w = await startWarden(processes, { name, dir: dir(name), upstream: upstream.origin, config: {}, entry: 'src', nodeArgs: [...v.flags, '--trace-gc-nvp'] });
      // V8 writes the trace to the process's stdout, which startWarden sends to its log file.
      wardens.push({ ...v, origin: w.origin, log: w.logFile });
    }
    for (const scenario of scenarios) {
      for (let r = 0; r < rounds; r++) {
        for (const w of wardens) {
          const before = scavengesOf(readFileSync(w.log, 'utf8')).length;
          const run = await runAutocannon({ origin: w.origin, requests: scenario.requests, connections, seconds });
          const traced = scavengesOf(readFileSync(w.log, 'utf8')).slice(before);
          const pauseMs = traced.reduce((a, s) => a + s.pauseMs, 0);
          const per = (x: number): string => ((x * 1000) / Math.max(1, run.requests)).toFixed(1);
          process.stdout.write(
            `${scenario.name} round ${r + 1}, ${w.label}: ${run.requests} requests (${run.rps.toFixed(0)}/s, p99 ${run.p99Ms.toFixed(1)} ms); per 1,000 requests ${per(traced.length)} scavenges, ${per(pauseMs)} ms of scavenge pauses\n`,
          );
        }
      }
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    processes.detach();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
