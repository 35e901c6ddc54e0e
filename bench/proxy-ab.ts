/**
 * Gates-off and full-pipeline Warden of two checkouts side by side, driven in turns: the same-window
 * before/after of a speed change, read as CPU per request and req/s of each full pipeline over its
 * own gates-off.
 *
 *   npx tsx bench/proxy-ab.ts --root A=/path/to/before --root B=. [--scenarios a,b] [--rounds N]
 *                            [--duration S] [--connections N] [--warmup S] [--json FILE]
 *
 * Every root must have its dist/ built. One NGINX upstream; per root a `warden-off` (rules and model
 * off) and a `warden-full` (defaults), each its own process. Per scenario and round the servers are
 * visited in turn, the order reversed every other round (A-off A-full B-off B-full, then backwards), so
 * drift on a shared machine lands on both trees alike. Medians across rounds.
 */
import { writeFileSync } from 'node:fs';

import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { median, type LoadRun } from './lib/load-result.js';
import { startUpstream } from './lib/nginx.js';
import { processGroupCpuMs } from './lib/process-cpu.js';
import { buildScenarios } from './lib/scenarios.js';
import { GATES_OFF_CONFIG, startWarden, type WardenInstance } from './lib/warden-process.js';
import { parseRoots } from './lib/roots.js';

interface Server {
  root: string;
  label: string;
  kind: 'off' | 'full';
  warden: WardenInstance;
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${text}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', multiple: true },
      scenarios: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '1' },
      json: { type: 'string' },
    },
  });
  const roots = parseRoots(values.root);
  if (roots.length === 0) throw new Error('at least one --root LABEL=DIR');
  const rounds = positive('rounds', values.rounds!);
  const seconds = positive('duration', values.duration!);
  const connections = positive('connections', values.connections!);
  const warmup = Number(values.warmup);
  const all = await buildScenarios();
  const wanted = values.scenarios?.split(',') ?? all.map((s) => s.name);
  const scenarios = all.filter((s) => wanted.includes(s.name));
  if (scenarios.length !== wanted.length) throw new Error(`unknown scenario in ${wanted.join(',')}`);

  const processes = new BenchProcesses();
  const { dir } = processes.scratch('warden-proxy-ab-');
  const budgetMs = (scenarios.length * roots.length * 2 * (rounds * seconds + warmup) + 300) * 1000;
  const watchdog = processes.armWatchdog(budgetMs, 'proxy-ab: over its time budget; stopping everything');
  try {
    const upstream = await startUpstream(processes, dir('upstream'));
    const servers: Server[] = [];
    for (const root of roots) {
      for (const kind of ['off', 'full'] as const) {
        const name = `${root.label}-${kind}`;
        const warden = await startWarden(processes, { name, dir: dir(name), upstream: upstream.origin, config: kind === 'off' ? GATES_OFF_CONFIG : {}, root: root.dir });
        servers.push({ root: root.dir, label: root.label, kind, warden });
        console.error(`proxy-ab: ${name} (${root.dir}) ${JSON.stringify(warden.gates)}`);
      }
    }
    const report: Record<string, Record<string, LoadRun[]>> = {};
    for (const scenario of scenarios) {
      const runs: Record<string, LoadRun[]> = Object.fromEntries(servers.map((s) => [`${s.label}-${s.kind}`, []]));
      for (const s of servers) await runAutocannon({ origin: s.warden.origin, requests: scenario.requests, connections, seconds: warmup });
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const s of order) {
          const group = s.warden.processGroup;
          const before = group === null ? null : processGroupCpuMs(group);
          const run = await runAutocannon({ origin: s.warden.origin, requests: scenario.requests, connections, seconds });
          const after = group === null ? null : processGroupCpuMs(group);
          if (before !== null && after !== null && run.requests > 0) run.serverCpuUs = ((after - before) * 1000) / run.requests;
          runs[`${s.label}-${s.kind}`].push(run);
        }
      }
      report[scenario.name] = runs;
      const lines = [`${scenario.name}:`];
      for (const root of roots) {
        const off = runs[`${root.label}-off`];
        const full = runs[`${root.label}-full`];
        const offCpu = median(off.map((r) => r.serverCpuUs ?? Number.NaN));
        const fullCpu = median(full.map((r) => r.serverCpuUs ?? Number.NaN));
        const rpsRatios = full.map((r, i) => r.rps / off[i].rps);
        const cpuRatios = full.map((r, i) => (off[i].serverCpuUs ?? Number.NaN) / (r.serverCpuUs ?? Number.NaN));
        const statuses = Object.keys(full[0].statuses).join('/');
        lines.push(
          `  ${root.label.padEnd(8)} CPU µs/req off ${offCpu.toFixed(0)} full ${fullCpu.toFixed(0)} (+${(fullCpu - offCpu).toFixed(0)})` +
            `  by CPU ${(offCpu / fullCpu).toFixed(2)} [${cpuRatios.map((x) => x.toFixed(2)).join(' ')}]` +
            `  req/s ratio ${median(rpsRatios).toFixed(2)} [${rpsRatios.map((x) => x.toFixed(2)).join(' ')}]` +
            `  req/s off ${median(off.map((r) => r.rps)).toFixed(0)} full ${median(full.map((r) => r.rps)).toFixed(0)} status ${statuses}`,
        );
      }
      console.log(lines.join('\n'));
    }
    if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), roots, rounds, seconds, connections, report }, null, 1)}\n`);
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
    console.error(`proxy-ab: ${err.message}`);
    process.exitCode = 1;
  },
);
