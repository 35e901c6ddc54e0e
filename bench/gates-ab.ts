/**
 * The signature and model gates of two checkouts in one process, on the load bench's scenario
 * requests, the trees alternated per request (the order swapped every pass): a same-window
 * before/after of a gate change without the proxy's noise. `--flush-mb N` writes N MB before each
 * evaluation, as the proxy's other work does between two requests' scans (the gates' tables and the
 * regex engines' state then come from memory, not the CPU's caches). `--flush-stride 4096` writes one
 * byte per 4 KiB page of those N MB instead of one per 64-byte line: the tables' TLB entries and page-table
 * lines are evicted, their data mostly stays cached (bench/lib/cache-flush.ts). Medians in µs.
 *
 *   npx tsx bench/gates-ab.ts --root before=/tmp/before --root after=. [--scenarios a,b] [--passes 80] [--flush-mb 4 [--flush-stride 4096]]
 *   npx tsx bench/gates-ab.ts --root before=… --root after=. --corpus benign.ndjson [--sample 2000] [--passes 12]
 *
 * `--corpus` times the gates on request records (`warden eval`'s format; every k-th of the file, up
 * to `--sample`) instead of the scenarios: what a change costs on traffic like the operator's, whose
 * requests run rules the bench's few scenarios never trigger. Medians over all records and passes.
 *
 * Each root is read from its TypeScript sources (no build needed).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildScenarios, scenarioRawRequest } from './lib/scenarios.js';
import type { RawRequest, Inspection } from '../src/inspect/types.js';
import type { SignatureResult } from '../src/signatures/types.js';
import { cacheFlusher } from './lib/cache-flush.js';
import { parseRoots } from './lib/roots.js';
import { loadRecords } from './lib/records-file.js';
import { recordToRawRequest } from '../src/eval/record-request.js';

/** What this bench uses of a tree's gates (its own module instances, so its own types). */
interface TreeGates {
  signatures: { evaluate(inspection: Inspection): SignatureResult } | null;
  model: { evaluate(inspection: Inspection, signatures: SignatureResult | null): Promise<unknown> } | null;
}

interface Tree {
  label: string;
  gates: TreeGates;
  inspect: (raw: RawRequest) => Inspection;
}

async function loadTree(label: string, dir: string): Promise<Tree> {
  const from = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(dir, path)).href)) as T;
  const { loadConfig } = await from<typeof import('../src/config/load-config.js')>('src/config/load-config.ts');
  const { assembleGates, quietLog } = await from<typeof import('../src/assemble.js')>('src/assemble.ts');
  const { WardenMetrics } = await from<typeof import('../src/log/metrics.js')>('src/log/metrics.ts');
  const { createInspector } = await from<typeof import('../src/inspect/build-inspection.js')>('src/inspect/build-inspection.ts');
  const gates = await assembleGates(await loadConfig(null), quietLog(), new WardenMetrics(false));
  return { label, gates: gates as unknown as TreeGates, inspect: createInspector() };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', multiple: true },
      scenarios: { type: 'string' },
      passes: { type: 'string', default: '80' },
      'flush-mb': { type: 'string', default: '0' },
      'flush-stride': { type: 'string', default: '64' },
      corpus: { type: 'string' },
      sample: { type: 'string', default: '2000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/gates-ab.ts --root A=DIR --root B=DIR [--scenarios a,b | --corpus FILE [--sample N (2000)]] [--passes N (80)] [--flush-mb N (0) [--flush-stride BYTES (64)]]\n');
    return;
  }
  const roots = parseRoots(values.root);
  if (roots.length !== 2) throw new Error('two --root LABEL=DIR');
  const passes = Number(values.passes);
  const flushMb = Number(values['flush-mb']);
  if (!Number.isInteger(passes) || passes < 12) throw new Error(`--passes must be an integer >= 12, got ${values.passes}`);
  if (!Number.isFinite(flushMb) || flushMb < 0) throw new Error(`--flush-mb must be a number >= 0, got ${values['flush-mb']}`);
  if (values.corpus !== undefined && values.scenarios !== undefined) throw new Error('--corpus and --scenarios: one or the other');
  const sample = Number(values.sample);
  if (!Number.isInteger(sample) || sample < 1) throw new Error(`--sample must be a positive integer, got ${values.sample}`);
  const trees = [await loadTree(roots[0].label, roots[0].dir), await loadTree(roots[1].label, roots[1].dir)];
  const flushStride = Number(values['flush-stride']);
  if (!Number.isInteger(flushStride) || flushStride < 1) throw new Error(`--flush-stride must be a positive integer, got ${values['flush-stride']}`);
  const flush = cacheFlusher(flushMb, flushStride);
  const wanted = values.scenarios?.split(',');
  const chosen =
    values.corpus !== undefined
      ? [await corpusScenario(values.corpus, sample)]
      : (await buildScenarios()).filter((s) => wanted === undefined || wanted.includes(s.name)).map((s) => ({ name: s.name, raws: s.requests.map(scenarioRawRequest) }));
  process.stdout.write(`${passes} passes (first ${passes >> 3} warm-up), ${flushMb} MB written before each gate set${flushStride === 64 ? '' : ` (a byte every ${flushStride})`}; µs medians, ${trees[0].label} -> ${trees[1].label}\n`);
  for (const scenario of chosen) {
    const inspections = trees.map((t) => scenario.raws.map((raw) => t.inspect(raw)));
    const signatures: number[][] = [[], []];
    const model: number[][] = [[], []];
    for (let pass = 0; pass < passes; pass++) {
      for (let i = 0; i < scenario.raws.length; i++) {
        for (const k of pass % 2 === 0 ? [0, 1] : [1, 0]) {
          flush?.();
          let t = performance.now();
          const hits = trees[k].gates.signatures?.evaluate(inspections[k][i]) ?? null;
          const s = performance.now() - t;
          t = performance.now();
          await trees[k].gates.model?.evaluate(inspections[k][i], hits);
          const m = performance.now() - t;
          if (pass >= passes >> 3) {
            signatures[k].push(s * 1000);
            model[k].push(m * 1000);
          }
        }
      }
    }
    const f = (xs: number[]): string => median(xs).toFixed(1);
    process.stdout.write(`${scenario.name}: signatures ${f(signatures[0])} -> ${f(signatures[1])}, model ${f(model[0])} -> ${f(model[1])}\n`);
  }
}

/** A corpus as one scenario: every k-th record of the file, up to `sample`, as the raw requests `warden eval` builds. */
async function corpusScenario(file: string, sample: number): Promise<{ name: string; raws: RawRequest[] }> {
  const records = await loadRecords(file);
  const step = Math.max(1, Math.floor(records.length / sample));
  const raws: RawRequest[] = [];
  for (let i = 0; i < records.length && raws.length < sample; i += step) raws.push(recordToRawRequest(records[i]));
  return { name: `${file} (${raws.length} records)`, raws };
}

main().catch((err: Error) => {
  console.error(`gates-ab: ${err.message}`);
  process.exitCode = 1;
});
