import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs, stringFlag, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';
import { CORPUS_TRAINING_FLAGS, RECIPE_FLAGS } from './train-flags.js';
import { WardenError } from '../errors.js';
import { trainingDataInvalid } from '../model/errors.js';
import { groupMetrics } from '../model/evaluate.js';
import { DEFAULT_FEATURE_CONFIG } from '../model/features.js';
import { fitPayloadModel, scoreSamples, type LabelledSample } from '../model/fit.js';
import { writeModelFiles } from '../model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../model/operating-point.js';
import { seededRandom } from '../model/prng.js';

const USAGE = `Usage: warden train --data <labelled.ndjson | shared-datasets-dir> [--out models/<name>] [--seed 1] [--epochs 4]
                    [--hidden 32] [--validation <labelled.ndjson>] [--max-fpr 0.0005]

Trains the payload model with tfjs (tfjs-node when installed, else wasm, else cpu) and writes
<out>/model.json + weights.bin, ready for 'model.path' in the config.

--data FILE   labelled texts, one JSON object a line: {"text": "...", "label": "attack"|"benign"|1|0,
              "group": "optional source/category"}. Without --validation a seeded 10 % is held out
              to pick the threshold (benign false-positive rate ≤ --max-fpr on it).
--data DIR    the shared corpora (e.g. ../shared/datasets): assembles the full training set (shared
              payloads, generated benign traffic, attack mutations, synthesized attacks, hard-benign
              values), holds out --holdout sources, and reports validation per source. Needs a source
              checkout (the generators live in datasets/); same as
              npx tsx datasets/train-model.ts --data DIR ... (see its --help for all options)
--from-logs DIR  retrain from the traffic log + operator labels instead ('warden train --from-logs x --help')`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function numberFlag(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw trainingDataInvalid(`--${name}`, `expected a non-negative number, got "${value}"`);
  return n;
}

async function readLabelled(file: string): Promise<LabelledSample[]> {
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw trainingDataInvalid(file, `cannot read (${err.message})`);
  });
  const out: LabelledSample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw trainingDataInvalid(`${file}:${i + 1}`, 'not JSON');
    }
    const r = v as { text?: unknown; label?: unknown; group?: unknown };
    if (typeof r.text !== 'string') throw trainingDataInvalid(`${file}:${i + 1}`, '"text" must be a string');
    const label = r.label === 'attack' || r.label === 1 ? 1 : r.label === 'benign' || r.label === 0 ? 0 : null;
    if (label === null) throw trainingDataInvalid(`${file}:${i + 1}`, '"label" must be "attack", "benign", 1 or 0');
    out.push({ text: r.text, label, group: typeof r.group === 'string' ? r.group : 'data' });
  });
  if (!out.some((s) => s.label === 1) || !out.some((s) => s.label === 0)) throw trainingDataInvalid(file, 'needs both attack and benign examples');
  return out;
}

/** Forwards a child's output line by line to the command's io. */
function forwardLines(stream: NodeJS.ReadableStream, write: (s: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(line);
  });
  stream.on('end', () => {
    if (pending !== '') write(pending);
  });
}

/**
 * Runs the corpus assembler of a source checkout: in-process under tsx, else as `tsx
 * datasets/train-model.ts` in a child process (the compiled build does not ship datasets/).
 */
async function trainFromCorpusDir(argv: string[], io: Io): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let mod: { runTrainModel: (argv: string[], io: Io) => Promise<number> } | undefined;
  try {
    mod = (await import(new URL('../../datasets/train-model.js', import.meta.url).href)) as typeof mod;
  } catch (err) {
    const script = join(root, 'datasets', 'train-model.ts');
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    if (!existsSync(script) || !existsSync(tsx)) {
      io.err(
        'warden train: --data points at a directory, which needs the dataset generators of a source checkout ' +
          `(datasets/train-model.ts and the tsx dev dependency); pass --data a labelled NDJSON file instead. (${(err as Error).message.split('\n')[0]})`,
      );
      return 2;
    }
  }
  // Only a failed import falls back to the child process: the run's own errors (a bad flag) are the user's.
  if (mod !== undefined) return mod.runTrainModel(argv, io);
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'datasets', 'train-model.ts'), ...argv], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardLines(child.stdout, io.out);
  forwardLines(child.stderr, io.err);
  return new Promise((resolvePromise) => child.on('close', (code) => resolvePromise(code ?? 1)));
}

/** What training from a labelled file reads; the rest of the table is for --data DIR (datasets/train-model.ts). */
const FILE_TRAINING_FLAGS: ReadonlySet<string> = new Set(['data', 'seed', 'epochs', 'hidden', 'max-fpr']);

export const TRAIN_FLAGS: CommandSpec = {
  name: 'train',
  maxPositionals: 0,
  flags: { ...RECIPE_FLAGS, ...CORPUS_TRAINING_FLAGS, out: { kind: 'string' }, validation: { kind: 'string' } },
};

export async function runTrainCommand(args: string[], io: Io): Promise<number> {
  // Retraining from the traffic log lives with the rest of the retraining loop.
  if (args.some((a) => a === '--from-logs' || a.startsWith('--from-logs='))) return (await import('../retrain/train-from-logs-command.js')).runTrainFromLogsCommand(args, io);
  const parsed = parseArgs(args, TRAIN_FLAGS);
  if (parsed.flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  const data = stringFlag(parsed, 'data');
  if (data === undefined) throw cliUsage('train', '--data (or --from-logs) is required');
  try {
    const info = await stat(data).catch(() => null);
    if (info === null) throw trainingDataInvalid(data, 'not found');
    if (info.isDirectory()) return await trainFromCorpusDir(args, io);
    const corpusOnly = Object.keys(CORPUS_TRAINING_FLAGS).find((f) => parsed.flags.has(f)) ?? Object.keys(RECIPE_FLAGS).find((f) => !FILE_TRAINING_FLAGS.has(f) && parsed.flags.has(f));
    if (corpusOnly !== undefined) throw cliUsage('train', `--${corpusOnly} is for --data DIR (the shared corpora); ${data} is a file`);

    const seed = numberFlag(stringFlag(parsed, 'seed'), 1, 'seed');
    const epochs = numberFlag(stringFlag(parsed, 'epochs'), 4, 'epochs');
    const hidden = numberFlag(stringFlag(parsed, 'hidden'), 32, 'hidden');
    const maxFpr = numberFlag(stringFlag(parsed, 'max-fpr'), 0.0005, 'max-fpr');
    const outDir = stringFlag(parsed, 'out') ?? join('models', 'payload-custom');
    const all = await readLabelled(data);
    const validationFile = stringFlag(parsed, 'validation');
    let train = all;
    let validation: LabelledSample[];
    if (validationFile !== undefined) validation = await readLabelled(validationFile);
    else {
      const random = seededRandom(seed ^ 0x7a11);
      train = [];
      validation = [];
      for (const s of all) (random() < 0.1 ? validation : train).push(s);
    }
    io.err(`training on ${train.length} texts, validating on ${validation.length}`);
    let last = 0;
    const fit = await fitPayloadModel(train, validation, {
      featureConfig: DEFAULT_FEATURE_CONFIG,
      seed,
      epochs,
      hidden,
      maxFpr,
      learningRate: 0.01,
      l2: 1e-6,
      onProgress: (p) => {
        if (performance.now() - last < 2000 && p.batch !== p.batches) return;
        last = performance.now();
        io.err(`epoch ${p.epoch}/${p.epochs} [${'#'.repeat(Math.round((20 * p.batch) / p.batches)).padEnd(20)}] loss ${p.loss.toFixed(4)} ${(p.elapsedMs / 1000).toFixed(0)} s`);
      },
    });
    const metrics = groupMetrics(scoreSamples(validation, fit.scoreRaw), fit.rawThreshold);
    for (const m of metrics) io.out(`${m.group}: attacks ${m.attacks} TPR ${(m.tpr * 100).toFixed(2)} %, benign ${m.benign} TNR ${(m.tnr * 100).toFixed(2)} %`);
    const name = outDir.split(/[/\\]/).filter(Boolean).pop() ?? 'payload-custom';
    await writeModelFiles(outDir, fit.weights, {
      version: name,
      createdAt: new Date().toISOString(),
      features: DEFAULT_FEATURE_CONFIG,
      threshold: PUBLISHED_THRESHOLD,
      training: { seed, epochs, hidden, maxFpr, backend: fit.backend, trainSeconds: Math.round(fit.elapsedMs / 1000), data, rawThreshold: fit.rawThreshold },
    });
    await writeFile(join(outDir, 'metrics.json'), JSON.stringify({ validation: metrics }, null, 2) + '\n');
    io.out(`wrote ${outDir} (trained on ${fit.backend} in ${(fit.elapsedMs / 1000).toFixed(1)} s)`);
    return 0;
  } catch (err) {
    if (err instanceof WardenError) {
      io.err(`warden train: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
