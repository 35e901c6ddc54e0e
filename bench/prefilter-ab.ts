/**
 * The signature prefilter's scan alone (`Prefilter.candidatesFor`: its automata over a request's
 * buffers, the candidate rules kept) of two checkouts in one process, on the load bench's scenario
 * requests with the bundled rules, the trees alternated per request (the order swapped every pass).
 * The request's buffers are loaded before the flush, so only the scan is timed. `--flush-mb` and
 * `--flush-stride` as in gates-ab.ts: what the proxy's other work leaves of the tables in the caches.
 * Medians in µs; each tree's candidate lists are checked equal request by request.
 *
 *   npx tsx bench/prefilter-ab.ts --root before=/work/main --root after=. [--scenarios a,b] [--passes 80] [--flush-mb 16 [--flush-stride 4096]]
 *
 * Each root is read from its TypeScript sources (no build needed).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildScenarios, scenarioRawRequest } from './lib/scenarios.js';
import type { RawRequest } from '../src/inspect/types.js';
import { cacheFlusher } from './lib/cache-flush.js';
import { parseRoots } from './lib/roots.js';

interface Tree {
  label: string;
  /** The candidate rules of a raw request, its buffers loaded first; `scan` runs the timed part. */
  prepare(raw: RawRequest): { scan(): number[] };
}

async function loadTree(label: string, dir: string): Promise<Tree> {
  const from = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(dir, path)).href)) as T;
  const { loadRuleSet } = await from<typeof import('../src/signatures/load-rule-set.js')>('src/signatures/load-rule-set.ts');
  const { BufferSlots, compileRule } = await from<typeof import('../src/signatures/compile/compile-rule.js')>('src/signatures/compile/compile-rule.ts');
  const { Prefilter } = await from<typeof import('../src/signatures/compile/prefilter.js')>('src/signatures/compile/prefilter.ts');
  const { RequestBuffers } = await from<typeof import('../src/signatures/match/request-buffers.js')>('src/signatures/match/request-buffers.ts');
  const { createInspector } = await from<typeof import('../src/inspect/build-inspection.js')>('src/inspect/build-inspection.ts');
  const { rules } = await loadRuleSet([resolve(dir, 'signatures/warden.rules')]);
  const slots = new BufferSlots();
  const compiled = rules.filter((r) => r.enabled).map((r, i) => compileRule(r, i, 'suspicious', slots));
  const prefilter = new Prefilter(compiled);
  const inspect = createInspector();
  return {
    label,
    prepare(raw) {
      const buffers = new RequestBuffers(slots.headerFields, prefilter.readsJsonFormInPieces);
      buffers.load(inspect(raw));
      return { scan: () => [...prefilter.candidatesFor(buffers)] };
    },
  };
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
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/prefilter-ab.ts --root A=DIR --root B=DIR [--scenarios a,b] [--passes N (80)] [--flush-mb N (0) [--flush-stride BYTES (64)]]\n');
    return;
  }
  const roots = parseRoots(values.root);
  if (roots.length !== 2) throw new Error('two --root LABEL=DIR');
  const passes = Number(values.passes);
  const flushMb = Number(values['flush-mb']);
  const flushStride = Number(values['flush-stride']);
  if (!Number.isInteger(passes) || passes < 12) throw new Error(`--passes must be an integer >= 12, got ${values.passes}`);
  if (!Number.isFinite(flushMb) || flushMb < 0) throw new Error(`--flush-mb must be a number >= 0, got ${values['flush-mb']}`);
  if (!Number.isInteger(flushStride) || flushStride < 1) throw new Error(`--flush-stride must be a positive integer, got ${values['flush-stride']}`);
  const trees = [await loadTree(roots[0].label, roots[0].dir), await loadTree(roots[1].label, roots[1].dir)];
  const flush = cacheFlusher(flushMb, flushStride);
  const wanted = values.scenarios?.split(',');
  const chosen = (await buildScenarios()).filter((s) => wanted === undefined || wanted.includes(s.name));
  process.stdout.write(`${passes} passes (first ${passes >> 3} warm-up), ${flushMb} MB written before each scan${flushStride === 64 ? '' : ` (a byte every ${flushStride})`}; µs medians, ${trees[0].label} -> ${trees[1].label}\n`);
  for (const scenario of chosen) {
    const raws = scenario.requests.map(scenarioRawRequest);
    const prepared = trees.map((t) => raws.map((raw) => t.prepare(raw)));
    for (let i = 0; i < raws.length; i++) {
      const [a, b] = [prepared[0][i].scan(), prepared[1][i].scan()];
      if (a.join() !== b.join()) throw new Error(`${scenario.name} request ${i}: candidates ${a.join()} (${trees[0].label}) and ${b.join()} (${trees[1].label})`);
    }
    const times: number[][] = [[], []];
    for (let pass = 0; pass < passes; pass++) {
      for (let i = 0; i < raws.length; i++) {
        for (const k of pass % 2 === 0 ? [0, 1] : [1, 0]) {
          flush?.();
          const t = performance.now();
          prepared[k][i].scan();
          if (pass >= passes >> 3) times[k].push((performance.now() - t) * 1000);
        }
      }
    }
    process.stdout.write(`${scenario.name}: ${median(times[0]).toFixed(1)} -> ${median(times[1]).toFixed(1)}\n`);
  }
}

main().catch((err: Error) => {
  console.error(`prefilter-ab: ${err.message}`);
  process.exitCode = 1;
});
