/**
 * The parts of one payload-model training run that `train-model.ts` (one run, optional hold-out) and
 * `leave-one-out.ts` (one run per held-out group over one assembled corpus) share: the recipe read from
 * the command line, the seeded train/validation split around a held-out set, and the fit that scores
 * validation and held-out texts at the threshold picked on validation.
 */
import { stringFlag, type ParsedArgs } from '../src/cli/args.js';
import { cliBadFlagValue } from '../src/cli/errors.js';
import { readLabelledTexts } from '../src/retrain/base-data.js';
import { moveOperatingPoint, type ScoredText } from '../src/model/evaluate.js';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../src/model/features.js';
import { withTeacherTargets, type Teacher } from '../src/model/distill.js';
import { fitPayloadModel, scoreSamples, type FitResult, type LabelledSample } from '../src/model/fit.js';
import { seededRandom } from '../src/model/prng.js';
import { ATTACK_FAMILIES } from '../src/model/training-data/attack-families/index.js';
import { ALL_FAMILIES, FAMILY_ATTACKS, type AttackForms, type BenignRepeats, type LabelledText, type TrainingSetOptions } from './training-set.js';
import { V11_FAMILIES } from './families/index.js';
import type { ExploitCode } from './exploit-payloads.js';
import { MAX_REQUEST_FPR, requestThreshold, type CalibrationRequests, type RequestThreshold } from './request-calibration.js';

export interface TrainingRecipe {
  seed: number;
  epochs: number;
  hidden: number;
  maxFpr: number;
  l2: number;
  learningRate: number;
  featureConfig: FeatureConfig;
  assembly: TrainingSetOptions;
  /**
   * How attack-family texts are split: `random` (the shipped recipe: like every other text) or `whole`
   * (all trained on, validated on fresh draws of the grammar: `familyValidationTexts`).
   */
  familySplit: 'random' | 'whole';
}

export function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return n;
}

/** The recipe flags of train-model.ts (--data, --seed, --epochs, --hidden, --scale, --char-ngrams...), with its defaults. */
export function recipeFromArgs(args: ParsedArgs): TrainingRecipe {
  const seed = numberFlag(args, 'seed', 1);
  const charFlag = stringFlag(args, 'char-ngrams');
  return {
    seed,
    epochs: numberFlag(args, 'epochs', 4),
    hidden: numberFlag(args, 'hidden', 32),
    maxFpr: numberFlag(args, 'max-fpr', 0.0005),
    l2: numberFlag(args, 'l2', 1e-6),
    learningRate: numberFlag(args, 'lr', 0.01),
    familySplit: familySplitFlag(stringFlag(args, 'family-split')),
    featureConfig: {
      ...DEFAULT_FEATURE_CONFIG,
      dim: 1 << numberFlag(args, 'dim-log2', Math.log2(DEFAULT_FEATURE_CONFIG.dim)),
      tokenNgrams: numberFlag(args, 'token-ngrams', DEFAULT_FEATURE_CONFIG.tokenNgrams),
      charNgrams: charFlag === undefined ? DEFAULT_FEATURE_CONFIG.charNgrams : charFlag === 'none' ? [] : charFlag.split(',').map(Number),
      ...(args.flags.has('position-ngrams') ? { positionNgrams: numberFlag(args, 'position-ngrams', 0) } : {}),
    },
    assembly: {
      root: stringFlag(args, 'data') ?? '../shared/datasets',
      seed,
      scale: numberFlag(args, 'scale', 1),
      mutationsPerAttack: numberFlag(args, 'mutations', 1),
      maxPerBenignGroup: numberFlag(args, 'max-per-group', 8000),
      synthesized: numberFlag(args, 'synthesized', 30000),
      benignFamilies: benignFamiliesFlag(stringFlag(args, 'benign-families')),
      familyAttacks: numberFlag(args, 'family-attacks', FAMILY_ATTACKS),
      familyWeights: familyWeightsFlag(stringFlag(args, 'family-weights')),
      exploitAttacks: numberFlag(args, 'exploit-attacks', 0),
      exploitCode: exploitCodeFlag(stringFlag(args, 'exploit-code')),
      benignRepeats: benignRepeatsFlag(stringFlag(args, 'benign-repeats')),
      attackForms: attackFormsFlag(stringFlag(args, 'attack-forms')),
      contextWrap: numberFlag(args, 'context-wrap', 0),
    },
  };
}

/** `--exploit-code`: keep (default) or skip the exploit fields that hold a whole program sent as content. */
export function exploitCodeFlag(value: string | undefined): ExploitCode {
  if (value === undefined || value === 'keep' || value === 'skip') return value ?? 'keep';
  throw cliBadFlagValue('train', 'exploit-code', 'must be keep or skip', value);
}

/** `--benign-repeats`: sampled (default, payload-v1.2's recipe) or kept (`keptRepeatsFirst` in training-set.ts). */
export function benignRepeatsFlag(value: string | undefined): BenignRepeats {
  if (value === undefined || value === 'sampled' || value === 'kept') return value ?? 'sampled';
  throw cliBadFlagValue('train', 'benign-repeats', 'must be sampled or kept', value);
}

/** `--attack-forms`: served (default: the forms the gate scores) or held-back (`heldBackForms` in training-set.ts too). */
export function attackFormsFlag(value: string | undefined): AttackForms {
  if (value === undefined || value === 'served' || value === 'held-back') return value ?? 'served';
  throw cliBadFlagValue('train', 'attack-forms', 'must be served or held-back', value);
}

/**
 * `--calibration-families`: unset = the run's benign families (undefined), `all`, or a comma list: the
 * generated families whose calibration requests set the request point (request-calibration.ts).
 */
export function calibrationFamiliesFlag(value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return ALL_FAMILIES;
  const names = value.split(',').filter(Boolean);
  const unknown = names.filter((n) => !ALL_FAMILIES.includes(n));
  if (unknown.length > 0 || names.length === 0) throw cliBadFlagValue('train', 'calibration-families', `unknown family "${unknown.join(', ')}" (all, or some of: ${ALL_FAMILIES.join(', ')})`, value);
  return names;
}

/** `--benign-families`: `all` (default), `v1.1` (payload-v1.1's eighteen) or a comma list of family names. */
export function benignFamiliesFlag(value: string | undefined): readonly string[] {
  if (value === undefined || value === 'all') return ALL_FAMILIES;
  if (value === 'v1.1') return V11_FAMILIES;
  const names = value.split(',').filter(Boolean);
  const unknown = names.filter((n) => !ALL_FAMILIES.includes(n));
  if (unknown.length > 0 || names.length === 0) throw cliBadFlagValue('train', 'benign-families', `unknown family "${unknown.join(', ')}" (all, v1.1, or some of: ${ALL_FAMILIES.join(', ')})`, value);
  return names;
}

/**
 * `--family-weights`: unset or `none` = every family alike (the shipped recipe, payload-v1.2);
 * `name=2,other=1.5` = exactly those multipliers of `--family-attacks`.
 */
export function familyWeightsFlag(value: string | undefined): Readonly<Record<string, number>> {
  if (value === undefined || value === 'none') return {};
  const known = ATTACK_FAMILIES.map((f) => f.name);
  const weights: Record<string, number> = {};
  for (const item of value.split(',').filter(Boolean)) {
    const [name, weight] = item.split('=');
    const w = Number(weight);
    if (!known.includes(name) || weight === undefined || !Number.isFinite(w) || w < 0)
      throw cliBadFlagValue('train', 'family-weights', `"${item}" is not family=weight (weight ≥ 0; families: ${known.join(', ')}; or none)`, value);
    weights[name] = w;
  }
  return weights;
}

/** `--family-split`: `random` (default) or `whole`. */
export function familySplitFlag(value: string | undefined): 'random' | 'whole' {
  if (value === undefined || value === 'random' || value === 'whole') return value ?? 'random';
  throw cliBadFlagValue('train', 'family-split', 'must be random or whole', value);
}

/**
 * Where a corpus text goes in a train-model.ts or base-material.ts run: held out (its mutations dropped),
 * kept out of training (`--keep-out`: validation), an attack-family text under `--family-split whole`
 * (training), or the seeded split.
 */
export function placeForRun(t: LabelledText, run: { isHeldOut: (t: LabelledText) => boolean; keptOut: ReadonlySet<string>; familySplit: 'random' | 'whole' }): Placement {
  if (run.isHeldOut(t)) return t.source.startsWith('mutation:') ? 'drop' : 'test';
  if (run.keptOut.has(keepOutKey(t))) return 'validate';
  return recipePlace(t, run.familySplit);
}

/**
 * Where the recipe puts a text nobody holds out or keeps out: a benign text traffic repeats
 * (`--benign-repeats kept`) and, under `--family-split whole`, an attack-family text are trained on;
 * every other text goes to the seeded split. train-model.ts and leave-one-out.ts both place by it.
 */
export function recipePlace(t: LabelledText, familySplit: 'random' | 'whole'): 'train' | 'fit' {
  // A benign text traffic repeats is learned, not left to the split (training-set.ts, keptRepeatsFirst).
  if (t.repeated === true) return 'train';
  return familySplit === 'whole' && t.source === 'family' ? 'train' : 'fit';
}

/** What `--keep-out` matches a corpus text by: its label and its exact text. */
export function keepOutKey(t: { label: 0 | 1; text: string }): string {
  return `${t.label}\u0000${t.text}`;
}

/** The keys of a `--keep-out` file's labelled texts (`{"text","label"}` lines, gzip'd or not: `readLabelledTexts`). */
export async function keptOutKeys(file: string): Promise<Set<string>> {
  return new Set((await readLabelledTexts(file)).map(keepOutKey));
}

export function groupOf(t: LabelledText): string {
  return `${t.source}/${t.category}`;
}

export function toSample(t: LabelledText): LabelledSample {
  return { text: t.text, label: t.label, group: groupOf(t) };
}

/**
 * Where a text goes in a run: `fit` (the seeded train/validation split), `train` (training whatever the
 * split draws: an attack-family grammar text, see `familyValidationTexts`), `validate` (validation
 * whatever the split draws: a previous model's fixed gate set, so the new model is never trained on
 * it), `test` (held out and measured) or `drop` (held out but not measured, e.g. mutations of a
 * held-out source, which would leak it into training and are not real examples of it either).
 */
export type Placement = 'fit' | 'train' | 'validate' | 'test' | 'drop';

export interface Split {
  train: LabelledText[];
  validation: LabelledText[];
  heldOut: LabelledText[];
}

/**
 * Seeded 10 % validation split of the texts placed in `fit` (plus those placed in `validate`). The
 * random stream advances only on those, exactly as the shipped model's run did.
 */
export function splitForTraining(texts: readonly LabelledText[], seed: number, place: (t: LabelledText) => Placement): Split {
  const random = seededRandom(seed ^ 0x7a11);
  const split: Split = { train: [], validation: [], heldOut: [] };
  for (const t of texts) {
    const where = place(t);
    if (where === 'test') split.heldOut.push(t);
    // `validate` draws too, so every other text lands where it would without the kept-out set.
    else if (where === 'validate' || where === 'train') {
      random();
      (where === 'train' ? split.train : split.validation).push(t);
    }
    else if (where === 'fit') (random() < 0.1 ? split.validation : split.train).push(t);
  }
  return split;
}

export interface ScoredRun {
  /** The fit with its final operating point (the higher of the text and the request threshold). */
  fit: FitResult;
  /** The per-text threshold on validation alone (bootstrap mean, ambiguous texts out). */
  textThreshold: number;
  /** The request threshold on the calibration requests, when the run had them. */
  requestPoint?: RequestThreshold & { maxRequestFpr: number };
  validation: ScoredText[];
  heldOut: ScoredText[];
}

/**
 * What a benign and an attack text are compared by to find a text the corpus labels both ways: letter
 * case and path-separator spelling aside (`C:\Windows\…\hosts` in a benign settings field,
 * `C:/windows/…/hosts` in an inclusion wordlist).
 */
export function labelConflictKey(text: string): string {
  return text.trim().toLowerCase().replaceAll('\\', '/');
}

/**
 * The validation texts as samples, each benign one that some training or validation attack text
 * matches (`labelConflictKey`) marked `ambiguous`: it does not set the operating point (fit.ts).
 * Held-out texts are not looked at: the run must not learn anything from them, this included.
 */
export function validationSamples(split: Split): LabelledSample[] {
  const attacks = new Set<string>();
  for (const t of split.train) if (t.label === 1) attacks.add(labelConflictKey(t.text));
  for (const t of split.validation) if (t.label === 1) attacks.add(labelConflictKey(t.text));
  return split.validation.map((t) => (t.label === 0 && attacks.has(labelConflictKey(t.text)) ? { ...toSample(t), ambiguous: true } : toSample(t)));
}

/**
 * Bootstrap resamples the corpus recipe averages its threshold over (src/model/evaluate.ts says why;
 * measured on payload-v1.2's gate set in datasets/README.md).
 */
export const THRESHOLD_RESAMPLES = 200;

/**
 * Trains on the split's training texts, picks the threshold on validation and, given calibration
 * requests (request-calibration.ts), raises it to where the model flags at most `MAX_REQUEST_FPR` of
 * them; scores validation and held-out texts at the final threshold.
 */
export async function fitAndScore(split: Split, recipe: TrainingRecipe, log: (line: string) => void, calibration?: CalibrationRequests, teacher?: Teacher): Promise<ScoredRun> {
  let lastLine = 0;
  const trainSamples = teacher === undefined ? split.train.map(toSample) : withTeacherTargets(split.train.map(toSample), teacher);
  if (teacher !== undefined) log(`teacher ${teacher.record.version} (${teacher.record.members} member(s)), weight ${teacher.record.alpha}: mean target ${(trainSamples.reduce((s, t) => s + (t.target ?? t.label), 0) / Math.max(1, trainSamples.length)).toFixed(4)} over ${trainSamples.length} training texts`);
  const fit = await fitPayloadModel(trainSamples, validationSamples(split), {
    featureConfig: recipe.featureConfig,
    seed: recipe.seed,
    epochs: recipe.epochs,
    hidden: recipe.hidden,
    maxFpr: recipe.maxFpr,
    thresholdResamples: THRESHOLD_RESAMPLES,
    l2: recipe.l2,
    learningRate: recipe.learningRate,
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastLine < 5000 && p.batch !== p.batches) return;
      lastLine = now;
      log(`epoch ${p.epoch}/${p.epochs} batch ${p.batch}/${p.batches} loss ${p.loss.toFixed(4)} ${(p.elapsedMs / 1000).toFixed(0)} s`);
    },
  });
  log(`trained on ${fit.backend} in ${(fit.elapsedMs / 1000).toFixed(1)} s, final loss ${fit.finalLoss.toFixed(4)}`);
  log(`text threshold ${fit.rawThreshold.toFixed(4)} (bootstrap 10–90 %: ${fit.thresholdInterval.map((t) => t.toFixed(4)).join('–')}); ${fit.ambiguousBenign} benign validation texts the corpus also labels attacks left out of it`);
  const textThreshold = fit.rawThreshold;
  let final = fit;
  let requestPoint: ScoredRun['requestPoint'];
  if (calibration !== undefined) {
    requestPoint = { ...requestThreshold(calibration, fit.scoreRaw, { seed: recipe.seed, resamples: THRESHOLD_RESAMPLES }), maxRequestFpr: MAX_REQUEST_FPR };
    log(`request threshold ${requestPoint.threshold.toFixed(4)} (bootstrap 10–90 %: ${requestPoint.interval.map((t) => t.toFixed(4)).join('–')}): ${requestPoint.flagged} of ${requestPoint.requests} calibration requests flagged`);
    if (requestPoint.threshold > textThreshold) final = { ...fit, weights: moveOperatingPoint(fit.weights, textThreshold, requestPoint.threshold), rawThreshold: requestPoint.threshold };
  }
  return { fit: final, textThreshold, requestPoint, validation: scoreSamples(split.validation.map(toSample), fit.scoreRaw), heldOut: scoreSamples(split.heldOut.map(toSample), fit.scoreRaw) };
}
