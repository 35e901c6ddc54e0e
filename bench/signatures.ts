/**
 * Per-request cost of the signature gate (gate 1) with every corpus HTTP rule loaded
 * (ET Open for Snort 2.9 and Suricata 5, Talos community for Snort 3) plus the bundled rules.
 * Inspections are built once up front, so only `gate.evaluate` is measured.
 * Run: npx tsx --expose-gc bench/signatures.ts   (figures in µs; median and p99 of per-call latency)
 * Skips with a message when ../shared/signatures-corpus is absent (bundled rules only).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { RawRequest } from '../src/inspect/types.js';
import { countStatuses, loadRuleSet } from '../src/signatures/index.js';
import { compileRules } from '../src/signatures/compile/compile-rules.js';

const corpus = fileURLToPath(new URL('../../shared/signatures-corpus', import.meta.url));
const bundled = fileURLToPath(new URL('../signatures', import.meta.url));
const paths = [bundled];
if (existsSync(corpus)) paths.push(`${corpus}/et-open-snort-2.9`, `${corpus}/snort3-community`, `${corpus}/et-open-suricata-5.0`);
else console.log('corpus absent: bundled rules only');

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
// Typed-array tables (the automata) live outside the JS heap: count arrayBuffers too.
const heldBytes = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = heldBytes();
const started = performance.now();
const { gate, report, rules } = await loadRuleSet(paths);
const loadMs = performance.now() - started;
// Compile alone (the hot-reload cost once files are parsed): regexes are cached by source, so this
// is the prefilter and rule compilation without pcre construction.
const compileStarted = performance.now();
compileRules(rules);
const compileMs = performance.now() - compileStarted;
gc?.();
const heapMb = (heldBytes() - heapBefore) / 1e6;

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
console.log(`load (read + parse + compile): ${loadMs.toFixed(0)} ms (recompile of parsed rules: ${compileMs.toFixed(0)} ms); heap + array buffers after load: +${heapMb.toFixed(0)} MB${gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
console.log(`automata: ${gate.stats.automata.map((a) => `${a.buffer} ${a.patterns} patterns/${a.states} states/${(a.bytes / 1e6).toFixed(1)} MB`).join('; ')}`);
for (const task of bench.tasks) {
  const r = task.result;
  if (!r || !('latency' in r)) continue;
  const hits = gate.evaluate(requests[task.name as keyof typeof requests]);
  console.log(`${task.name.padEnd(32)} median ${(r.latency.p50 * 1000).toFixed(1)} µs   p99 ${(r.latency.p99 * 1000).toFixed(1)} µs   candidates ${hits.candidates}, hits ${hits.hits.length}`);
}
