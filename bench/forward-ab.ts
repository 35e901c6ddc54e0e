/**
 * The payload model's forward pass (embedding-bag sum, hidden layer, output; features extracted
 * beforehand) of two checkouts in one process, on the same feature sets, the trees alternated per
 * text (the order swapped every text): a same-window before/after of a change to the sum, without
 * feature extraction, the gate or the proxy. The texts are bench/model.ts's: every raw and decoded
 * form the lexical screen lets through of a mixed workload (generated benign requests, one in ten
 * carrying a shared attack payload), cut to the model's window. Also counts the texts whose score
 * differs between the trees (Object.is): 0 for a change that must not move a bit.
 *
 *   npx tsx bench/forward-ab.ts --root before=/tmp/before --root after=. [--model DIR] [--passes 4]
 *                               [--flush-mb 4] [--min-features N] [--shared ../shared/datasets]
 *
 * `--flush-mb N` writes N MB before each forward pass (the embedding rows then come from memory, as
 * in a proxy whose other work evicts them); `--min-features N` keeps the long texts only. Each root
 * is read from its TypeScript sources; `--model` (default: the first root's shipped model) is loaded
 * by both.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateBenign, loadSharedPayloads } from '../datasets/loaders.js';
import { recordToRawRequest } from '../src/eval/record-request.js';
import type { RequestRecord } from '../src/eval/record.js';
import { buildInspection } from '../src/inspect/build-inspection.js';
import { FeatureExtractor } from '../src/model/features.js';
import { mayCarryAttack } from '../src/model/screen.js';
import { cacheFlusher } from './lib/cache-flush.js';
import { parseRoots } from './lib/roots.js';

/** What this bench uses of a tree's loaded model: its forward pass on feature indices. */
interface TreeModel {
  version: string;
  metadata: { features: ConstructorParameters<typeof FeatureExtractor>[0] };
  mlp: { predict(features: Uint32Array): number };
}

async function loadTree(dir: string, model: string): Promise<TreeModel> {
  const { loadPayloadModel } = (await import(pathToFileURL(resolve(dir, 'src/model/load.ts')).href)) as typeof import('../src/model/load.js');
  // `mlp` is private to TypedArrayPayloadModel: the bench reads it to time the forward pass alone.
  return (await loadPayloadModel(model)) as unknown as TreeModel;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', multiple: true },
      model: { type: 'string' },
      passes: { type: 'string', default: '4' },
      'flush-mb': { type: 'string', default: '0' },
      'min-features': { type: 'string', default: '0' },
      shared: { type: 'string', default: '../shared/datasets' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/forward-ab.ts --root A=DIR --root B=DIR [--model DIR] [--passes N (4)] [--flush-mb N (0)] [--min-features N (0)] [--shared DIR]\n');
    return;
  }
  const roots = parseRoots(values.root);
  if (roots.length !== 2) throw new Error('two --root LABEL=DIR');
  const passes = Number(values.passes);
  const flushMb = Number(values['flush-mb']);
  const minFeatures = Number(values['min-features']);
  if (!Number.isInteger(passes) || passes < 2) throw new Error(`--passes must be an integer >= 2, got ${values.passes}`);
  if (!Number.isFinite(flushMb) || flushMb < 0) throw new Error(`--flush-mb must be a number >= 0, got ${values['flush-mb']}`);
  if (!Number.isInteger(minFeatures) || minFeatures < 0) throw new Error(`--min-features must be an integer >= 0, got ${values['min-features']}`);
  const modelDir = resolve(values.model ?? resolve(roots[0].dir, 'models/payload-v1'));
  const trees = [await loadTree(roots[0].dir, modelDir), await loadTree(roots[1].dir, modelDir)];

  // bench/model.ts's workload: generated benign requests, one in ten carrying a shared attack payload in its query.
  const benign = generateBenign({ seed: 99, scale: 0.05 });
  const attacks = loadSharedPayloads(values.shared).payloads.filter((p) => p.label === 'attack');
  const records: RequestRecord[] = [...benign];
  for (let i = 0; i < benign.length / 10; i++) {
    const p = attacks[(i * 7919) % attacks.length];
    records.push({ ...benign[i], id: `atk-${i}`, label: 'attack', query: `q=${encodeURIComponent(p.text)}` });
  }
  const extractor = new FeatureExtractor(trees[0].metadata.features);
  const window = trees[0].metadata.features.maxChars;
  const features = records
    .flatMap((r) => buildInspection(recordToRawRequest(r)).targets.flatMap((t) => [t.raw, ...t.decoded]))
    .filter(mayCarryAttack)
    .map((text) => extractor.extract(text.slice(0, window)).slice())
    .filter((f) => f.length >= minFeatures);
  if (features.length === 0) throw new Error(`no text has ${minFeatures} features or more`);

  let differ = 0;
  for (const f of features) if (!Object.is(trees[0].mlp.predict(f), trees[1].mlp.predict(f))) differ++;

  const flush = cacheFlusher(flushMb);
  const times = [new Float64Array(features.length * (passes - 1)), new Float64Array(features.length * (passes - 1))];
  let at = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < features.length; i++) {
      for (const k of (pass + i) % 2 === 0 ? [0, 1] : [1, 0]) {
        flush?.();
        const t = performance.now();
        trees[k].mlp.predict(features[i]);
        const us = (performance.now() - t) * 1000;
        // The first pass warms the JIT and the tables: not counted.
        if (pass > 0) times[k][at] = us;
      }
      if (pass > 0) at++;
    }
  }
  const [a, b] = times.map((t) => t.sort());
  const mean = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanFeatures = features.reduce((s, f) => s + f.length, 0) / features.length;
  const f = (x: number): string => x.toFixed(2);
  process.stdout.write(`${trees[0].version} (${modelDir}), ${features.length} texts (${meanFeatures.toFixed(0)} features on average), ${passes - 1} timed passes, ${flushMb} MB written before each\n`);
  process.stdout.write(`scores differing: ${differ}\n`);
  process.stdout.write(`forward pass µs, ${roots[0].label} -> ${roots[1].label}: median ${f(quantile(a, 0.5))} -> ${f(quantile(b, 0.5))}, mean ${f(mean(a))} -> ${f(mean(b))}, p90 ${f(quantile(a, 0.9))} -> ${f(quantile(b, 0.9))}, p99 ${f(quantile(a, 0.99))} -> ${f(quantile(b, 0.99))}\n`);
}

main().catch((err: Error) => {
  console.error(`forward-ab: ${err.message}`);
  process.exitCode = 1;
});
