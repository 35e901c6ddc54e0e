/**
 * `warden train --from-logs`: a candidate model from the traffic log plus the base material.
 * 1. label the log: operator labels, then the weak rules (weak-labels.ts), capped per source;
 * 2. benign lines give every screened form of every value field as benign texts (operator-labelled
 *    ones repeated `operatorWeight` times, so a handful of false positives outweighs their absence in
 *    the base corpus), and feed the per-endpoint profiles;
 * 3. attack lines give the fields the current pipeline blamed (model score ≥ half its operating
 *    point, or a signature hit) — not the whole request, whose other fields are usually benign;
 * 4. fine-tune the current model (its weights are the starting point; `fromScratch` trains from zero)
 *    on base texts + log texts, the base texts rehearsing what the model must not forget (their target
 *    is what the model in force says of them, `anchor`), at a small step; keep the model in force's
 *    operating point (`fromScratch`: pick the threshold on a seeded 10 % of the base texts); an ensemble in force (src/model/ensemble.ts) has each
 *    of its members fine-tuned from its own weights on the same texts (seeds `seed`, `seed + 1`, …),
 *    stacked back, and the members' mean probability calibrated as one model's score is; write the model, `profiles.json`,
 *    `training-report.json` (with the candidate's figures on the fixed validation set the promotion
 *    gate will use) and `MANIFEST.json` (hashes of all of it, checked by `warden promote`).
 * The base texts are the shipped base material (base-material.ts) unless `baseData` names others.
 * Log lines are redacted per config when read, so nothing unredacted reaches the candidate directory.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WardenConfig } from '../config/types.js';
import type { RedactionPolicy } from '../log/redact.js';
import { secretField } from '../log/redact.js';
import type { FeatureConfig } from '../model/features.js';
import type { LabelledSample } from '../model/fit.js';
import { loadPayloadModel } from '../model/load.js';
import { isEnsemble } from '../model/ensemble.js';
import { writeModelFiles } from '../model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../model/operating-point.js';
import { seededRandom } from '../model/prng.js';
import { mayCarryAttack } from '../model/screen.js';
import { formsToScore } from '../model/scored-forms.js';
import type { TrainProgress } from '../model/train.js';
import type { Inspection, Target } from '../inspect/types.js';
import { readLabels } from './labels.js';
import { loadTraffic } from './traffic-reader.js';
import { describeLabelCounts, labelTraffic, type LabelCounts, type WeakLabelOptions } from './weak-labels.js';
import { buildOfflinePipeline, inspectLine } from './offline-pipeline.js';
import { DEFAULT_PROFILE_OPTIONS, ProfileLearner, writeProfiles, type ProfileLearnOptions } from './field-profiles.js';
import { loadBaseData } from './base-data.js';
import { loadBaseMaterial, SHIPPED_BASE } from './base-material.js';
import { judgeTrainedWeights } from './trained-weights-checks.js';
import { writeManifest } from './candidate-manifest.js';
import { fitCandidate, keptWeights, type MemberTraining, type RetrainProgress } from './fit-candidate.js';
import { noTrainingData } from './errors.js';
import { describeScreenedOut, screenedForModel, splitValidation } from './validation-split.js';

export type { MemberTraining, RetrainProgress } from './fit-candidate.js';

export const TRAINING_REPORT_FILE = 'training-report.json';

/** `auto`: train, then keep the weights in force if the trained ones block more shipped benign requests, catch fewer of the fixed set's attacks, or fewer of them transplanted into a retrained field, than the promotion gate allows. */
export type WeightsMode = 'auto' | 'fine-tune' | 'keep';
export type CandidateWeights = 'fine-tuned' | 'from-scratch' | 'kept';

export interface TrainFromLogsOptions {
  config: WardenConfig;
  logs: string;
  labelsFile: string;
  redaction: RedactionPolicy;
  /** The model the log was judged by: picks which fields of an attack line to learn from, and is fine-tuned. */
  currentModelDir: string;
  /** Labelled texts (file) or shared corpora (directory) instead of the shipped base material. */
  baseData?: string;
  /** Generator scale when `baseData` is a corpus directory (1 = the full shipped training set). */
  baseScale?: number;
  /** Base texts trained on (a seeded sample; default: all of them). */
  baseSize?: number;
  /** The shipped base material's directory (tests point it elsewhere). */
  baseMaterialDir?: string;
  out: string;
  version?: string;
  seed: number;
  epochs: number;
  /** Ignored when fine-tuning (the current model's size is kept). */
  hidden: number;
  maxFpr: number;
  /** Adam step size (default 0.0003 fine-tuning, 0.01 from scratch). */
  learningRate?: number;
  /** Train from zero weights instead of fine-tuning the current model (as many members as it has). */
  fromScratch?: boolean;
  /** `keep`: the candidate keeps the model in force's weights and learns field profiles only; `fine-tune` always trains; default `auto`. */
  weights?: WeightsMode;
  /**
   * Fine-tuning: how far each base text's training target is the member in force's own probability
   * rather than its label (default 1: rehearse what the model in force says; 0: the labels, the recipe
   * before 2026-12-07). Log texts always train on their labels.
   */
  anchor?: number;
  /**
   * Fine-tuning: `in-force` (default) keeps the model in force's operating point (its members' published
   * points and ensemble shift: payload-v1.4's is calibrated on whole requests), raised only if the
   * candidate flags more held-out benign texts; `texts` recalibrates the members and their mean on the
   * base texts one by one (the recipe before 2026-12-07).
   */
  operatingPoint?: 'in-force' | 'texts';
  /** Times an operator-labelled text is repeated in training (default 5). */
  operatorWeight?: number;
  /** Only with `fromScratch` (a fine-tune keeps the current model's features). */
  featureConfig?: FeatureConfig;
  weak?: Partial<WeakLabelOptions>;
  profiles?: Partial<ProfileLearnOptions>;
  log?: (s: string) => void;
  /** Training progress (default: a line every 2 s through `log`). */
  progress?: (p: RetrainProgress) => void;
}

/** Trained weights `--weights auto` dropped: why, and what training them cost (the candidate's own weights are the model in force's). */
export interface DroppedWeights {
  because: string;
  how: CandidateWeights;
  backend: string;
  /** All members' training, summed: time spent, although the candidate does not carry the result. */
  trainSeconds: number;
  epochs: number;
  members: MemberTraining[];
}

export interface Rates2 {
  attacks: number;
  benign: number;
  tpr: number | null;
  tnr: number | null;
}

export interface TrainFromLogsResult {
  version: string;
  counts: LabelCounts;
  samples: { base: number; calibration: number; logBenign: number; logAttack: number };
  fields: number;
  /** All members' training, summed (of the dropped weights too: the time the run spent training). */
  trainSeconds: number;
  /** 1 for one MLP; an ensemble candidate's member count. */
  members: number;
  backend: string;
  /** Where the candidate's weights come from: `kept` = the model in force's, unchanged. */
  weights: CandidateWeights;
  /** The candidate alone on the fixed validation set (what the promotion gate will compare), or null without one. */
  fixedValidation: Rates2 | null;
  /** Trained weights `--weights auto` judged and dropped (then `weights` is `kept`), or null. */
  dropped: DroppedWeights | null;
}

const FORMS = 4;
/** Half the operating point: a field the model leaned on, even if it alone did not block. */
const BLAME_SCORE = PUBLISHED_THRESHOLD / 2;

function screenedForms(target: Target): string[] {
  return formsToScore(target.raw, target.decoded, FORMS).filter(mayCarryAttack);
}

function valueTargets(inspection: Inspection, redaction: RedactionPolicy): Target[] {
  return inspection.targets.filter((t) => t.raw !== '' && !secretField(t.name, redaction));
}

function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (n >= items.length) return items.slice();
  const random = seededRandom(seed);
  const rate = n / items.length;
  return items.filter(() => random() < rate);
}

/** A progress line with an ETA for the whole run (every member of an ensemble), every 2 s (and at the end of each epoch). */
export function trainingProgressLine(p: TrainProgress & { member?: number; members?: number }): string {
  const members = p.members ?? 1;
  const member = p.member ?? 1;
  const frac = (member - 1 + (p.epoch - 1 + p.batch / p.batches) / p.epochs) / members;
  const eta = frac > 0 ? (p.elapsedMs / frac) * (1 - frac) : 0;
  const which = members > 1 ? `member ${member}/${members} ` : '';
  return `${which}epoch ${p.epoch}/${p.epochs} [${'#'.repeat(Math.round(frac * 20)).padEnd(20)}] ${(frac * 100).toFixed(0)} % loss ${p.loss.toFixed(4)} ${(p.elapsedMs / 1000).toFixed(0)} s, ETA ${(eta / 1000).toFixed(0)} s`;
}

function everyTwoSeconds(say: (s: string) => void): (p: RetrainProgress) => void {
  let last = -Infinity;
  return (p) => {
    const now = performance.now();
    if (now - last < 2000 && p.batch !== p.batches) return;
    last = now;
    say(trainingProgressLine(p));
  };
}

export async function trainFromLogs(o: TrainFromLogsOptions): Promise<TrainFromLogsResult> {
  const say = o.log ?? (() => undefined);
  const { lines, summary } = await loadTraffic(o.logs, o.redaction);
  if (lines.length === 0) throw noTrainingData(o.logs, summary.invalid > 0 ? `all ${summary.invalid} lines are invalid traffic log records` : 'no traffic log lines found (is logging.traffic.enabled on?)');
  // WebSocket messages are read as what they are: the message's fields, in its connection's context (never the handshake's headers again).
  const messages = lines.reduce((n, l) => n + (l.websocket === undefined ? 0 : 1), 0);
  const ofThem = messages > 0 ? ` (${messages} of them WebSocket messages)` : '';
  say(`read ${summary.lines} logged requests${ofThem} from ${summary.files} file${summary.files === 1 ? '' : 's'}${summary.invalid > 0 ? ` (${summary.invalid} invalid lines skipped)` : ''}`);
  const { labelled, counts } = labelTraffic(lines, await readLabels(o.labelsFile), o.weak ?? {});
  for (const l of describeLabelCounts(counts, o.weak ?? {})) say(l);
  if (labelled.length === 0) {
    throw noTrainingData(o.logs, `none of the ${lines.length} logged requests is labelled: mark false positives with 'warden label <incidentId> --benign' (or relax the weak-label rules)`);
  }

  const learner = new ProfileLearner(o.redaction, { ...DEFAULT_PROFILE_OPTIONS, ...o.profiles });
  const current = await buildOfflinePipeline(o.config, o.currentModelDir, { profiles: false });
  const weight = o.operatorWeight ?? 5;
  const logTexts: LabelledSample[] = [];
  let logBenign = 0;
  let logAttack = 0;
  for (const l of labelled) {
    const repeat = l.origin === 'operator' ? weight : 1;
    const group = `log:${l.origin}`;
    if (l.label === 'benign') {
      const inspection = inspectLine(l.line);
      learner.add(inspection, l.line.ip, l.origin === 'operator');
      for (const t of valueTargets(inspection, o.redaction)) {
        for (const text of screenedForms(t)) {
          for (let r = 0; r < repeat; r++) logTexts.push({ text, label: 0, group });
          logBenign++;
        }
      }
      continue;
    }
    const { inspection, outcome } = await current.run(l.line);
    const blamed = new Set<number>();
    for (const s of outcome.results.model?.scores ?? []) if (s.score >= BLAME_SCORE) blamed.add(s.targetIndex);
    for (const h of outcome.results.signatures?.hits ?? []) if (h.targetIndex >= 0) blamed.add(h.targetIndex);
    for (const i of blamed) {
      const t = inspection.targets[i];
      if (t === undefined || secretField(t.name, o.redaction)) continue;
      for (const text of screenedForms(t)) {
        for (let r = 0; r < repeat; r++) logTexts.push({ text, label: 1, group });
        logAttack++;
      }
    }
  }
  say(`log texts: ${logBenign} benign, ${logAttack} attack (operator-labelled ones ×${weight})`);
  const profiles = learner.build();
  if (logTexts.length === 0 && Object.keys(profiles.fields).length === 0) {
    throw noTrainingData(o.logs, `the ${labelled.length} labelled requests carry no field value the model scores (nothing passes the screen), so a retrain would learn nothing`);
  }

  const mode = o.weights ?? 'auto';
  let baseAll: LabelledSample[];
  let baseSource: Record<string, unknown>;
  let fixedValidation: LabelledSample[] = [];
  let matchBenign: LabelledSample[] = [];
  /** The whole fixed set, as promote gives it to its retrained-field check. */
  let validation: LabelledSample[] = [];
  /** Why the fixed set could not be read with --base-data (then auto cannot run its TPR and field checks). */
  let fixedSetProblem: string | null = null;
  const materialDir = o.baseMaterialDir ?? SHIPPED_BASE;
  if (o.baseData !== undefined) {
    // Other base texts replace the shipped training texts, not the fixed set: the operating point, auto's
    // checks and promote judge the candidate on the shipped fixed set whatever it was trained on.
    let material: Awaited<ReturnType<typeof loadBaseMaterial>> | null = null;
    try {
      material = await loadBaseMaterial(materialDir, { train: false });
    } catch (err) {
      fixedSetProblem = (err as Error).message;
      say(`WARNING: the fixed validation set could not be read (${fixedSetProblem}): the operating point is not matched to the model in force, and --weights auto cannot run its base TPR and retrained-field checks`);
    }
    const given = mode === 'keep' ? [] : await loadBaseData(o.baseData, o.seed, o.baseScale ?? 0.1);
    baseSource = { data: o.baseData };
    if (material !== null) {
      ({ gate: fixedValidation, calibration: matchBenign } = screenedHalves(material.validation, say));
      validation = material.validation;
      baseSource = { data: o.baseData, validationMaterial: material.dir, validation: material.manifest.validation.sha256 };
      // A retrain never trains on the fixed set: texts of --base-data that are in it stay out, so the checks judge unseen texts.
      const fixedTexts = new Set(material.validation.map((s) => s.text));
      baseAll = given.filter((s) => !fixedTexts.has(s.text));
      if (baseAll.length < given.length) say(`--base-data: ${given.length - baseAll.length} of its ${given.length} texts are in the fixed validation set and are left out of training`);
    } else baseAll = given;
  } else {
    const material = await loadBaseMaterial(materialDir, { train: mode !== 'keep' });
    baseAll = material.train;
    // The gate's half of the fixed set is reported below; the other half's benign texts set the operating point.
    ({ gate: fixedValidation, calibration: matchBenign } = screenedHalves(material.validation, say));
    validation = material.validation;
    baseSource = { material: material.dir, train: material.manifest.train.sha256, validation: material.manifest.validation.sha256 };
  }
  // The calibration split (where the threshold is picked) is a seeded 10 % of all base texts, whatever
  // --base-size trains on: an operating point at FPR ≤ 0.05 % needs thousands of benign texts to be stable.
  const random = seededRandom(o.seed ^ 0x7a11);
  const rest: LabelledSample[] = [];
  const calibration: LabelledSample[] = [];
  for (const s of baseAll) (random() < 0.1 ? calibration : rest).push(s);
  const baseTrain = seededSample(rest, o.baseSize ?? rest.length, o.seed ^ 0xba5e);
  const train = [...baseTrain, ...logTexts];

  const currentModel = await loadPayloadModel(o.currentModelDir);
  const fineTune = o.fromScratch !== true;
  const featureConfig = fineTune ? currentModel.metadata.features : (o.featureConfig ?? currentModel.metadata.features);
  const hidden = fineTune ? currentModel.metadata.architecture.hidden : o.hidden;
  const version = o.version ?? `retrained-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  let fitted =
    mode === 'keep'
      ? keptWeights(currentModel, say)
      : await fitCandidate({ o, train, calibration, matchBenign, currentModel, fineTune, featureConfig, hidden, baseTrain: baseTrain.length, logTexts: logTexts.length, say, progress: o.progress ?? everyTwoSeconds(say) });
  /** Trained weights --weights auto judged and dropped: what they cost and why, recorded beside the kept weights. */
  let dropped: DroppedWeights | null = null;
  const drop = (because: string): void => {
    if (fitted.how !== 'kept') {
      dropped = { because, how: fitted.how, backend: fitted.backend, trainSeconds: fitted.trainSeconds, epochs: o.epochs, members: fitted.members };
      say(`dropping the trained weights (${fitted.trainSeconds.toFixed(1)} s of training): ${because}`);
    }
    fitted = keptWeights(currentModel, say);
  };
  if (mode === 'auto') {
    // The gate's own checks on the trained weights (trained-weights-checks.ts): weights that fail one are
    // dropped, and the candidate keeps the weights in force; the field profiles still carry the labels.
    const because = await judgeTrainedWeights({
      config: o.config,
      currentModelDir: o.currentModelDir,
      currentModel,
      fitted,
      out: o.out,
      version,
      featureConfig,
      profiles,
      materialDir,
      fixedValidation,
      validation,
      fixedSetProblem,
      labelled,
      say,
    });
    if (because !== null) drop(because);
  } else if (mode === 'fine-tune' && fixedSetProblem !== null) {
    say(`WARNING: --weights fine-tune: the trained weights are kept unjudged on the fixed validation set (${fixedSetProblem}); 'warden promote' refuses a candidate it cannot judge there unless given --validation FILE`);
  }
  const { weights, rawThreshold } = fitted;
  const droppedOrNull = dropped as DroppedWeights | null;
  let fixed: Rates2 | null = null;
  if (fixedValidation.length > 0) {
    const r: Rates2 = { attacks: 0, benign: 0, tpr: 0, tnr: 0 };
    let tp = 0;
    let tn = 0;
    for (const s of fixedValidation) {
      const hit = fitted.flags(s.text);
      if (s.label === 1) {
        r.attacks++;
        if (hit) tp++;
      } else {
        r.benign++;
        if (!hit) tn++;
      }
    }
    fixed = { ...r, tpr: r.attacks > 0 ? tp / r.attacks : null, tnr: r.benign > 0 ? tn / r.benign : null };
    say(`fixed validation set, the gate's half (what 'warden promote' judges): TPR ${((fixed.tpr ?? 0) * 100).toFixed(2)} %, TNR ${((fixed.tnr ?? 0) * 100).toFixed(2)} % on ${r.attacks} attacks / ${r.benign} benign`);
  }
  const samples = { base: fitted.how === 'kept' ? 0 : baseTrain.length, calibration: fitted.how === 'kept' ? 0 : calibration.length, logBenign, logAttack };
  const members = isEnsemble(weights) ? weights.members : 1;
  // An ensemble candidate says what each member's training was and where the members' mean is published.
  const ensemble =
    isEnsemble(weights) && fitted.how !== 'kept'
      ? { combine: 'mean-probability', members: fitted.members, shift: weights.shift, calibratedAs: 'the members\' mean probability, as one model\'s score' }
      : undefined;
  await writeModelFiles(o.out, weights, {
    version,
    createdAt: new Date().toISOString(),
    features: fitted.how === 'kept' ? currentModel.metadata.features : featureConfig,
    threshold: fitted.how === 'kept' ? currentModel.threshold : PUBLISHED_THRESHOLD,
    training: {
      fromLogs: true,
      weights: fitted.how,
      fineTunedFrom: fitted.how === 'fine-tuned' ? currentModel.version : null,
      keptFrom: fitted.how === 'kept' ? currentModel.version : null,
      seed: o.seed,
      epochs: fitted.how === 'kept' ? 0 : o.epochs,
      hidden: fitted.how === 'kept' ? currentModel.metadata.architecture.hidden : hidden,
      members,
      ...(ensemble === undefined ? {} : { ensemble }),
      maxFpr: o.maxFpr,
      backend: fitted.backend,
      // The time this run spent training, even when auto dropped what it trained (then `droppedWeights` says why).
      trainSeconds: droppedOrNull?.trainSeconds ?? fitted.trainSeconds,
      ...(droppedOrNull === null ? {} : { droppedWeights: droppedOrNull }),
      rawThreshold,
      base: baseSource,
      samples,
      labels: counts,
    },
  });
  await writeProfiles(o.out, profiles);
  await writeFile(
    join(o.out, TRAINING_REPORT_FILE),
    JSON.stringify({ version, weights: fitted.how, ...(droppedOrNull === null ? {} : { droppedWeights: droppedOrNull }), members, ...(ensemble === undefined ? {} : { ensemble }), labels: counts, weakRules: describeLabelCounts(counts, o.weak ?? {}), samples, base: baseSource, fields: Object.keys(profiles.fields).length, calibration: fitted.metrics, fixedValidation: fixed }, null, 2) + '\n',
  );
  await writeManifest(o.out);
  const fields = Object.keys(profiles.fields).length;
  say(
    fitted.how === 'kept'
      ? `wrote ${o.out} (${version}: ${currentModel.version}'s weights unchanged${droppedOrNull === null ? '' : `, the trained ones dropped after ${droppedOrNull.trainSeconds.toFixed(1)} s of training`}; ${fields} field profiles)`
      : `wrote ${o.out} (${version}: ${members > 1 ? `${members} members ` : ''}trained on ${fitted.backend} in ${fitted.trainSeconds.toFixed(1)} s; ${fields} field profiles)`,
  );
  return { version, counts, samples, fields, trainSeconds: droppedOrNull?.trainSeconds ?? fitted.trainSeconds, members, backend: fitted.backend, weights: fitted.how, fixedValidation: fixed, dropped: droppedOrNull };
}

/**
 * The fixed set's two halves as the runtime scores them: texts the lexical screen stops are left out of
 * the operating point's match, auto's base TPR check and the reported rates, as `promote` leaves them out.
 */
function screenedHalves(validation: readonly LabelledSample[], say: (line: string) => void): { gate: LabelledSample[]; calibration: LabelledSample[] } {
  const halves = splitValidation(validation);
  const gate = screenedForModel(halves.gate);
  const calibration = screenedForModel(halves.calibration);
  say(`fixed validation set: ${describeScreenedOut({ attacks: gate.screenedOut.attacks, benign: gate.screenedOut.benign + calibration.screenedOut.benign })}`);
  return { gate: gate.scored, calibration: calibration.scored };
}
