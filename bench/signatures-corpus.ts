/**
 * The signature gate on request records (a benign corpus: the generated families, the apache log),
 * in process: µs a request (mean, p50, p90, p99), rules evaluated fully a request, and with `--rules N`
 * the N rules whose full runs cost the most. The load bench's five scenario requests run no rule
 * fully; real traffic does (issue 14: 6 a request on the generated benign families, one of them 9001357,
 * whose pcre took ~480 µs a run), so this is where a rule's cost on benign traffic shows.
 *
 *   npx tsx bench/signatures-corpus.ts [--corpus] F [F...] [--root A=DIR --root B=DIR] [--every 10] [--passes 3] [--rules 15] [--flush-mb 0]
 *
 * With two roots, both trees' gates (each read from its own sources) judge each request in turn, the
 * order swapped every pass: a before/after in one time window. `--every N` keeps one record in N
 * (the 181,962 requests of the seed-7 families and the apache log take ~1 min a pass at 10).
 * Timings of the first pass are left out (the regex engines build their state on first use).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Inspection, RawRequest } from '../src/inspect/types.js';
import type { SignatureResult } from '../src/signatures/types.js';
import type { CompiledRule } from '../src/signatures/compile/compiled-rule.js';
import type { MatchLocation } from '../src/signatures/match/evaluate-rule.js';
import type { RequestBuffers } from '../src/signatures/match/request-buffers.js';
import { readRecordLines } from '../src/eval/read-record-lines.js';
import type { RequestRecord } from '../src/eval/record.js';
import { cacheFlusher } from './lib/cache-flush.js';
import { parseRoots, type BenchRoot } from './lib/roots.js';

interface Tree {
  label: string;
  evaluate(inspection: Inspection): SignatureResult;
  inspect(record: RequestRecord): Inspection;
  /** µs and runs by sid while `timing` is on. */
  ruleTime: Map<number, { us: number; runs: number }>;
  timing: { on: boolean };
}

type Evaluate = (rule: CompiledRule, buffers: RequestBuffers) => MatchLocation | null;

async function loadTree(root: BenchRoot, timeRules: boolean): Promise<Tree> {
  const from = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(root.dir, path)).href)) as T;
  const { loadConfig } = await from<typeof import('../src/config/load-config.js')>('src/config/load-config.ts');
  const { assembleGates, quietLog } = await from<typeof import('../src/assemble.js')>('src/assemble.ts');
  const { WardenMetrics } = await from<typeof import('../src/log/metrics.js')>('src/log/metrics.ts');
  const { createInspector } = await from<typeof import('../src/inspect/build-inspection.js')>('src/inspect/build-inspection.ts');
  const { recordToRawRequest } = await from<typeof import('../src/eval/record-request.js')>('src/eval/record-request.ts');
  const { RuleEvaluator } = await from<typeof import('../src/signatures/match/evaluate-rule.js')>('src/signatures/match/evaluate-rule.ts');
  const ruleTime = new Map<number, { us: number; runs: number }>();
  const timing = { on: false };
  if (timeRules) {
    // The tree's own evaluator class: each full run of a rule timed by its sid.
    const prototype = RuleEvaluator.prototype as unknown as { evaluate: Evaluate };
    const evaluate = prototype.evaluate;
    prototype.evaluate = function timed(this: unknown, rule, buffers) {
      if (!timing.on) return evaluate.call(this, rule, buffers);
      const t = performance.now();
      const where = evaluate.call(this, rule, buffers);
      const entry = ruleTime.get(rule.rule.sid) ?? { us: 0, runs: 0 };
      entry.us += (performance.now() - t) * 1000;
      entry.runs++;
      ruleTime.set(rule.rule.sid, entry);
      return where;
    };
  }
  const gates = await assembleGates(await loadConfig(null), quietLog(), new WardenMetrics(false));
  const signatures = gates.signatures;
  if (signatures === null) throw new Error(`${root.label}: the default configuration has no signature gate`);
  const inspector = createInspector();
  return {
    label: root.label,
    evaluate: (inspection) => signatures.evaluate(inspection) as unknown as SignatureResult,
    inspect: (record) => inspector(recordToRawRequest(record as never) as unknown as RawRequest) as unknown as Inspection,
    ruleTime,
    timing,
  };
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'string', multiple: true },
      root: { type: 'string', multiple: true },
      every: { type: 'string', default: '10' },
      passes: { type: 'string', default: '3' },
      rules: { type: 'string', default: '0' },
      'flush-mb': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  const corpus = [...(values.corpus ?? []), ...positionals];
  if (values.help || corpus.length === 0) {
    process.stdout.write('npx tsx bench/signatures-corpus.ts [--corpus] F [F...] [--root A=DIR [--root B=DIR]] [--every N (10)] [--passes N (3)] [--rules N (0)] [--flush-mb N (0)]\n');
    if (!values.help) process.exitCode = 2;
    return;
  }
  const every = Number(values.every);
  const passes = Number(values.passes);
  const topRules = Number(values.rules);
  const flushMb = Number(values['flush-mb']);
  if (!Number.isInteger(every) || every < 1) throw new Error(`--every must be an integer >= 1, got ${values.every}`);
  if (!Number.isInteger(passes) || passes < 2) throw new Error(`--passes must be an integer >= 2, got ${values.passes}`);
  if (!Number.isInteger(topRules) || topRules < 0) throw new Error(`--rules must be an integer >= 0, got ${values.rules}`);
  if (!Number.isFinite(flushMb) || flushMb < 0) throw new Error(`--flush-mb must be a number >= 0, got ${values['flush-mb']}`);
  const roots = values.root === undefined ? [{ label: 'this', dir: resolve(import.meta.dirname, '..') }] : parseRoots(values.root);
  if (roots.length > 2) throw new Error('one or two --root LABEL=DIR');
  const trees: Tree[] = [];
  for (const root of roots) trees.push(await loadTree(root, topRules > 0));

  const inspections: Inspection[][] = trees.map(() => []);
  let seen = 0;
  for (const file of corpus) {
    for await (const line of readRecordLines(file)) {
      if (!('record' in line) || seen++ % every !== 0) continue;
      trees.forEach((t, k) => inspections[k].push(t.inspect(line.record)));
    }
  }
  const n = inspections[0].length;
  if (n === 0) throw new Error('no request records in the corpus');
  const flush = cacheFlusher(flushMb);
  const times = trees.map(() => new Float64Array(n));
  const candidates = trees.map(() => 0);
  process.stdout.write(`${n} requests (1 in ${every} of ${seen}), ${passes} passes (the first untimed), ${flushMb} MB written before each request\n`);
  for (let pass = 0; pass < passes; pass++) {
    const timed = pass > 0;
    for (const t of trees) t.timing.on = timed && pass === passes - 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < trees.length; j++) {
        const k = pass % 2 === 0 ? j : trees.length - 1 - j;
        flush?.();
        const t0 = performance.now();
        const result = trees[k].evaluate(inspections[k][i]);
        const us = (performance.now() - t0) * 1000;
        // Per request, the least of the timed passes: what the request costs, preemptions left out.
        if (timed) times[k][i] = pass === 1 ? us : Math.min(times[k][i], us);
        if (pass === passes - 1) candidates[k] += result.candidates;
      }
    }
  }
  trees.forEach((t, k) => {
    const sorted = Array.from(times[k]).sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / n;
    const f = (x: number): string => x.toFixed(1);
    process.stdout.write(`${t.label}: µs a request mean ${f(mean)}, p50 ${f(quantile(sorted, 0.5))}, p90 ${f(quantile(sorted, 0.9))}, p99 ${f(quantile(sorted, 0.99))}; rules evaluated ${(candidates[k] / n).toFixed(2)} a request\n`);
    if (topRules > 0) {
      const top = [...t.ruleTime].sort((a, b) => b[1].us - a[1].us).slice(0, topRules);
      for (const [sid, { us, runs }] of top) process.stdout.write(`  ${sid}: ${(us / n).toFixed(2)} µs a request, run on ${(100 * runs / n).toFixed(1)} % of requests, ${(us / runs).toFixed(1)} µs a run\n`);
    }
  });
}

main().catch((err: Error) => {
  console.error(`signatures-corpus: ${err.message}`);
  process.exitCode = 1;
});
