/**
 * What a reload after a rule edit costs the traffic: starts one `warden serve` (admin listener on) in
 * front of a loopback upstream, keeps GETs going 10 ms apart on two keep-alive connections, and
 * `--reloads` times edits a one-rule file of the config and calls `POST /reload`. Per reload: how long
 * the reload took to answer, and the slowest GET while it ran (the event loop builds the new rule set:
 * nothing else it serves moves meanwhile); then the same for a window of no reload as long as the
 * median reload (the slowest GET the machine's load gives alone). A GET that fails is counted: a stall past the server's
 * keep-alive timeout closes connections whose request was already sent.
 *
 *   npx tsx bench/reload-stall.ts [--rules FILE_OR_DIR]... [--pack DIR]... [--tuning FILE] [--reloads N] [--workers N] [--unchanged]
 *                                  [--big-body] [--cpu-prof DIR] [--root DIR] [--entry dist|src]
 *
 * --rules (repeatable) adds a rule file, pack directory or `.tar.gz` to the bundled rules (e.g. ET Open and the
 * Snort 3 community set from ../shared/signatures-corpus). --pack (repeatable) adds DIR's `*.rules` as a
 * `.tar.gz` made the way vendors publish them (members under `rules/`, as ET Open's emerging.rules.tar.gz),
 * written to the bench's scratch directory. --tuning sets `rules.tuning` to a `rules tune --write`
 * sidecar. --workers N serves with N cluster workers (the admin listener is the primary's; its reload
 * reaches every worker). --unchanged reloads without editing anything (a `POST /reload` after a config
 * edit that leaves the rules as they are). --big-body sends one POST of offload size first, so each
 * process's inspection thread has started and takes part in every reload. --root runs another checkout's Warden (with its
 * own dist/ and a node_modules link) for a before/after in one time window. --cpu-prof DIR writes a V8 CPU profile
 * of every process (each worker inherits the flag) to DIR when it exits. The figures include
 * whatever else the machine does: report them with the load average the run prints.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchProcesses } from './lib/child-processes.js';
import { median } from './lib/load-result.js';
import { freePort, freeServedPort } from './lib/ports.js';
import { REPO_ROOT, assertWardenBuilt, startWarden, type WardenEntry } from './lib/warden-process.js';

const USAGE = 'usage: npx tsx bench/reload-stall.ts [--rules FILE_OR_DIR]... [--pack DIR]... [--tuning FILE] [--reloads N] [--workers N] [--unchanged] [--big-body] [--cpu-prof DIR] [--root DIR] [--entry dist|src]';
const GET_GAP_MS = 10;
/** Traffic before the first reload and after each one (the next reload waits for it). */
const SETTLE_MS = 1000;
const RUN_BUDGET_MS = 15 * 60_000;

interface Probe {
  ms: number;
  ok: boolean;
}

export interface ReloadStall {
  reload: number;
  status: number | string;
  answerMs: number;
  gets: number;
  medianGetMs: number;
  slowestGetMs: number;
  failedGets: number;
}

/** The one-rule file edited before reload `n`: a new content each time, so the rule set really changes. */
export function editedRule(n: number): string {
  return `alert http any any -> any any (msg:"reload-stall probe ${n}"; content:"reload-stall-probe-${n}"; http_uri; sid:9999001; rev:${n + 1};)\n`;
}

/** DIR's `*.rules` as `<scratch>/<DIR's name>.rules.tar.gz`, members `rules/<name>.rules` (GNU tar). */
export function packOf(dir: string, scratch: string): string {
  const names = readdirSync(dir).filter((n) => n.endsWith('.rules')).sort();
  if (names.length === 0) throw new Error(`reload-stall: --pack ${dir}: no *.rules file in it`);
  const archive = join(scratch, `${basename(dir)}.rules.tar.gz`);
  execFileSync('tar', ['czf', archive, '-C', dir, '--transform', 's,^,rules/,', ...names]);
  return archive;
}

function timed(request: (done: (ok: boolean, status: number | string) => void) => void): Promise<Probe & { status: number | string }> {
  const start = performance.now();
  return new Promise((resolvePromise) => request((ok, status) => resolvePromise({ ms: performance.now() - start, ok, status })));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        rules: { type: 'string', multiple: true, default: [] },
        pack: { type: 'string', multiple: true, default: [] },
        tuning: { type: 'string' },
        reloads: { type: 'string', default: '4' },
        workers: { type: 'string', default: '1' },
        unchanged: { type: 'boolean', default: false },
        'big-body': { type: 'boolean', default: false },
        'cpu-prof': { type: 'string' },
        root: { type: 'string' },
        entry: { type: 'string', default: 'dist' },
      },
    });
  } catch (err) {
    console.error(`reload-stall: ${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { values } = parsed;
  const reloads = Math.max(1, Math.min(50, Number(values.reloads)));
  const workers = Math.max(1, Math.min(8, Number(values.workers)));
  const entry = values.entry as WardenEntry;
  const root = values.root === undefined ? REPO_ROOT : resolve(values.root);
  if (root === REPO_ROOT && entry === 'dist') assertWardenBuilt();
  const processes = new BenchProcesses();
  const watchdog = processes.armWatchdog(RUN_BUDGET_MS, `reload-stall: still running after ${RUN_BUDGET_MS / 60_000} min, stopped`);
  const { root: scratch } = processes.scratch('warden-reload-stall-');
  const edited = join(scratch, 'edited.rules');
  writeFileSync(edited, editedRule(0));
  const packs = values.pack.map((dir) => packOf(resolve(dir), scratch));

  const upstream = http.createServer((_req, res) => res.end('ok'));
  // A port the rules are read for, as Warden's listen port (startWarden): on random ports the packs' rule count changed between runs.
  const upstreamPort = await freeServedPort();
  await new Promise<void>((r) => upstream.listen(upstreamPort, '127.0.0.1', r));
  const adminPort = await freePort();
  const warden = await startWarden(processes, {
    name: 'reload-stall',
    dir: scratch,
    upstream: `http://127.0.0.1:${upstreamPort}`,
    config: {
      workers,
      // The inspection CPU budget of the lead's tuned.yaml: the packs' rules on a big body take more than the default's.
      inspection: { cpuBudgetMs: 60000 },
      rules: { files: [...values.rules.map((f) => resolve(f)), ...packs, edited], ...(values.tuning === undefined ? {} : { tuning: resolve(values.tuning) }) },
    },
    entry,
    root,
    ...(values['cpu-prof'] === undefined ? {} : { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] }),
    admin: `127.0.0.1:${adminPort}`,
  });
  console.log(`reload-stall: ${root}, workers ${workers}${values.unchanged ? ', reloads with nothing changed' : ''}, signatures ${warden.gates.signatures ?? '?'}, load average ${loadavg()[0].toFixed(2)}`);
  if (values['big-body']) {
    // One body over offload.minBodyBytes per worker (connections are spread over them): each starts its inspection thread.
    for (let i = 0; i < workers * 3; i++) {
      await new Promise<void>((done) => {
        const req = http.request({ host: '127.0.0.1', port: warden.port, path: '/reload-stall-upload', method: 'POST', headers: { 'content-type': 'text/plain', connection: 'close' } }, (res) => {
          res.resume();
          res.on('end', () => done());
        });
        req.on('error', () => done());
        req.end(`note=${'lorem ipsum dolor sit amet '.repeat(4000)}`);
      });
    }
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const get = (): Promise<Probe> =>
    timed((done) => {
      const req = http.get({ host: '127.0.0.1', port: warden.port, path: '/reload-stall', agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200, res.statusCode ?? 0));
      });
      req.on('error', (err: NodeJS.ErrnoException) => done(false, err.code ?? 'error'));
    });
  const reload = (): Promise<Probe & { status: number | string }> =>
    timed((done) => {
      const req = http.request({ host: '127.0.0.1', port: adminPort, path: '/reload', method: 'POST' }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200, res.statusCode ?? 0));
      });
      req.on('error', (err: NodeJS.ErrnoException) => done(false, err.code ?? 'error'));
      req.end();
    });

  let running = true;
  let window: Probe[] = [];
  const loop = async (): Promise<void> => {
    while (running) {
      window.push(await get());
      await new Promise((r) => setTimeout(r, GET_GAP_MS));
    }
  };
  const loops = [loop(), loop()];
  const results: ReloadStall[] = [];
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    for (let n = 1; n <= reloads; n++) {
      if (!values.unchanged) writeFileSync(edited, editedRule(n));
      window = [];
      const answer = await reload();
      // GETs sent during the reload finish right after it: wait for them before reading the window.
      await new Promise((r) => setTimeout(r, 300));
      const during = window;
      const result: ReloadStall = {
        reload: n,
        status: answer.status,
        answerMs: answer.ms,
        gets: during.length,
        medianGetMs: median(during.map((p) => p.ms)),
        slowestGetMs: Math.max(0, ...during.map((p) => p.ms)),
        failedGets: during.filter((p) => !p.ok).length,
      };
      results.push(result);
      console.log(`reload ${n}: ${result.status} in ${result.answerMs.toFixed(0)} ms; GETs during it ${result.gets}, median ${result.medianGetMs.toFixed(1)} ms, slowest ${result.slowestGetMs.toFixed(0)} ms, failed ${result.failedGets}`);
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
    // The same traffic with no reload, as long as the median reload (1-10 s): what the machine's load alone does to a GET.
    const quietMs = Math.max(1000, Math.min(10_000, median(results.map((r) => r.answerMs))));
    window = [];
    await new Promise((r) => setTimeout(r, quietMs + 300));
    const quiet = window;
    console.log(`no reload for ${quietMs.toFixed(0)} ms: GETs ${quiet.length}, median ${median(quiet.map((p) => p.ms)).toFixed(1)} ms, slowest ${Math.max(0, ...quiet.map((p) => p.ms)).toFixed(0)} ms, failed ${quiet.filter((p) => !p.ok).length}`);
  } finally {
    running = false;
    await Promise.all(loops);
    agent.destroy();
    upstream.close();
    clearTimeout(watchdog);
    await processes.stopAll();
  }
  const slowest = results.map((r) => r.slowestGetMs);
  const answers = results.map((r) => r.answerMs);
  console.log(
    `reload-stall: median reload ${median(answers).toFixed(0)} ms (range ${Math.min(...answers).toFixed(0)}-${Math.max(...answers).toFixed(0)}); ` +
      `median of the slowest GET per reload ${median(slowest).toFixed(0)} ms (range ${Math.min(...slowest).toFixed(0)}-${Math.max(...slowest).toFixed(0)}), failed GETs ${results.reduce((n, r) => n + r.failedGets, 0)}, load average ${loadavg()[0].toFixed(2)}`,
  );
  if (results.some((r) => r.status !== 200)) process.exitCode = 1;
}

await main();
