/**
 * `npm run bench`: the load benchmark. Starts on 127.0.0.1 an NGINX upstream, Warden (full pipeline and
 * gates off), a plain NGINX proxy and, when installed, NGINX + ModSecurity + CRS; drives each with
 * autocannon; prints one table and writes bench/results/latest.json and latest.svg.
 *   npm run bench -- [--duration S] [--rounds N] [--connections N] [--warmup S]
 *                    [--targets a,b] [--scenarios a,b] [--out DIR] [--write-doc]
 *                    [--loadgen autocannon|wrk] [--corpus FILE.ndjson ...] [--payloads FILE --limit N] [--detect-only | --no-detect]
 * Before the load runs, the WAF targets (warden-full, modsec-crs) are scored on the same request
 * records by the same replay client (default: bench/data/attacks.ndjson and benign.ndjson).
 *   npm run bench -- --micro [--smoke]     per-gate micro-benchmarks
 *   npm run bench -- --gate2 [--smoke]     gate-2 (model gate) time per request inside a loaded proxy (bench/gate2.ts)
 *   npm run bench -- --smoke               everything, briefly (CI)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { RequestRecord } from '../src/eval/record.js';
import { benchChartSvg, chartCaptions } from './lib/bench-chart.js';
import { compareDetection, formatDetectionTable, markdownDetectionTable, type DetectionResult } from './lib/detect-compare.js';
import { samplePayloadRecords } from './lib/payload-records.js';
import { loadRecords } from './lib/records-file.js';
import { carriedDetection, DETECTION_HEAD, replaceResultsSection } from './lib/benchmarks-doc.js';
import { BenchProcesses } from './lib/child-processes.js';
import { runAutocannon } from './lib/autocannon-load.js';
import { runLoadBench, type LoadDriver } from './lib/load-bench.js';
import { runWrk, wrkBinary } from './lib/wrk-load.js';
import { formatLoadTable, loadTableRows, markdownLoadTable } from './lib/load-table.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { runBenchScript, runMicroBenches } from './lib/micro-runner.js';
import { nginxBinary } from './lib/nginx.js';
import { preflight, type PreflightStatuses } from './lib/preflight.js';
import { ATTACK_RECORDS, BENIGN_RECORDS, buildScenarios } from './lib/scenarios.js';
import { ALL_TARGETS, startTargets, type TargetName } from './lib/targets.js';
import { REPO_ROOT } from './lib/warden-process.js';
import { rates } from '../src/eval/scoreboard.js';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '1' },
    targets: { type: 'string', default: ALL_TARGETS.join(',') },
    scenarios: { type: 'string' },
    out: { type: 'string' },
    'write-doc': { type: 'boolean', default: false },
    corpus: { type: 'string', multiple: true, default: [] },
    payloads: { type: 'string', multiple: true, default: [] },
    limit: { type: 'string', default: '300' },
    'detect-only': { type: 'boolean', default: false },
    'no-detect': { type: 'boolean', default: false },
    loadgen: { type: 'string', default: 'autocannon' },
    micro: { type: 'boolean', default: false },
    gate2: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

async function detectionRecords(): Promise<RequestRecord[]> {
  const files = opts.corpus.length > 0 || opts.payloads.length > 0 ? opts.corpus : [ATTACK_RECORDS, BENIGN_RECORDS];
  const records: RequestRecord[] = [];
  for (const file of files) records.push(...(await loadRecords(file)));
  const limit = positive('limit', opts.limit, 1_000_000);
  for (const file of opts.payloads) records.push(...samplePayloadRecords(file, limit));
  return records;
}

function positive(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in (0, ${max}], got ${text}`);
  return n;
}

async function main(): Promise<number> {
  if (opts.help) {
    console.log((await import('../src/cli/bench.js')).BENCH_HELP);
    return 0;
  }
  if (opts.micro) {
    const outcomes = await runMicroBenches({ smoke: opts.smoke });
    return outcomes.some((o) => o.status === 'failed' || o.status === 'timed out') ? 1 : 0;
  }
  const gate2 = async (): Promise<boolean> => {
    console.log(`\n== gate 2 under load${opts.smoke ? ' (smoke)' : ''} ==`);
    const { code, timedOut } = await runBenchScript(join(REPO_ROOT, 'bench', 'gate2.ts'), opts.smoke ? ['--smoke'] : [], opts.smoke ? 120_000 : 900_000);
    return code === 0 && !timedOut;
  };
  if (opts.gate2) return (await gate2()) ? 0 : 1;
  let failed = false;
  if (opts.smoke) {
    const outcomes = await runMicroBenches({ smoke: true });
    failed = outcomes.some((o) => o.status === 'failed' || o.status === 'timed out');
    if (!(await gate2())) failed = true;
    if (nginxBinary() === null) {
      console.log('\nload bench skipped in smoke mode: nginx is not installed');
      return failed ? 1 : 0;
    }
  }

  // Bounded by construction: every run has a fixed duration and the count of runs is fixed up front.
  const seconds = opts.smoke ? 1 : positive('duration', opts.duration, 120);
  const rounds = opts.smoke ? 1 : Math.round(positive('rounds', opts.rounds, 20));
  const connections = Math.round(positive('connections', opts.connections, 1000));
  const warmupSeconds = opts.smoke ? 0 : Number(opts.warmup);
  const wanted = opts.targets.split(',').map((t) => t.trim()) as TargetName[];
  for (const t of wanted) if (!ALL_TARGETS.includes(t)) throw new Error(`unknown target ${t}; known: ${ALL_TARGETS.join(', ')}`);
  let scenarios = await buildScenarios();
  if (opts.scenarios !== undefined) {
    const names = opts.scenarios.split(',').map((s) => s.trim());
    for (const n of names) if (!scenarios.some((s) => s.name === n)) throw new Error(`unknown scenario ${n}; known: ${scenarios.map((s) => s.name).join(', ')}`);
    scenarios = scenarios.filter((s) => names.includes(s.name));
  }
  const outDir = opts.out ?? (opts.smoke ? mkdtempSync(join(tmpdir(), 'warden-bench-smoke-')) : join(REPO_ROOT, 'bench', 'results'));

  if (opts.loadgen !== 'autocannon' && opts.loadgen !== 'wrk') throw new Error(`--loadgen must be autocannon or wrk, got ${opts.loadgen}`);
  if (opts.loadgen === 'wrk' && wrkBinary() === null) throw new Error('--loadgen wrk: wrk is not installed (apt-get install wrk)');
  const machine = describeMachine();
  const loadGenerator = opts.loadgen === 'wrk' ? 'wrk (1 thread)' : `autocannon ${machine.autocannon}`;
  const processes = new BenchProcesses();
  // A last bound on the whole run: planned load time plus generous slack for start-up and detection.
  const budgetMs = (scenarios.length * ALL_TARGETS.length * (rounds * seconds + warmupSeconds) + 900) * 1000;
  const watchdog = processes.armWatchdog(budgetMs, `bench: still running after ${Math.round(budgetMs / 60000)} min; stopping everything`);
  try {
    console.error('bench: starting targets on 127.0.0.1 ...');
    const set = await startTargets(processes, wanted, { detection: !opts['no-detect'] });
    for (const [name, why] of Object.entries(set.skipped)) console.error(`bench: ${name} skipped: ${why}`);
    const targets = set.targets;
    let detection: DetectionResult[] = [];
    let detectionTable = '';
    const wafs = set.detectionTargets;
    if (wafs.length > 0) {
      const records = await detectionRecords();
      detection = await compareDetection(wafs, records);
      detectionTable = formatDetectionTable(detection);
      console.log(`
detection: ${records.length} request records, same replay client for each target; blocked = status 403

${detectionTable}
`);
      if (opts['detect-only']) return 0;
    }
    const estimate = scenarios.length * targets.length * (rounds * seconds + warmupSeconds);
    console.error(`bench: ${targets.length} targets x ${scenarios.length} scenarios x ${rounds} rounds x ${seconds}s (+${warmupSeconds}s warm-up each): about ${Math.ceil(estimate / 60)} min`);
    const check: { statuses: PreflightStatuses; warnings: string[] } = { statuses: {}, warnings: [] };
    const scriptDir = processes.tempDir(mkdtempSync(join(tmpdir(), 'warden-bench-wrk-')));
    const drive: LoadDriver =
      opts.loadgen === 'wrk'
        ? (origin, requests, s) => runWrk(processes, { origin, requests, connections, seconds: s, scriptDir })
        : (origin, requests, s) => runAutocannon({ origin, requests, connections, seconds: s });
    const results = await runLoadBench(targets, scenarios, {
      drive,
      beforeScenario: async (scenario) => {
        const one = await preflight(targets, [scenario]);
        Object.assign(check.statuses, one.statuses);
        check.warnings.push(...one.warnings);
        for (const w of one.warnings) console.error(`bench: WARNING: ${w}`);
      },
      seconds,
      rounds,
      warmupSeconds,
      progress: (line) => console.error(`bench: ${line}`),
    });
    const names = targets.map((t) => t.name);
    const rows = loadTableRows(scenarios, names, results);
    const gatesLine = Object.entries(set.wardenGates)
      .map(([name, gates]) => `${name}: ${Object.entries(gates).map(([k, v]) => `${k}=${v}`).join(' ')}`)
      .join('; ');
    const shared = `load generator (${loadGenerator}, ${connections} connections) and every server share the same ${machine.cores} cores`;
    const header = [
      `Warden load benchmark, ${new Date().toISOString()}`,
      `machine: ${machineLine(machine)}; load average at start ${machine.loadAverageAtStart}`,
      `NOTE: ${shared}; one worker/process per server; figures are relative, not capacity.`,
      `runs: ${rounds} rounds x ${seconds}s per target and scenario, targets alternated A B A B; medians across rounds`,
      `Warden gates at start-up: ${gatesLine || 'n/a'}`,
      `anchor: ${set.anchor ?? `not run (${set.skipped['modsec-crs'] ?? 'not requested'})`}`,
    ];
    const scenarioLines = scenarios.map((s) => `  ${s.name.padEnd(11)} ${s.description}`);
    console.log(`\n${header.join('\n')}\n\nscenarios:\n${scenarioLines.join('\n')}\n\n${formatLoadTable(rows)}\n`);
    if (check.warnings.length > 0) console.log(`warnings:\n${check.warnings.map((w) => `  ${w}`).join('\n')}\n`);

    mkdirSync(outDir, { recursive: true });
    const jsonFile = join(outDir, 'latest.json');
    const svgFile = join(outDir, 'latest.svg');
    const report = {
      date: new Date().toISOString(),
      machine,
      options: { seconds, rounds, connections, warmupSeconds, loadGenerator },
      targets: targets.map((t) => ({ ...t, gates: set.wardenGates[t.name] })),
      anchor: set.anchor,
      skipped: set.skipped,
      scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, requests: s.requests.length })),
      preflight: check.statuses,
      warnings: check.warnings,
      results,
      table: rows,
      detection: detection.map((d) => ({
        target: d.target,
        statuses: d.statuses,
        errors: d.errors,
        total: rates(d.board.total),
        bySource: Object.fromEntries([...d.board.bySource].map(([k, v]) => [k, rates(v)])),
        byCategory: Object.fromEntries([...d.board.byCategory].map(([k, v]) => [k, rates(v)])),
      })),
    };
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 1)}\n`);
    writeFileSync(svgFile, benchChartSvg({ ...chartCaptions(report), scenarios, targets: names, results }));
    console.log(`wrote ${relative(process.cwd(), jsonFile)} and ${relative(process.cwd(), svgFile)}`);
    if (opts['write-doc']) {
      const doc = join(REPO_ROOT, 'BENCHMARKS.md');
      const sections = [...header.map((l) => `- ${l}`), '', markdownLoadTable(rows)];
      if (check.warnings.length > 0) sections.push('', ...check.warnings.map((w) => `Warning: ${w}.`));
      if (detection.length > 0) {
        const { attacks, benign } = detection[0].board.total;
        sections.push('', `${DETECTION_HEAD} (${attacks} attacks, ${benign} benign), blocked = 403, Warden with reputation off:`, '', markdownDetectionTable(detection));
      } else {
        const carried = carriedDetection(doc);
        if (carried !== null) sections.push('', carried);
      }
      replaceResultsSection(doc, sections.join('\n'));
      console.log(`updated ${relative(process.cwd(), doc)}`);
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    processes.detach();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`bench: ${err.message}`);
    process.exitCode = 1;
  },
);
