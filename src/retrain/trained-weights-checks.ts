/**
 * `train --from-logs --weights auto`: the promotion gate's own checks, run on the trained weights before
 * they are handed on, in the gate's order — the shipped benign requests, the fixed set's attacks (base
 * TPR), the shipped attack requests, attacks transplanted into the fields the labels retrained. The
 * first that fails (or cannot run) is the reason the candidate keeps the weights in force; `promote`
 * would refuse the trained ones on it anyway, after the operator had waited for the training.
 */
import type { WardenConfig } from '../config/types.js';
import type { FeatureConfig } from '../model/features.js';
import type { LabelledSample } from '../model/fit.js';
import { writeModelFiles } from '../model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../model/operating-point.js';
import type { TypedArrayPayloadModel } from '../model/payload-model.js';
import type { RequestRecord } from '../eval/record.js';
import { buildOfflinePipeline, type OfflinePipeline } from './offline-pipeline.js';
import { writeProfiles, type FieldProfiles } from './field-profiles.js';
import { readBaseAttackRequests, readBaseRequests } from './base-material.js';
import { attackRequestsCheck, benignRequestsCheck, DEFAULT_ATTACK_LOSS, DEFAULT_FP_GROWTH, DEFAULT_MARGIN, retrainedFieldChecks, type GateCheck, type RequestSet } from './promotion-gate.js';
import type { FittedWeights } from './fit-candidate.js';
import type { LabelledLine } from './weak-labels.js';

export interface TrainedWeightsInput {
  config: WardenConfig;
  currentModelDir: string;
  currentModel: TypedArrayPayloadModel;
  /** The trained weights (never `kept`). */
  fitted: FittedWeights;
  /** Where the candidate is written: the checks build its pipeline from there. */
  out: string;
  version: string;
  featureConfig: FeatureConfig;
  profiles: FieldProfiles;
  materialDir: string;
  /** The fixed set's gate half, screened (its attacks are the base TPR check's). */
  fixedValidation: readonly LabelledSample[];
  /** The whole fixed set, as promote gives it to its retrained-field check. */
  validation: readonly LabelledSample[];
  /** Why the fixed set could not be read (`--base-data` with unreadable base material), else null. */
  fixedSetProblem: string | null;
  labelled: readonly LabelledLine[];
  say: (line: string) => void;
}

const keepInstead = (x: TrainedWeightsInput): string => `keeping ${x.currentModel.version}'s weights instead (--weights fine-tune keeps the trained ones)`;

async function writeCandidate(x: TrainedWeightsInput): Promise<void> {
  await writeModelFiles(x.out, x.fitted.weights, { version: x.version, createdAt: new Date().toISOString(), features: x.featureConfig, threshold: PUBLISHED_THRESHOLD, training: {} });
  await writeProfiles(x.out, x.profiles);
}

/**
 * The trained weights' full pipeline against the one in force on a request set shipped with the base
 * material, as promote will judge them: the reason to drop them, or null.
 */
async function judgeOnShippedRequests(
  x: TrainedWeightsInput,
  kind: 'benign' | 'attack',
  whole: string,
  read: () => Promise<RequestRecord[] | null>,
  check: (set: RequestSet, current: OfflinePipeline, candidate: OfflinePipeline) => Promise<GateCheck>,
  refusal: string,
): Promise<string | null> {
  let requests: RequestRecord[] | null;
  try {
    requests = await read();
  } catch (err) {
    // A damaged file is not an absent one: without the check, the safe candidate is the weights in force.
    x.say(`${kind} requests shipped with the model could not be read (${(err as Error).message}): keeping ${x.currentModel.version}'s weights`);
    return `the ${kind} requests check could not run (${(err as Error).message})`;
  }
  if (requests === null) {
    x.say(`${kind} requests: none shipped with the base material; the trained weights are not judged on whole ${whole}`);
    return null;
  }
  if (requests.length === 0) return null;
  await writeCandidate(x);
  const outcome = await check({ name: 'shipped with the model', records: requests }, await buildOfflinePipeline(x.config, x.currentModelDir), await buildOfflinePipeline(x.config, x.out));
  x.say(`${outcome.name}, trained weights: ${outcome.detail}`);
  if (outcome.ok) return null;
  x.say(`the trained weights ${refusal} than the promotion gate allows: ${keepInstead(x)}`);
  return `${outcome.name}: ${outcome.detail}`;
}

/** Texts one by one undercount what a new model blocks in whole requests (the screen, the windows and the rules around it). */
const benignRequests = (x: TrainedWeightsInput): Promise<string | null> =>
  judgeOnShippedRequests(x, 'benign', 'requests', () => readBaseRequests(x.materialDir), (set, current, candidate) => benignRequestsCheck(set, current, candidate, DEFAULT_FP_GROWTH), 'block more benign requests');

/** Trained weights whose full pipeline lets by attack requests the pipeline in force blocks would only be refused by promote. */
const attackRequests = (x: TrainedWeightsInput): Promise<string | null> =>
  judgeOnShippedRequests(x, 'attack', 'attack requests', () => readBaseAttackRequests(x.materialDir), (set, current, candidate) => attackRequestsCheck(set, current, candidate, DEFAULT_ATTACK_LOSS), 'block fewer attack requests');

/**
 * The gate's base TPR check: matching a model in force that flags almost none of the calibration half's
 * benign texts can push a fine-tune's threshold past attacks it caught.
 */
async function baseTpr(x: TrainedWeightsInput): Promise<string | null> {
  const attacks = x.fixedValidation.filter((s) => s.label === 1).map((s) => s.text);
  if (attacks.length === 0) {
    x.say(`the fixed validation set holds no attacks, so the base TPR check cannot run: ${keepInstead(x)}`);
    return 'the base TPR check could not run: the fixed validation set holds no attacks';
  }
  const inForce = await x.currentModel.score(attacks);
  const current = inForce.filter((p) => p >= x.currentModel.threshold).length / attacks.length;
  const candidate = attacks.filter((t) => x.fitted.flags(t)).length / attacks.length;
  const detail = `current ${(current * 100).toFixed(2)} % → candidate ${(candidate * 100).toFixed(2)} % on the fixed set's ${attacks.length} attacks`;
  x.say(`base TPR, trained weights: ${detail}`);
  if (candidate >= current - DEFAULT_MARGIN - 1e-12) return null;
  x.say(`the trained weights catch fewer of them than the promotion gate allows (${(DEFAULT_MARGIN * 100).toFixed(2)} points): ${keepInstead(x)}`);
  return `base TPR: ${detail} (more than ${(DEFAULT_MARGIN * 100).toFixed(2)} points lower)`;
}

/**
 * The gate's retrained-field check: weights fine-tuned on your labels can learn the labelled field's
 * values so well that attacks transplanted there pass (measured: the 4-seed candidate of session 17, not
 * shipped, fine-tuned on 60 labelled settings saves, 99.50 → 98.75 % in that field, refused by promote).
 */
async function retrainedFields(x: TrainedWeightsInput): Promise<string | null> {
  await writeCandidate(x);
  const checks = await retrainedFieldChecks(
    { baseValidation: x.validation, labelled: x.labelled, current: await buildOfflinePipeline(x.config, x.currentModelDir), candidate: await buildOfflinePipeline(x.config, x.out), margin: DEFAULT_MARGIN },
    new Set(Object.keys(x.profiles.fields)),
  );
  for (const c of checks) x.say(`${c.name}, trained weights: ${c.detail}`);
  if (checks.length === 0) x.say('retrained fields: none of the labelled benign values sits in a field attacks can be transplanted into, so no field to check');
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return null;
  x.say(`the trained weights catch fewer attacks in a field your labels retrained than the promotion gate allows: ${keepInstead(x)}`);
  return failed.map((c) => `${c.name}: ${c.detail}`).join('; ');
}

/** Runs the checks in order; the first reason to keep the weights in force, or null when the trained ones pass all. */
export async function judgeTrainedWeights(x: TrainedWeightsInput): Promise<string | null> {
  const benign = await benignRequests(x);
  if (benign !== null) return benign;
  // Without the fixed set (--base-data with unreadable base material) the next checks cannot run:
  // trained weights nobody judged are not a candidate auto hands on.
  if (x.fixedSetProblem !== null) {
    x.say(
      `the base TPR and retrained-field checks cannot run without the fixed validation set (${x.fixedSetProblem}): keeping ${x.currentModel.version}'s weights instead (--weights fine-tune keeps the trained ones; promote refuses a candidate it cannot judge on that set)`,
    );
    return `the base TPR and retrained-field checks could not run: the fixed validation set could not be read (${x.fixedSetProblem})`;
  }
  return (await baseTpr(x)) ?? (await attackRequests(x)) ?? (await retrainedFields(x));
}
