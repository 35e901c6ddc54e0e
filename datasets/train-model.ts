/**
 * Trains, validates and (with --out) ships the payload model:
 *
 *   npx tsx datasets/train-model.ts --data ../shared/datasets --seed 1 --out models/payload-v1
 *
 * Assembles the corpus (datasets/training-set.ts), holds out whole sources/families given with
 * --holdout (leave-one-source-out), keeps a seeded 10 % validation split of the rest, trains with tfjs,
 * picks the threshold on the validation benign texts (mean over bootstrap resamples, texts the corpus
 * also labels attacks left out: src/model/fit.ts), raises it where the model would flag more than 1 in
 * 10,000 generated benign requests of a calibration seed (request-calibration.ts), and prints TPR/TNR per source/category, the
 * share of benign field values that pass the screen, and the worst false positives. Lives under
 * datasets/ because it needs the generators; `warden train --data <dir>` delegates here in a checkout.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { numberFlag, parseArgs, stringFlag, type CommandSpec } from '../src/cli/args.js';
import { groupMetrics, worstFalsePositives, type ScoredText } from '../src/model/evaluate.js';
import { cliUsage } from '../src/cli/errors.js';
import { loadTeacher } from '../src/model/distill.js';
import { writeModelFiles } from '../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../src/model/operating-point.js';
import { writeManifest } from '../src/retrain/candidate-manifest.js';
import { assembleTrainingSet, familyValidationTexts, type LabelledText } from './training-set.js';
import { CALIBRATION_SCALE, calibrationRequests, calibrationSeed, requestCalibrationFlag } from './request-calibration.js';
import { calibrationFamiliesFlag, fitAndScore, groupOf, keepOutKey, keptOutKeys, placeForRun, recipeFromArgs, splitForTraining } from './training-run.js';
import { CORPUS_TRAINING_FLAGS, RECIPE_FLAGS } from '../src/cli/train-flags.js';

export interface TrainModelIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const HELP = `npx tsx datasets/train-model.ts [--data ../shared/datasets] [--seed 1] [--epochs 4] [--out models/<name>]
  [--holdout src[,src/category...]] [--hidden 32] [--dim-log2 15] [--token-ngrams 3] [--char-ngrams 3|none]
  [--scale 1] [--mutations 1] [--synthesized 30000] [--max-per-group 8000] [--max-fpr 0.0005] [--report file.json] [--name payload-v1]
  [--benign-families all|v1.1|fam1,fam2] [--family-attacks 2000] [--family-weights none|fam=2,...] [--family-split random|whole]
  [--keep-out FILE] [--exploit-attacks 0] [--exploit-code keep|skip] [--request-calibration on|off] [--benign-repeats sampled|kept]
  [--attack-forms served|held-back] [--calibration-families all|fam1,fam2] [--teacher MODEL_DIR] [--teacher-weight 0.5]
  [--context-wrap 0]

--benign-families  generated benign families in the corpus (all: the shipped recipe since payload-v1.2;
                   v1.1: the eighteen payload-v1.1 was trained on)
--family-attacks   attacks drawn per attack family of src/model/training-data/attack-families (17
                   families; 0 = none, as in payload-v1.1)
--family-weights   multipliers of --family-attacks per family (default none: every family alike, the
                   shipped recipe; CANDIDATE_FAMILY_WEIGHTS in datasets/training-set.ts was measured);
                   issue 18's opt-in families draw only when named: feature-shell-line=1,feature-code-snippet=1
--family-split     random (default): attack-family texts join the seeded 10 % split like every text;
                   whole: all trained on, validated on fresh draws of the grammar (another seed)
--exploit-attacks  records per exploit-generator template (datasets/exploits, its own templates, never a
                   held-out set) whose payload fields join as attacks (source exploit), drawn from a seed
                   no exploit measurement uses; 0 (default) = none, the shipped recipe
--exploit-code     keep (default) or skip the exploit fields holding a whole program sent as content
                   (uploaded web shells, PHP or JSP as the request body)
--keep-out FILE    labelled texts (.ndjson or .ndjson.gz, {"text","label"} lines) never trained on: the
                   corpus texts among them go to validation, e.g. the shipped model's fixed gate set
                   (models/payload-v1/base/validation.ndjson.gz), so 'warden promote' compares the
                   new model and the shipped one on material neither was trained on
--request-calibration
                   on (default): the threshold is at least the one at which the model flags 1 in 10,000
                   generated benign requests of the calibration seed (the training seed xor 0xca11b, scale 1
                   whatever --scale, never trained on; each request's highest text as the model gate picks them); off: the
                   per-text threshold alone, the recipe of payload-v1.2
--benign-repeats   sampled (default, payload-v1.2's recipe): a benign text many generated requests carry is
                   sampled under --max-per-group and drawn for validation like any other; kept: every
                   benign text more than one request of its family carries is kept first and trained on
--attack-forms     served (default): each attack text's forms the gate scores; held-back: also, after every
                   other text, the spellings serving holds back for benign values' sake (a percent-escaped
                   form beside a plain one, every backslash escape decoded: heldBackForms in training-set.ts)
--context-wrap N    N of the corpus's attack texts of the kinds that work inside text (SQL breakouts, markup,
                   templates, lookups, commands, code) wrapped in benign prose (attack), and N benign texts: its
                   benign values with attack punctuation wrapped in the same prose, and prose alone (source
                   context-wrap; datasets/context-wrap.ts says which prose and what is held out); 0 (default) = none
--calibration-families
                   the generated benign families whose calibration requests set the request point
                   (default: --benign-families; all; or a comma list), less any held out
--teacher DIR      distillation: train against α·(the teacher's probability) + (1 − α)·label, the teacher
                   a model directory (one MLP or an ensemble) scored with the serving forward pass on every
                   training text; threshold and request calibration as for any run; model.json records the
                   teacher's version and weights sha256 and α
--teacher-weight   α in [0,1] (default 0.5; needs --teacher)
--out DIR          also writes MANIFEST.json, so 'warden promote DIR' can judge the model`;


/** α when --teacher is given alone (datasets/README.md, "Distillation", has the measured run). */
const DEFAULT_TEACHER_WEIGHT = 0.5;

function pct(x: number): string {
  return Number.isNaN(x) ? '   -  ' : `${(x * 100).toFixed(2).padStart(6)}`;
}

/** `warden train --data DIR` lands here too, so its table is the one `warden train` validates against. */
export const TRAIN_MODEL_FLAGS: CommandSpec = {
  name: 'train',
  maxPositionals: 0,
  flags: { ...RECIPE_FLAGS, ...CORPUS_TRAINING_FLAGS, out: { kind: 'string' } },
};

export async function runTrainModel(argv: string[], io: TrainModelIo): Promise<number> {
  const args = parseArgs(argv, TRAIN_MODEL_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const recipe = recipeFromArgs(args);
  const { seed, epochs, hidden, maxFpr, featureConfig } = recipe;
  const outDir = stringFlag(args, 'out');
  const name = stringFlag(args, 'name') ?? (outDir ? outDir.split('/').filter(Boolean).pop()! : 'payload-dev');
  const holdout = (stringFlag(args, 'holdout') ?? '').split(',').filter(Boolean);
  const isHeldOut = (t: LabelledText): boolean =>
    holdout.some((h) => h === t.source || h === groupOf(t) || h === t.category || `mutation:${h}` === t.source);

  const teacherDir = stringFlag(args, 'teacher');
  const alphaFlag = stringFlag(args, 'teacher-weight');
  if (alphaFlag !== undefined && teacherDir === undefined) throw cliUsage('train', '--teacher-weight needs --teacher');
  // Loaded before the corpus is assembled: a wrong directory fails in a second, not after minutes.
  const teacher = teacherDir === undefined ? undefined : await loadTeacher(teacherDir, numberFlag(args, 'teacher-weight', DEFAULT_TEACHER_WEIGHT));

  const started = performance.now();
  const set = assembleTrainingSet(recipe.assembly);
  io.err(`assembled ${set.texts.length} screened texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const keepOutFile = stringFlag(args, 'keep-out');
  const keptOut = keepOutFile === undefined ? new Set<string>() : await keptOutKeys(keepOutFile);
  // Mutations of a held-out source would leak it; they are neither trained on nor tested.
  const { train, validation, heldOut } = splitForTraining(set.texts, seed, (t) => placeForRun(t, { isHeldOut, keptOut, familySplit: recipe.familySplit }));
  // Under --family-split whole the attack families are trained on whole and validated on fresh draws.
  if (recipe.familySplit === 'whole') validation.push(...familyValidationTexts(recipe.assembly).filter((t) => !isHeldOut(t)));
  if (keepOutFile !== undefined) io.err(`kept out of training: ${set.texts.filter((t) => keptOut.has(keepOutKey(t))).length} corpus texts of ${keptOut.size} in ${keepOutFile}`);
  io.err(`train ${train.length} (attack ${train.filter((t) => t.label === 1).length}), validation ${validation.length}, held out ${heldOut.length}`);

  const calibrate = requestCalibrationFlag(stringFlag(args, 'request-calibration'));
  // Held-out benign families stay out of the operating point too.
  const calibrationFamilies = (calibrationFamiliesFlag(stringFlag(args, 'calibration-families')) ?? recipe.assembly.benignFamilies ?? []).filter(
    (f) => !holdout.includes(f) && !holdout.includes(`warden-gen/${f}`),
  );
  const calibration = calibrate ? await calibrationRequests({ seed, families: calibrationFamilies }) : undefined;
  if (calibration) io.err(`calibration: ${calibration.requests.length} generated benign requests of seed ${calibrationSeed(seed)}, ${calibration.texts.length} distinct texts reach the model`);

  const { fit, textThreshold, requestPoint, validation: scoredVal, heldOut: scoredHeld } = await fitAndScore({ train, validation, heldOut }, recipe, io.err, calibration, teacher);
  const rawThreshold = fit.rawThreshold;
  io.out(`threshold ${rawThreshold.toFixed(4)}; per text ${textThreshold.toFixed(4)} (validation benign FPR ≤ ${maxFpr}, mean of bootstrap resamples, 10–90 %: ${fit.thresholdInterval.map((t) => t.toFixed(4)).join('–')}; ${fit.ambiguousBenign} label-conflicted benign texts left out)${requestPoint ? `; per request ${requestPoint.threshold.toFixed(4)} (≤ ${requestPoint.maxRequestFpr} of ${requestPoint.requests} calibration requests, 10–90 %: ${requestPoint.interval.map((t) => t.toFixed(4)).join('–')})` : ''}; published as ${PUBLISHED_THRESHOLD}`);

  const report = (title: string, scored: ScoredText[]): ReturnType<typeof groupMetrics> => {
    const metrics = groupMetrics(scored, rawThreshold);
    io.out(`\n${title}\n  group                                            attacks   TPR %   benign   TNR %`);
    for (const m of metrics) io.out(`  ${m.group.padEnd(48)} ${String(m.attacks).padStart(7)} ${pct(m.tpr)} ${String(m.benign).padStart(8)} ${pct(m.tnr)}`);
    const all = groupMetrics(
      scored.map((s) => ({ ...s, group: 'all' })),
      rawThreshold,
    )[0];
    if (all) io.out(`  ${'ALL'.padEnd(48)} ${String(all.attacks).padStart(7)} ${pct(all.tpr)} ${String(all.benign).padStart(8)} ${pct(all.tnr)}`);
    const fps = worstFalsePositives(scored, rawThreshold, 1000);
    if (fps.length) io.out(`  worst false positives (up to 4 per group):`);
    const shown = new Map<string, number>();
    for (const f of fps) {
      const n = shown.get(f.group) ?? 0;
      if (n >= 4) continue;
      shown.set(f.group, n + 1);
      io.out(`    ${f.score.toFixed(3)} ${f.group}: ${JSON.stringify(f.text.slice(0, 140))}`);
    }
    const misses = scored.filter((s) => s.label === 1 && s.score < rawThreshold).slice(0, 12);
    if (misses.length) io.out(`  some missed attacks:`);
    for (const m of misses) io.out(`    ${m.score.toFixed(3)} ${m.group}: ${JSON.stringify(m.text.slice(0, 140))}`);
    return metrics;
  };
  const valMetrics = report('validation (random 10 % of the non-held-out data)', scoredVal);
  const heldMetrics = holdout.length ? report(`held out: ${holdout.join(', ')}`, scoredHeld) : [];
  const sweep = (title: string, scored: ScoredText[]): void => {
    const line = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, rawThreshold].map((t) => {
      const m = groupMetrics(scored.map((x) => ({ ...x, group: 'all' })), t)[0];
      return `${t.toFixed(3)}: ${pct(m.tpr)}/${pct(m.tnr)}`;
    });
    io.out(`  ${title} TPR/TNR by threshold  ${line.join('  ')}`);
  };
  sweep('validation', scoredVal);
  if (holdout.length) sweep('held out', scoredHeld);

  io.out('\nscreen: share of field values / texts that reach the model');
  const screen: Record<string, { total: number; screened: number }> = {};
  for (const [group, c] of [...set.screen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    screen[group] = c;
    io.out(`  ${group.padEnd(48)} ${String(c.screened).padStart(7)}/${String(c.total).padEnd(8)} ${pct(c.screened / c.total)} %`);
  }

  io.out('\nscreen: share of benign request fields (targets) with a form that reaches the model');
  const targetScreen: Record<string, { total: number; screened: number }> = {};
  let tt = 0;
  let ts = 0;
  for (const [group, c] of [...set.targetScreen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    targetScreen[group] = c;
    tt += c.total;
    ts += c.screened;
    io.out(`  ${group.padEnd(48)} ${String(c.screened).padStart(7)}/${String(c.total).padEnd(8)} ${pct(c.screened / c.total)} %`);
  }
  io.out(`  ${'ALL'.padEnd(48)} ${String(ts).padStart(7)}/${String(tt).padEnd(8)} ${pct(ts / tt)} %`);

  const summary = {
    seed,
    epochs,
    hidden,
    backend: fit.backend,
    trainSeconds: Math.round(fit.elapsedMs / 1000),
    finalLoss: fit.finalLoss,
    rawThreshold,
    textThreshold,
    thresholdInterval: fit.thresholdInterval,
    requestCalibration: requestPoint
      ? { seed: calibrationSeed(seed), scale: CALIBRATION_SCALE, ...(args.flags.has('calibration-families') ? { families: calibrationFamilies } : {}), ...requestPoint }
      : 'off',
    ambiguousBenign: fit.ambiguousBenign,
    maxFpr,
    holdout,
    counts: { train: train.length, validation: validation.length, heldOut: heldOut.length },
    ...(teacher === undefined ? {} : { teacher: teacher.record }),
    validation: valMetrics,
    heldOut: heldMetrics,
    screen,
    targetScreen,
  };
  const reportFile = stringFlag(args, 'report');
  if (reportFile) await writeFile(reportFile, JSON.stringify(summary, null, 2) + '\n');

  if (outDir) {
    const meta = await writeModelFiles(outDir, fit.weights, {
      version: name,
      createdAt: new Date().toISOString(),
      features: featureConfig,
      threshold: PUBLISHED_THRESHOLD,
      training: { ...summary, validation: undefined, heldOut: undefined, screen: undefined, targetScreen: undefined, command: `npx tsx datasets/train-model.ts ${argv.join(' ')}` },
    });
    await writeFile(join(outDir, 'metrics.json'), JSON.stringify(summary, null, 2) + '\n');
    await writeManifest(outDir);
    io.out(`\nwrote ${outDir} (${meta.weights.floats * 4} bytes of weights)`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runTrainModel(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
  } catch (err) {
    // A flag the user got wrong: its code and message, not a stack trace.
    const e = err as { code?: string; message: string };
    if (e.code === undefined || !e.code.startsWith('WARDEN_')) throw err;
    console.error(`train: ${e.code}: ${e.message}`);
    process.exitCode = 2;
  }
}
