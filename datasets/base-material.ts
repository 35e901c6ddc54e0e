/**
 * Builds the base material shipped beside the model (src/retrain/base-material.ts), so `warden train
 * --from-logs` and `warden promote` work on a clean install:
 *
 *   npx tsx datasets/base-material.ts --data ../shared/datasets [--model models/payload-v1] [--train-texts 100000] [--keep-out FILE]
 *
 * Assembles the shipped model's corpus with its recipe (seed 1, scale 1, 30,000 synthesized, all benign
 * families, 2,000 attacks per attack family), splits it exactly as
 * datasets/train-model.ts does (seeded 10 % validation, plus the texts of the run's `--keep-out` file:
 * pass the same file), writes the whole validation split
 * as the fixed gate set, a seeded sample of the training split as rehearsal material and the benign
 * requests of datasets/base-requests.ts and the attack requests of datasets/base-attack-requests.ts, and records
 * the shipped model's TPR/TNR on the gate set at its operating point. Deterministic: same commit and
 * corpora, same bytes. For an ensemble of seeds this is its seed-1 member's corpus and split: the other
 * members trained on most of that split (each run splits with its own seed), so the recorded figures
 * are partly in-sample (models/payload-v1/MODEL_CARD.md, "Base material for retraining").
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { loadPayloadModel } from '../src/model/load.js';
import { seededRandom } from '../src/model/prng.js';
import type { LabelledSample } from '../src/model/fit.js';
import { BASE_DIR, BASE_MANIFEST, encodeSamples, type BaseFileEntry, type BaseManifest } from '../src/retrain/base-material.js';
import { ALL_FAMILIES, assembleTrainingSet, FAMILY_ATTACKS, familyValidationTexts } from './training-set.js';
import { writeBaseRequests, writeGzipped } from './base-requests.js';
import { writeBaseAttackRequests } from './base-attack-requests.js';
import { attackFormsFlag, benignRepeatsFlag, exploitCodeFlag, familySplitFlag, familyWeightsFlag, keptOutKeys, placeForRun, splitForTraining, toSample } from './training-run.js';

const HELP = `npx tsx datasets/base-material.ts --data ../shared/datasets [--model models/payload-v1] [--train-texts 100000] [--keep-out FILE]
  [--benign-repeats sampled|kept] [--exploit-attacks 0] [--exploit-code keep|skip] [--family-split random|whole]
  [--family-weights none|fam=2,...] [--attack-forms served|held-back]
  --keep-out FILE  the --keep-out file of the model's training run (its texts were validation there)
  --benign-repeats, --exploit-attacks, --exploit-code, --family-split, --family-weights, --attack-forms
                   the corpus flags of the model's training run (datasets/train-model.ts), so the corpus
                   and its split are that run's`;

async function writeGz(dir: string, file: string, samples: readonly LabelledSample[]): Promise<BaseFileEntry> {
  const sha256 = await writeGzipped(dir, file, encodeSamples(samples));
  const attacks = samples.filter((s) => s.label === 1).length;
  return { file, texts: samples.length, attacks, benign: samples.length - attacks, sha256 };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    name: 'datasets/base-material.ts',
    maxPositionals: 0,
    flags: {
      data: { kind: 'string' },
      model: { kind: 'string' },
      'train-texts': { kind: 'integer', min: 1 },
      'keep-out': { kind: 'string' },
      'benign-repeats': { kind: 'string' },
      'exploit-attacks': { kind: 'integer', min: 0 },
      'exploit-code': { kind: 'string' },
      'family-split': { kind: 'string' },
      'family-weights': { kind: 'string' },
      'attack-forms': { kind: 'string' },
    },
  });
  if (args.flags.has('help')) {
    console.log(HELP);
    return 0;
  }
  const root = stringFlag(args, 'data') ?? '../shared/datasets';
  const modelDir = stringFlag(args, 'model') ?? 'models/payload-v1';
  const trainTexts = Number(stringFlag(args, 'train-texts') ?? 100000);
  const keepOutFile = stringFlag(args, 'keep-out');
  const corpusFlags = ['benign-repeats', 'exploit-attacks', 'exploit-code', 'family-split', 'family-weights', 'attack-forms'].flatMap((f) => {
    const v = stringFlag(args, f);
    return v === undefined ? [] : [`--${f}`, v];
  });
  const assembly = {
    root,
    seed: 1,
    scale: 1,
    mutationsPerAttack: 1,
    synthesized: 30000,
    maxPerBenignGroup: 8000,
    benignFamilies: ALL_FAMILIES,
    familyAttacks: FAMILY_ATTACKS,
    // A weighted family draws more texts, training's and its fresh validation draws alike.
    familyWeights: familyWeightsFlag(stringFlag(args, 'family-weights')),
    benignRepeats: benignRepeatsFlag(stringFlag(args, 'benign-repeats')),
    exploitAttacks: Number(stringFlag(args, 'exploit-attacks') ?? 0),
    exploitCode: exploitCodeFlag(stringFlag(args, 'exploit-code')),
    attackForms: attackFormsFlag(stringFlag(args, 'attack-forms')),
  };
  const familySplit = familySplitFlag(stringFlag(args, 'family-split'));
  const started = performance.now();
  const set = assembleTrainingSet(assembly);
  const keptOut = keepOutFile === undefined ? new Set<string>() : await keptOutKeys(keepOutFile);
  const split = splitForTraining(set.texts, 1, (t) => placeForRun(t, { isHeldOut: () => false, keptOut, familySplit }));
  console.error(`assembled ${set.texts.length} texts (train ${split.train.length}, validation ${split.validation.length}) in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // A seeded sample, kept in corpus order (so the file compresses as the corpus does).
  const random = seededRandom(0xba5e);
  const keepRate = Math.min(1, trainTexts / split.train.length);
  const train = split.train.filter(() => random() < keepRate).map(toSample);
  // As train-model.ts: under --family-split whole the attack families are validated on fresh draws.
  const validation = [...split.validation, ...(familySplit === 'whole' ? familyValidationTexts(assembly) : [])].map(toSample);

  const dir = join(modelDir, BASE_DIR);
  await mkdir(dir, { recursive: true });
  const trainEntry = await writeGz(dir, 'train.ndjson.gz', train);
  const validationEntry = await writeGz(dir, 'validation.ndjson.gz', validation);
  const requestsEntry = await writeBaseRequests(dir);
  const attackRequestsEntry = await writeBaseAttackRequests(dir);

  const model = await loadPayloadModel(modelDir);
  const scores = await model.score(validation.map((s) => s.text));
  let tp = 0;
  let tn = 0;
  validation.forEach((s, i) => {
    if (s.label === 1 && scores[i] >= model.threshold) tp++;
    if (s.label === 0 && scores[i] < model.threshold) tn++;
  });
  const manifest: BaseManifest = {
    format: 'warden-base-material',
    formatVersion: 1,
    built: {
      command: `npx tsx datasets/base-material.ts --data ${root} --model ${modelDir} --train-texts ${trainTexts}${keepOutFile === undefined ? '' : ` --keep-out ${keepOutFile}`}${corpusFlags.map((f) => ` ${f}`).join('')}`,
      assembly: { ...assembly, root: undefined },
      split: `datasets/training-run.ts splitForTraining(seed 1): the shipped run's 10 % validation split${keepOutFile === undefined ? '' : ' plus the texts of its --keep-out file'}`,
      trainSample: { seed: 0xba5e, rate: keepRate },
    },
    train: trainEntry,
    validation: validationEntry,
    requests: requestsEntry,
    attackRequests: attackRequestsEntry,
    recorded: {
      model: model.version,
      weightsSha256: model.metadata.weights.sha256,
      attacks: validationEntry.attacks,
      benign: validationEntry.benign,
      tpr: tp / validationEntry.attacks,
      tnr: tn / validationEntry.benign,
    },
  };
  await writeFile(join(dir, BASE_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${dir}: train ${trainEntry.texts} texts, validation ${validationEntry.texts}; ${model.version} TPR ${(manifest.recorded.tpr * 100).toFixed(2)} % TNR ${(manifest.recorded.tnr * 100).toFixed(2)} %`);
  return 0;
}

process.exitCode = await main();
