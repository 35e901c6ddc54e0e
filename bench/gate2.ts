/**
 * Gate 2 under load: how long the model gate (lexical screen, features, forward pass, aggregation)
 * takes per request *inside a running proxy*, with 50 concurrent connections of mixed traffic.
 * Starts on 127.0.0.1 an NGINX upstream and one `warden serve` (full default pipeline, every verdict
 * logged), drives it with autocannon, and reads each request's gate-2 time from the decision log
 * (`timingsUs.model`, measured by src/pipeline.ts around the model gate's evaluate). The workload is
 * the generated benign families plus one request in ten carrying a shared-corpus attack payload in a
 * query parameter, a JSON body or a form body (bench/lib/mixed-workload.ts).
 *
 *   npx tsx bench/gate2.ts [--duration S] [--rounds N] [--connections N] [--warmup S]
 *                          [--entry src|dist] [--root DIR] [--shared DIR] [--out DIR] [--smoke]
 *   npm run bench -- --gate2 [--smoke]
 *
 * --entry src (default) runs the TypeScript sources through tsx, so the working tree is measured
 * without rebuilding dist/; --entry dist runs the compiled package as production does. --root runs
 * the Warden of another checkout (e.g. `git archive` of the previous commit, with a node_modules
 * symlink) under the same workload, for a before/after in one time window.
 * Target (issue 4): p99 of gate-2 time ≤ 1 ms per request. The figures include whatever else the
 * machine is doing: the load generator, NGINX and Warden share its cores.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { fileSize, gate2Line, readGateSamples, roundLine, summarizeGateSamples, summarizeRounds, type Gate2Round } from './lib/gate-timings.js';
import type { LoadRun } from './lib/load-result.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { mixedWorkload } from './lib/mixed-workload.js';
import { nginxBinary, startUpstream } from './lib/nginx.js';
import { REPO_ROOT, startWarden, type WardenEntry } from './lib/warden-process.js';

interface Gate2Options {
  seconds: number;
  rounds: number;
  connections: number;
  warmupSeconds: number;
  entry: WardenEntry;
  /** Warden checkout to measure. */
  root: string;
  sharedRoot: string;
  /** Benign families scale: 0.05 is about 6,300 generated requests. */
  scale: number;
}

const loadAverage = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until the decision log stops growing (pino writes asynchronously), at most `maxMs`. */
async function settled(file: string, maxMs = 3000): Promise<number> {
  let size = fileSize(file);
  for (let waited = 0; waited < maxMs; waited += 200) {
    await sleep(200);
    const next = fileSize(file);
    if (next === size) return size;
    size = next;
  }
  return size;
}

async function runGate2Bench(options: Gate2Options, progress: (line: string) => void): Promise<{ rounds: Gate2Round[]; gates: Record<string, string>; workload: ReturnType<typeof describeWorkload> }> {
  const workload = mixedWorkload({ seed: 99, scale: options.scale, sharedRoot: options.sharedRoot });
  const processes = new BenchProcesses();
  const budgetMs = ((options.seconds + 5) * options.rounds + options.warmupSeconds + 180) * 1000;
  const watchdog = processes.armWatchdog(budgetMs, `gate2: still running after ${Math.round(budgetMs / 1000)} s; stopping everything`);
  try {
    const { dir } = processes.scratch('warden-gate2-');
    const upstream = await startUpstream(processes, dir('upstream'));
    const warden = await startWarden(processes, {
      name: 'warden-gate2',
      dir: dir('warden'),
      upstream: upstream.origin,
      // Every verdict is logged (allows too): that is where each request's gate timings come from.
      config: { logging: { logAllowed: true } },
      entry: options.entry,
      root: options.root,
    });
    if (warden.gates.model === undefined || warden.gates.model === 'off') throw new Error(`the model gate is not in force (${JSON.stringify(warden.gates)})`);
    progress(`warden (${options.entry}) on ${warden.origin}, gates: ${Object.entries(warden.gates).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    progress(`workload: ${workload.requests.length} requests (${workload.benign} benign, attacks ${JSON.stringify(workload.attacks)})`);

    const drive = (seconds: number): Promise<LoadRun> => runAutocannon({ origin: warden.origin, requests: workload.requests, connections: options.connections, seconds });
    if (options.warmupSeconds > 0) {
      progress(`warm-up ${options.warmupSeconds}s`);
      await drive(options.warmupSeconds);
    }
    const rounds: Gate2Round[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const from = await settled(warden.decisionsFile);
      const load = await drive(options.seconds);
      await settled(warden.decisionsFile);
      const gate = summarizeGateSamples(readGateSamples(warden.decisionsFile, from));
      rounds.push({ load, gate, loadAverage: loadAverage() });
      progress(`round ${r + 1}/${options.rounds}: ${roundLine(load, gate)}; load average ${loadAverage().join(' ')}`);
    }
    return { rounds, gates: warden.gates, workload: describeWorkload(workload) };
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    processes.detach();
  }
}

function describeWorkload(w: ReturnType<typeof mixedWorkload>) {
  return { requests: w.requests.length, benign: w.benign, attacks: w.attacks, corpora: w.corpora };
}


function positive(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > max) throw new Error(`--${name} must be a number in [0, ${max}], got ${text}`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values: opts } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      entry: { type: 'string', default: 'src' },
      root: { type: 'string', default: REPO_ROOT },
      shared: { type: 'string', default: join(REPO_ROOT, '..', 'shared', 'datasets') },
      out: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (opts.help) {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
    return 0;
  }
  if (opts.entry !== 'src' && opts.entry !== 'dist') throw new Error(`--entry must be src or dist, got ${opts.entry}`);
  if (nginxBinary() === null) {
    console.log('gate2 bench skipped: nginx is not installed (apt-get install nginx)');
    return 0;
  }
  const options: Gate2Options = {
    seconds: opts.smoke ? 3 : Math.max(1, positive('duration', opts.duration, 300)),
    rounds: opts.smoke ? 1 : Math.max(1, Math.round(positive('rounds', opts.rounds, 20))),
    connections: Math.max(1, Math.round(positive('connections', opts.connections, 1000))),
    warmupSeconds: opts.smoke ? 1 : positive('warmup', opts.warmup, 120),
    entry: opts.entry,
    root: resolve(opts.root),
    sharedRoot: opts.shared,
    scale: opts.smoke ? 0.01 : 0.05,
  };
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  const run = await runGate2Bench(options, (line) => console.error(`gate2: ${line}`));
  const summary = summarizeRounds(run.rounds);
  const loadAtEnd = loadAverage();
  const line = gate2Line(summary, options.connections);
  console.log(`
Warden gate-2 benchmark, ${new Date().toISOString()}
machine: ${machineLine(machine)}; load average at start ${loadAtStart.join(' ')}, at end ${loadAtEnd.join(' ')}
runs: ${options.rounds} x ${options.seconds}s after ${options.warmupSeconds}s warm-up, medians across rounds; Warden from ${options.entry} of ${options.root}
${line}
`);
  const outDir = opts.out ?? (opts.smoke ? mkdtempSync(join(tmpdir(), 'warden-gate2-smoke-')) : join(REPO_ROOT, 'bench', 'results'));
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'gate2.json');
  const report = { date: new Date().toISOString(), machine, loadAverage: { start: loadAtStart, end: loadAtEnd }, options, gates: run.gates, workload: run.workload, summary, line, rounds: run.rounds };
  writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
  console.log(`wrote ${relative(process.cwd(), file)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`gate2: ${err.message}`);
    process.exitCode = 1;
  },
);
