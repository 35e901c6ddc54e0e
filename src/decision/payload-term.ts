import type { Inspection } from '../inspect/types.js';
import type { ModelResult } from '../model/types.js';
import type { DecisionOptions } from './options.js';
import { isIgnoredTarget } from './exemptions.js';

export interface PayloadTerm {
  /** The model's highest score over the targets the policy judges. */
  score: number;
  /** That score on the combiner's scale (see `calibratePayload`). */
  term: number;
  /** Index into `Inspection.targets`, or -1 when nothing scored. */
  targetIndex: number;
  form: string;
}

/**
 * Maps a model score onto the combiner's scale, piecewise linear and non-decreasing:
 * [0, floor] → 0 (the model's prior region: unfamiliar is not hostile), [floor, threshold] →
 * [0, bands.high], [threshold, 1] → [bands.high, 1]. So the model's own operating point is exactly
 * where payload evidence alone is `high` confidence, whatever the model's calibration.
 */
export function calibratePayload(score: number, options: Pick<DecisionOptions, 'payloadFloor' | 'payloadThreshold' | 'bands'>): number {
  const { payloadFloor: floor, payloadThreshold: threshold } = options;
  const high = options.bands.high;
  const p = Math.min(1, Math.max(0, score));
  if (p <= floor) return 0;
  if (p <= threshold) return ((p - floor) / (threshold - floor)) * high;
  return high + ((p - threshold) / (1 - threshold)) * (1 - high);
}

const NONE: PayloadTerm = Object.freeze({ score: 0, term: 0, targetIndex: -1, form: '' });

export function payloadTerm(
  model: ModelResult | null,
  inspection: Inspection,
  ignoredTargets: ReadonlySet<string>,
  options: DecisionOptions,
): PayloadTerm {
  if (model === null || model.scores.length === 0) return NONE;
  // Scores come highest first: the first target the policy does not exempt is the top one.
  for (const s of model.scores) {
    if (isIgnoredTarget(inspection.targets[s.targetIndex], ignoredTargets)) continue;
    return { score: s.score, term: calibratePayload(s.score, options), targetIndex: s.targetIndex, form: s.form };
  }
  return NONE;
}
