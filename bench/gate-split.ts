/**
 * What each detection gate costs inside the proxy: four `warden serve` of this checkout in front of one
 * NGINX upstream, gates off, signatures only (model off), model only (bundled rules off) and the full
 * pipeline, driven in turns per scenario (the order reversed every other round, so drift lands on all
 * four alike). Per scenario it prints each server's CPU per request (its process's CPU time over the
 * requests answered, as the load bench reads it) and what it adds over gates-off, medians of the rounds,
 * with each server's answers: a server that blocks what another forwards skips the upstream round trip,
 * so on the attack mix a gate's figure is its cost minus the forwarding it saves.
 *
 *   npx tsx bench/gate-split.ts [--scenarios a,b] [--rounds N (5)] [--duration S (3)] [--connections N (50)] [--warmup S (1)]
 *
 * dist/ must be built (npm run build).
 */
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { median, type LoadRun } from './lib/load-result.js';
import { startUpstream } from './lib/nginx.js';
import { processGroupCpuMs } from './lib/process-cpu.js';
import { buildScenarios } from './lib/scenarios.js';
import { assertWardenBuilt, GATES_OFF_CONFIG, startWarden, type WardenInstance } from './lib/warden-process.js';

const VARIANTS: ReadonlyArray<{ name: string; config: Record<string, unknown> }> = [
  { name: 'off', config: GATES_OFF_CONFIG },
  { name: 'signatures', config: { model: { enabled: false } } },
  { name: 'model', config: { rules: { bundled: false } } },
  { name: 'full', config: {} },
];

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${text}`);
  return n;
}

function statusMix(runs: LoadRun[]): string {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.statuses)) {
      counts[code] = (counts[code] ?? 0) + n;
      total += n;
    }
  }
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => (n === total ? code : `${code} ${Math.round((100 * n) / total)}%`))
    .join(', ');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scenarios: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/gate-split.ts [--scenarios get-query,json-1k,form,multipart,attack-mix] [--rounds N (5)] [--duration S (3)] [--connections N (50)] [--warmup S (1)]\n');
    return 0;
  }
  assertWardenBuilt();
  const rounds = positive('rounds', values.rounds!);
  const seconds = positive('duration', values.duration!);
  const connections = positive('connections', values.connections!);
  const warmup = Number(values.warmup);
  const all = await buildScenarios();
  const wanted = values.scenarios?.split(',') ?? all.map((s) => s.name);
  const scenarios = all.filter((s) => wanted.includes(s.name));
  if (scenarios.length !== wanted.length) throw new Error(`unknown scenario in ${wanted.join(',')}`);

  const processes = new BenchProcesses();
  const { dir } = processes.scratch('warden-gate-split-');
  const budgetMs = (scenarios.length * VARIANTS.length * (rounds * seconds + warmup) + 300) * 1000;
  const watchdog = processes.armWatchdog(budgetMs, 'gate-split: over its time budget; stopping everything');
  try {
    const upstream = await startUpstream(processes, dir('upstream'));
    const servers: Array<{ name: string; warden: WardenInstance }> = [];
    for (const variant of VARIANTS) {
      const warden = await startWarden(processes, { name: variant.name, dir: dir(variant.name), upstream: upstream.origin, config: variant.config });
      servers.push({ name: variant.name, warden });
      console.error(`gate-split: ${variant.name} ${JSON.stringify(warden.gates)}`);
    }
    for (const scenario of scenarios) {
      const runs: Record<string, LoadRun[]> = Object.fromEntries(servers.map((s) => [s.name, []]));
      for (const s of servers) await runAutocannon({ origin: s.warden.origin, requests: scenario.requests, connections, seconds: warmup });
      for (let round = 0; round < rounds; round++) {
        for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
          const group = s.warden.processGroup;
          const before = group === null ? null : processGroupCpuMs(group);
          const run = await runAutocannon({ origin: s.warden.origin, requests: scenario.requests, connections, seconds });
          const after = group === null ? null : processGroupCpuMs(group);
          if (before !== null && after !== null && run.requests > 0) run.serverCpuUs = ((after - before) * 1000) / run.requests;
          runs[s.name].push(run);
        }
      }
      const offCpu = median(runs.off.map((r) => r.serverCpuUs ?? Number.NaN));
      const lines = [`${scenario.name}:`];
      for (const s of servers) {
        const cpu = runs[s.name].map((r) => r.serverCpuUs ?? Number.NaN);
        // Per round, this server's CPU per request over gates-off's in the same round.
        const added = cpu.map((c, i) => c - (runs.off[i].serverCpuUs ?? Number.NaN));
        lines.push(
          `  ${s.name.padEnd(10)} CPU µs/req ${median(cpu).toFixed(0).padStart(4)}` +
            (s.name === 'off' ? '' : `  over off ${median(added).toFixed(0).padStart(4)} [${added.map((x) => x.toFixed(0)).join(' ')}]  off/this ${(offCpu / median(cpu)).toFixed(2)}`) +
            `  req/s ${median(runs[s.name].map((r) => r.rps)).toFixed(0)}  answers ${statusMix(runs[s.name])}`,
        );
      }
      console.log(lines.join('\n'));
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    processes.detach();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`gate-split: ${err.message}`);
    process.exitCode = 1;
  },
);
