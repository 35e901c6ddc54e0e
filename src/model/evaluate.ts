/**
 * Validation arithmetic for the payload model: per-group TPR/TNR at a threshold, the worst false
 * positives, the threshold for a target benign false-positive rate, and the bias shift that puts the
 * chosen operating point at a fixed published score.
 */
import type { MlpWeights } from './mlp.js';

export interface ScoredText {
  text: string;
  label: 0 | 1;
  group: string;
  score: number;
}

export interface GroupMetrics {
  group: string;
  attacks: number;
  benign: number;
  /** Attacks scored ≥ threshold / attacks. NaN when there are none. */
  tpr: number;
  /** Benign scored < threshold / benign. NaN when there are none. */
  tnr: number;
}

export function groupMetrics(scored: readonly ScoredText[], threshold: number): GroupMetrics[] {
  const groups = new Map<string, { a: number; ah: number; b: number; bl: number }>();
  for (const s of scored) {
    let g = groups.get(s.group);
    if (!g) groups.set(s.group, (g = { a: 0, ah: 0, b: 0, bl: 0 }));
    if (s.label === 1) {
      g.a++;
      if (s.score >= threshold) g.ah++;
    } else {
      g.b++;
      if (s.score < threshold) g.bl++;
    }
  }
  return [...groups.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([group, g]) => ({ group, attacks: g.a, benign: g.b, tpr: g.a ? g.ah / g.a : NaN, tnr: g.b ? g.bl / g.b : NaN }));
}

export function worstFalsePositives(scored: readonly ScoredText[], threshold: number, n: number): ScoredText[] {
  return scored
    .filter((s) => s.label === 0 && s.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, n);
}

/** The lowest threshold whose benign false-positive rate is at most `maxFpr`. */
export function thresholdForFpr(benignScores: readonly number[], maxFpr: number): number {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * maxFpr);
  const edge = sorted[allowed] ?? 0;
  // Just above the highest benign score that must stay below the threshold.
  return Math.min(0.999, edge + 1e-6);
}

/**
 * Moves the output bias so that a raw score of `threshold` becomes `published`: the decision layer can
 * then rely on one fixed operating point whatever a retrain's calibration.
 */
export function shiftOperatingPoint(weights: MlpWeights, threshold: number, published: number): MlpWeights {
  const logit = (p: number): number => Math.log(p / (1 - p));
  return { ...weights, outputBias: weights.outputBias + logit(published) - logit(threshold) };
}
