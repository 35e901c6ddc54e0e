/**
 * Per-request cost of the signature gate (gate 1) with every corpus HTTP rule loaded
 * (ET Open for Snort 2.9 and Suricata 5, Talos community for Snort 3) plus the bundled rules.
 * Inspections are built once up front, so only `gate.evaluate` is measured.
 * Run: npx tsx --expose-gc bench/signatures.ts [--rules DIR ...] [--benign FILE.ndjson ...]   (figures in µs; median and p99 of per-call latency)
 * Skips with a message when ../shared/signatures-corpus is absent (bundled rules only).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { RawRequest } from '../src/inspect/types.js';
import { countStatuses, loadRuleSet } from '../src/signatures/index.js';
import { compileRules } from '../src/signatures/compile/compile-rules.js';
import { listAfter as listOf } from './lib/list-flags.js';

const corpus = fileURLToPath(new URL('../../shared/signatures-corpus', import.meta.url));
const bundled = fileURLToPath(new URL('../signatures', import.meta.url));
const paths = [bundled];
// `--rules DIR ...`: the bundled set plus these (e.g. one pack set: ET Open for Suricata + Talos Snort 3,
// ~10,400 HTTP rules); `--benign FILE ...`: also the per-request cost over these warden eval records.
const argv = process.argv.slice(2);
const listAfter = (flag: string): string[] => listOf(argv, flag);
const rulePaths = listAfter('--rules');
if (rulePaths.length > 0) paths.push(...rulePaths);
else if (existsSync(corpus)) paths.push(`${corpus}/et-open-snort-2.9`, `${corpus}/snort3-community`, `${corpus}/et-open-suricata-5.0`);
else console.log('corpus absent: bundled rules only');
const benignFiles = listAfter('--benign');

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
// Typed-array tables (the automata) live outside the JS heap: count arrayBuffers too.
const heldBytes = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = heldBytes();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpuStarted = process.cpuUsage();
const { gate, report, rules } = await loadRuleSet(paths);
const loadMs = performance.now() - started;
// CPU time too: on a shared machine wall time measures the neighbours as much as the load.
const loadCpu = process.cpuUsage(cpuStarted);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
// Memory held by the loaded gate, before the recompile below allocates a second one.
gc?.();
const heapMb = (heldBytes() - heapBefore) / 1e6;
// RSS also counts native RE2's programs (C++ heap), which the JS heap figures do not see.
const rssMb = (process.memoryUsage().rss - rssBefore) / 1e6;
// Compile alone (the hot-reload cost once files are parsed): regexes are cached by source, so this
// is the prefilter and rule compilation without pcre construction.
const compileStarted = performance.now();
const compileCpuStarted = process.cpuUsage();
compileRules(rules);
const compileMs = performance.now() - compileStarted;
const compileCpu = process.cpuUsage(compileCpuStarted);
const compileCpuMs = (compileCpu.user + compileCpu.system) / 1000;

const source = { ip: '198.51.100.20', port: 51234, peerIp: '198.51.100.20' };
const browser = [
  'Host', 'shop.example.com',
  'User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language', 'en-GB,en;q=0.9',
  'Accept-Encoding', 'gzip, deflate, br',
  'Cookie', 'session=3f9a1c0b7e2d4a55; theme=dark; consent=1',
];
function inspect(method: string, url: string, headers: string[], body = ''): ReturnType<typeof buildInspection> {
  const payload = Buffer.from(body, 'latin1');
  const raw: RawRequest = { method, url, httpVersion: '1.1', rawHeaders: headers, body: payload, bodyTruncated: false, source };
  return buildInspection(raw);
}
const items = Array.from({ length: 12 }, (_, i) => ({ sku: `SKU-${1000 + i}`, qty: (i % 3) + 1, note: 'gift wrap please' }));
const json = JSON.stringify({ customer: { name: 'Alice Martin', email: 'alice@example.com' }, items, coupon: 'SPRING24' });
const requests = {
  'benign GET': inspect('GET', '/products/42?ref=home&sort=price_asc&page=2', browser),
  [`JSON POST (${json.length} B)`]: inspect('POST', '/api/orders', [...browser, 'Content-Type', 'application/json', 'Content-Length', String(json.length)], json),
  'attack GET (SQLi + traversal)': inspect('GET', "/item.php?id=1'%20UNION%20SELECT%20username,password%20FROM%20users--&file=../../etc/passwd", browser),
};

const bench = new Bench({ time: 1500, warmup: true });
for (const [name, inspection] of Object.entries(requests)) bench.add(name, () => void gate.evaluate(inspection));
await bench.run();

const counts = countStatuses(report.entries);
console.log(`rules loaded: ${gate.ruleCount} (report: ${JSON.stringify(counts)}), evaluated on every request: ${gate.stats.alwaysEvaluated}`);
console.log(`load (read + parse + compile): ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU (recompile of parsed rules: ${compileMs.toFixed(0)} ms wall, ${compileCpuMs.toFixed(0)} ms CPU); heap + array buffers after load: +${heapMb.toFixed(0)} MB${gc ? '' : ' (run with --expose-gc for a settled figure)'}, RSS +${rssMb.toFixed(0)} MB`);
console.log(`automata: ${gate.stats.automata.map((a) => `${a.buffer} ${a.patterns} patterns/${a.states} states/${(a.bytes / 1e6).toFixed(1)} MB`).join('; ')}`);
for (const task of bench.tasks) {
  const r = task.result;
  if (!r || !('latency' in r)) continue;
  const hits = gate.evaluate(requests[task.name as keyof typeof requests]);
  console.log(`${task.name.padEnd(32)} median ${(r.latency.p50 * 1000).toFixed(1)} µs   p99 ${(r.latency.p99 * 1000).toFixed(1)} µs   candidates ${hits.candidates}, hits ${hits.hits.length}`);
}

if (benignFiles.length > 0) {
  // Per record: the median of 5 evaluations (the first warms caches); then the median and p99 over records.
  const { readFileSync } = await import('node:fs');
  const { recordToRawRequest } = await import('../src/eval/record-request.js');
  const perRecord: number[] = [];
  for (const file of benignFiles) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const inspection = buildInspection(recordToRawRequest(JSON.parse(line)));
      const runs: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        gate.evaluate(inspection);
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      perRecord.push(runs[2] * 1000);
    }
  }
  perRecord.sort((a, b) => a - b);
  const q = (p: number): number => perRecord[Math.min(perRecord.length - 1, Math.floor(p * perRecord.length))];
  console.log(`benign records (${perRecord.length} from ${benignFiles.length} files): median ${q(0.5).toFixed(1)} µs   p90 ${q(0.9).toFixed(1)} µs   p99 ${q(0.99).toFixed(1)} µs`);
}
