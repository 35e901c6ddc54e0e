/**
 * A normal GET's latency while worst-case requests run beside it (issue 17, "bounded work"): one
 * `warden serve` (default config) in front of an NGINX upstream on 127.0.0.1; one client sends a
 * plain GET in a loop, first alone (idle), then while `--workers` clients send, in turn, the most
 * expensive requests the default limits admit: a 1 MiB form of ~90,000 fields, a 1 MiB JSON array,
 * a 1 MiB multipart body of ~12,000 parts, 1 MiB of prose, a 1 MiB XML document of ~15,500 items
 * (~47,000 fields), and a gzip body that inflates past the limit. Prints the GET's p50/p99 idle and under the mix, their ratio (target: p99 ≤ 5× idle), the
 * median time of each worst-case request, and the median time to refuse a 200 MB gzip bomb sent alone.
 * With `--rounds R` the S seconds of each are cut into R idle/beside pairs run in turn, so a change in
 * the machine's load (other processes) moves both sides of a pair: it also prints each pair's ratio
 * and their median. The Warden process runs with bench/lib/loop-probe.mjs preloaded: for each idle and
 * beside phase it prints the longest the event loop was blocked (one task or GC pause) and the GC
 * pauses' count, total and longest (medians over the rounds, and the worst). With `--gc-trace` it also
 * runs with `--trace-gc-nvp` and prints what Warden's scavenges paused for and copied (bench/lib/gc-trace.ts).
 * Before anything is measured, `--warmup` seconds of unmeasured idle/beside pairs run (after 2 s of
 * GETs): V8 keeps compiling Warden's hot paths for ~20 s of this mix on a 2-core machine (its optimizing
 * compiler runs on a background thread that the mix competes with), and a GET's CPU cost falls ~3-4x
 * meanwhile; measured cold, the first rounds' idle p99 was that of unoptimized code and their ratios
 * looked better than the later rounds' (`--warmup 0` measures that way). Each round prints its pair, the
 * CPU time Warden spent per idle GET (it stops falling once warm) and the heap at the end of its
 * beside phase (growth there would mean something kept across requests).
 *
 *   npx tsx bench/worst-case-mix.ts [--seconds S] [--workers N] [--rounds R] [--warmup S] [--entry src|dist] [--root DIR] [--node-option=--flag ...] [--gc-trace] [--config JSON]
 *
 * `--root` runs another checkout's Warden (e.g. a `git archive` of the revision before a change) for an A/B.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { heavyRequests, type Heavy } from './lib/worst-case-bodies.js';
import { scavengeSummary, scavengesOf } from './lib/gc-trace.js';
import { BenchProcesses } from './lib/child-processes.js';
import { percentile } from './lib/load-result.js';
import { startUpstream } from './lib/nginx.js';
import { startWarden, type WardenEntry } from './lib/warden-process.js';

/** One phase's line from bench/lib/loop-probe.mjs. */
interface LoopPhase {
  loopMaxMs: number;
  loopP99Ms: number;
  count: number;
  totalMs: number;
  maxMs: number;
  scavenges: number;
  scavengeMs: number;
  scavengeMaxMs: number;
  /** At the phase's end: the heap in use and its old space (MiB), and the process's CPU time so far (ms, every thread). */
  heapUsedMiB: number;
  oldSpaceUsedMiB: number;
  cpuMs: number;
  /** The main thread's time on a run queue so far (ms; NaN off Linux). */
  runQueueMs: number;
}

const PROBE = fileURLToPath(new URL('./lib/loop-probe.mjs', import.meta.url));

/** Asks the probe in `pid` to write what it saw since the last ask, and waits for the line. */
async function probePhase(pid: number, file: string): Promise<LoopPhase> {
  const before = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length > before) return JSON.parse(lines[lines.length - 1]) as LoopPhase;
  }
  throw new Error('loop probe: no line after SIGUSR2');
}

function phaseSummary(label: string, phases: LoopPhase[]): string {
  const med = (f: (p: LoopPhase) => number): string => {
    const xs = phases.map(f).sort((a, b) => a - b);
    return xs[xs.length >> 1].toFixed(1);
  };
  const max = (f: (p: LoopPhase) => number): string => Math.max(...phases.map(f)).toFixed(1);
  return (
    `  ${label}: longest loop block median ${med((p) => p.loopMaxMs)} ms (worst ${max((p) => p.loopMaxMs)}), loop delay p99 ${med((p) => p.loopP99Ms)} ms; ` +
    `GC per phase: ${med((p) => p.count)} pauses, ${med((p) => p.totalMs)} ms in all (scavenges ${med((p) => p.scavengeMs)} ms), longest ${med((p) => p.maxMs)} ms (worst ${max((p) => p.maxMs)})`
  );
}

async function timedGet(origin: string): Promise<number> {
  const started = performance.now();
  const res = await request(`${origin}/products?id=42&sort=price`, { headers: { 'user-agent': 'Mozilla/5.0', accept: 'application/json' } });
  await res.body.dump();
  return performance.now() - started;
}

async function getLoop(origin: string, until: number): Promise<number[]> {
  const samples: number[] = [];
  while (performance.now() < until) samples.push(await timedGet(origin));
  return samples;
}

/** An idle phase then a beside phase of `window` ms each: the GET's latencies in each, and what the probe saw. */
async function pair(
  origin: string, pid: number, probeFile: string, heavy: Heavy[], workers: number, offset: number, window: number,
  times: Map<string, number[]>, statuses: Map<string, Set<number>>,
): Promise<{ idle: number[]; beside: number[]; idlePhase: LoopPhase; besidePhase: LoopPhase }> {
  const idle = await getLoop(origin, performance.now() + window);
  const idlePhase = await probePhase(pid, probeFile);
  const until = performance.now() + window;
  const [beside] = await Promise.all([getLoop(origin, until), ...Array.from({ length: workers }, (_, w) => heavyLoop(origin, heavy, w + offset, until, times, statuses))]);
  const besidePhase = await probePhase(pid, probeFile);
  idle.sort((a, b) => a - b);
  beside.sort((a, b) => a - b);
  return { idle, beside, idlePhase, besidePhase };
}

async function heavyLoop(origin: string, heavy: Heavy[], offset: number, until: number, times: Map<string, number[]>, statuses: Map<string, Set<number>>): Promise<void> {
  for (let i = offset; performance.now() < until; i++) {
    const h = heavy[i % heavy.length];
    const headers: Record<string, string> = { 'content-type': h.contentType };
    if (h.encoding !== undefined) headers['content-encoding'] = h.encoding;
    const started = performance.now();
    const res = await request(`${origin}/api/import`, { method: 'POST', headers, body: h.body });
    await res.body.dump();
    times.get(h.name)!.push(performance.now() - started);
    statuses.get(h.name)!.add(res.statusCode);
  }
}

const ms = (x: number): string => x.toFixed(1);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      workers: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '1' },
      warmup: { type: 'string', default: '20' },
      entry: { type: 'string', default: 'src' },
      root: { type: 'string' },
      'node-option': { type: 'string', multiple: true, default: [] },
      'gc-trace': { type: 'boolean', default: false },
      config: { type: 'string', default: '{}' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npx tsx bench/worst-case-mix.ts [--seconds S (15)] [--workers N (2)] [--rounds R (1): idle/beside pairs run in turn] [--warmup S (20): seconds of unmeasured pairs first, until V8 has compiled the hot paths; 0: measure cold] [--entry src|dist] [--root CHECKOUT (this one; another revision for an A/B)] [--node-option=--max-semi-space-size=4 ... (node flags for the Warden process)] [--gc-trace (Warden runs with --trace-gc-nvp: the pauses and bytes copied of its scavenges during the mix)] [--config JSON (config keys for the Warden under test, e.g. {"offload":{"threads":0}})]\n',
    );
    return;
  }
  const seconds = Number(values.seconds);
  const workers = Number(values.workers);
  const rounds = Number(values.rounds);
  const warmup = Number(values.warmup);
  if (!(seconds > 0 && seconds <= 600) || !(workers >= 1 && workers <= 16) || !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 60) || !(warmup >= 0 && warmup <= 600)) {
    throw new Error('--seconds in (0, 600], --workers in [1, 16], --rounds an integer in [1, 60], --warmup in [0, 600]');
  }
  const processes = new BenchProcesses();
  const watchdog = processes.armWatchdog(((seconds + warmup) * 3 + 120) * 1000, 'worst-case-mix: still running; stopping everything');
  try {
    const { root, dir } = processes.scratch('warden-worst-');
    const probeFile = join(root, 'loop-probe.ndjson');
    const upstream = await startUpstream(processes, dir('upstream'));
    const traceGc = values['gc-trace'] ? ['--trace-gc-nvp'] : [];
    const warden = await startWarden(processes, { name: 'warden-worst', dir: dir('warden'), upstream: upstream.origin, config: JSON.parse(values.config) as Record<string, unknown>, entry: values.entry as WardenEntry, root: values.root,
      nodeArgs: [...values['node-option'], ...traceGc, '--import', PROBE], env: { WARDEN_LOOP_PROBE_FILE: probeFile } });
    const heavy = heavyRequests();
    await getLoop(warden.origin, performance.now() + 2000); // connections, first compilations
    const pid = warden.processGroup!;
    const window = (seconds * 1000) / rounds;
    let last = await probePhase(pid, probeFile);
    // Unmeasured pairs of the same length until V8 has compiled what the mix and the GETs run (see the header).
    const warmupPairs = Math.ceil((warmup * 1000) / (2 * window));
    const unmeasured = new Map(heavy.map((h) => [h.name, [] as number[]]));
    const unmeasuredStatuses = new Map(heavy.map((h) => [h.name, new Set<number>()]));
    for (let r = 0; r < warmupPairs; r++) last = (await pair(warden.origin, pid, probeFile, heavy, workers, r, window, unmeasured, unmeasuredStatuses)).besidePhase;
    const traceFrom = values['gc-trace'] ? readFileSync(warden.logFile, 'utf8').length : 0;
    const idlePhases: LoopPhase[] = [];
    const besidePhases: LoopPhase[] = [];
    const times = new Map(heavy.map((h) => [h.name, [] as number[]]));
    const statuses = new Map(heavy.map((h) => [h.name, new Set<number>()]));
    const idle: number[] = [];
    const loaded: number[] = [];
    const pairRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const p = await pair(warden.origin, pid, probeFile, heavy, workers, r, window, times, statuses);
      idlePhases.push(p.idlePhase);
      besidePhases.push(p.besidePhase);
      pairRatios.push(percentile(p.beside, 0.99) / percentile(p.idle, 0.99));
      idle.push(...p.idle);
      loaded.push(...p.beside);
      const b = p.besidePhase;
      process.stdout.write(
        `  round ${r + 1}: idle p50 ${ms(percentile(p.idle, 0.5))} p99 ${ms(percentile(p.idle, 0.99))} ms, Warden CPU ${((p.idlePhase.cpuMs - last.cpuMs) / p.idle.length).toFixed(2)} ms per GET; ` +
          `beside p50 ${ms(percentile(p.beside, 0.5))} p99 ${ms(percentile(p.beside, 0.99))} ms; ratio ${pairRatios[r].toFixed(1)}x; ` +
          `after it: heap ${b.heapUsedMiB.toFixed(0)} MiB (old space ${b.oldSpaceUsedMiB.toFixed(0)}), ${b.count - b.scavenges} mark-compacts in it; ` +
          `Warden's loop waited for a core ${ms(p.idlePhase.runQueueMs - last.runQueueMs)} ms idle, ${ms(b.runQueueMs - p.idlePhase.runQueueMs)} ms beside\n`,
      );
      last = b;
    }
    idle.sort((a, b) => a - b);
    loaded.sort((a, b) => a - b);
    const line = (label: string, s: number[]): string => `${label}: ${s.length} GETs, p50 ${ms(percentile(s, 0.5))} ms, p99 ${ms(percentile(s, 0.99))} ms`;
    process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    process.stdout.write(`${line('idle', idle)}\n${line(`beside ${workers} worst-case clients`, loaded)}\n`);
    process.stdout.write(`p99 ratio ${(percentile(loaded, 0.99) / percentile(idle, 0.99)).toFixed(1)}x (target ≤ 5x)\n`);
    if (rounds > 1) {
      const sorted = [...pairRatios].sort((a, b) => a - b);
      process.stdout.write(`p99 ratio per idle/beside pair: ${pairRatios.map((x) => `${x.toFixed(1)}x`).join(' ')}; median ${percentile(sorted, 0.5).toFixed(1)}x\n`);
    }
    process.stdout.write(`Warden's event loop (bench/lib/loop-probe.mjs), per phase of ${(window / 1000).toFixed(1)} s:\n${phaseSummary('idle', idlePhases)}\n${phaseSummary('beside', besidePhases)}\n`);
    // V8 writes the trace to Warden's stdout, which startWarden sends to <dir>/<name>.log; read before the bombs below.
    if (values['gc-trace']) process.stdout.write(`Warden's scavenges during the mix (--trace-gc-nvp): ${scavengeSummary(scavengesOf(readFileSync(warden.logFile, 'utf8').slice(traceFrom)))}\n`);
    for (const [name, t] of times) {
      t.sort((a, b) => a - b);
      process.stdout.write(`  ${name}: ${t.length} sent, median ${ms(percentile(t, 0.5))} ms, status ${[...statuses.get(name)!].join('/')}\n`);
    }
    // Alone, after the mix: how long refusing a decompression bomb takes (target < 50 ms).
    const bomb = gzipSync(Buffer.alloc(200 * 1_000_000), { level: 9 });
    const bombTimes: number[] = [];
    const bombStatuses = new Set<number>();
    for (let i = 0; i < 31; i++) {
      const started = performance.now();
      const res = await request(`${warden.origin}/api/import`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
      await res.body.dump();
      bombTimes.push(performance.now() - started);
      bombStatuses.add(res.statusCode);
    }
    bombTimes.sort((a, b) => a - b);
    process.stdout.write(
      `gzip bomb (200 MB of zeros, ${Math.round(bomb.length / 1024)} KiB on the wire), 31 sent alone: median ${ms(percentile(bombTimes, 0.5))} ms, status ${[...bombStatuses].join('/')} (target < 50 ms)\n`,
    );
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
