/**
 * The request point of saved weights on this tree: the recipe's request calibration
 * (request-calibration.ts, as datasets/train-model.ts runs it after training) applied to a model that is
 * already written, without training it again.
 *
 *   npx tsx datasets/request-point.ts --model DIR [--seed 1] [--out DIR --name VERSION]
 *
 * Prints where the model's raw threshold sits per request (the calibration seed of training seed
 * `--seed`, scale 1, every generated family) next to the one it was published at. With `--out`, writes the
 * model with its output bias (an ensemble: its shift) moved there (raised, never lowered below the per-text point it recorded),
 * `model.json` recording both points, its `metrics.json` and a `MANIFEST.json` for `warden promote`.
 * payload-v1.3 is the weights trained at 20a4983 moved to this point at 951310d (its model card). The
 * point depends on the tree (what the gate sends) and the lockfile (the generated records); the same
 * tree and weights give the same bytes.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { isEnsemble } from '../src/model/ensemble.js';
import { moveOperatingPoint } from '../src/model/evaluate.js';
import { loadPayloadModel } from '../src/model/load.js';
import { writeModelFiles } from '../src/model/model-files.js';
import { TypedArrayPayloadModel } from '../src/model/payload-model.js';
import { writeManifest } from '../src/retrain/candidate-manifest.js';
import { CALIBRATION_SCALE, calibrationRequests, calibrationSeed, MAX_REQUEST_FPR, requestThreshold, type CalibrationRequests } from './request-calibration.js';
import { THRESHOLD_RESAMPLES } from './training-run.js';
import { ALL_FAMILIES } from './training-set.js';

const HELP = `npx tsx datasets/request-point.ts --model DIR [--seed 1] [--out DIR --name VERSION]
  --model DIR   a written payload model whose model.json records training.rawThreshold
  --seed N      the training seed whose calibration seed is used (default 1, the shipped recipe's)
  --out DIR     also write the model moved to the request point (with --name, its version)`;

const logit = (p: number): number => Math.log(p / (1 - p));

export interface RequestPointIo {
  out(line: string): void;
  err(line: string): void;
  /** The calibration requests of training seed `seed` (default: every generated family at scale 1; tests give a few). */
  calibration?: (seed: number) => Promise<CalibrationRequests>;
}

export async function runRequestPoint(argv: readonly string[], io: RequestPointIo): Promise<number> {
  const args = parseArgs([...argv], {
    name: 'datasets/request-point.ts',
    maxPositionals: 0,
    flags: { model: { kind: 'string' }, seed: { kind: 'integer', min: 0 }, out: { kind: 'string' }, name: { kind: 'string' } },
  });
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const dir = stringFlag(args, 'model');
  const out = stringFlag(args, 'out');
  if (dir === undefined || (out !== undefined && stringFlag(args, 'name') === undefined)) {
    io.err(`${HELP}\n\n--model is required, and --name with --out`);
    return 1;
  }
  const seed = Number(stringFlag(args, 'seed') ?? 1);
  const model = await loadPayloadModel(dir);
  const training = model.metadata.training as Record<string, unknown>;
  const published = training.rawThreshold;
  if (typeof published !== 'number' || !(published > 0 && published < 1)) {
    io.err(`${dir}/model.json records no training.rawThreshold in (0,1): its raw scores cannot be recovered`);
    return 1;
  }
  const textThreshold = typeof training.textThreshold === 'number' ? training.textThreshold : published;
  // The raw model: the published weights with the bias moved back, so raw `published` sits at raw `published`.
  const w = model.weights;
  const back = (b: number): number => b - logit(model.threshold) + logit(published);
  const raw = new TypedArrayPayloadModel(model.metadata, isEnsemble(w) ? { ...w, shift: back(w.shift) } : { ...w, outputBias: back(w.outputBias) });
  const started = performance.now();
  const calibration = await (io.calibration ?? ((s: number) => calibrationRequests({ seed: s, families: ALL_FAMILIES })))(seed);
  const point = requestThreshold(calibration, (t) => raw.scoreText(t), { seed, resamples: THRESHOLD_RESAMPLES });
  io.out(
    `${model.version}: request point ${point.threshold.toFixed(4)} (10–90 %: ${point.interval.map((t) => t.toFixed(4)).join('–')}), ${point.flagged} of ${point.requests} ` +
      `calibration requests of seed ${calibrationSeed(seed)} flagged (${calibration.texts.length} distinct texts, ${((performance.now() - started) / 1000).toFixed(0)} s); ` +
      `published at ${published.toFixed(4)}, per-text point ${textThreshold.toFixed(4)}`,
  );
  if (out === undefined) return 0;
  const to = Math.max(point.threshold, textThreshold);
  await writeModelFiles(out, moveOperatingPoint(model.weights, published, to), {
    version: stringFlag(args, 'name') ?? model.version,
    createdAt: new Date().toISOString(),
    features: model.metadata.features,
    threshold: model.threshold,
    training: {
      ...training,
      rawThreshold: to,
      textThreshold,
      requestCalibration: { seed: calibrationSeed(seed), scale: CALIBRATION_SCALE, ...point, maxRequestFpr: MAX_REQUEST_FPR },
      requestPointCommand: `npx tsx datasets/request-point.ts ${argv.join(' ')}`,
    },
  });
  await copyFile(join(dir, 'metrics.json'), join(out, 'metrics.json')).catch(() => undefined);
  await writeManifest(out);
  io.out(`wrote ${out} (raw point ${to.toFixed(4)} published at ${model.threshold})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runRequestPoint(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    console.error(`${e.code ?? 'error'}: ${e.message ?? String(err)}`);
    process.exitCode = 1;
  }
}
