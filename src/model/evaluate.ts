/**
 * Validation arithmetic for the payload model: per-group TPR/TNR at a threshold, the worst false
 * positives, the threshold for a target benign false-positive rate, and the bias shift that puts the
 * chosen operating point at a fixed published score.
 */
import { isEnsemble, type PayloadWeights } from './ensemble.js';
import type { MlpWeights } from './mlp.js';
import { seededRandom } from './prng.js';

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
  return thresholdForCount(benignScores, Math.floor(benignScores.length * maxFpr));
}

/** A threshold estimated over bootstrap resamples, with the spread the resamples showed. */
export interface ThresholdEstimate {
  threshold: number;
  /** 10th and 90th percentile of the resamples' thresholds: how far the tail alone can move it. */
  low: number;
  high: number;
}

/**
 * `thresholdForFpr` averaged over seeded bootstrap resamples of the benign scores, on the logit scale.
 * At a 0.05 % false-positive rate the plain order statistic hangs on the 10–15 highest benign texts of a
 * validation split, so one text crossing moves it a whole step (measured: its standard error is about
 * one logit, 0.95–0.995 in raw score); the bootstrap mean weighs the neighbouring order statistics
 * too, so a retrain's operating point moves with the tail's shape, not with one text. Deterministic for
 * a seed. Each resample is drawn as counts over the sorted scores, so a resample costs O(n), not a sort.
 */
export function bootstrapThresholdForFpr(benignScores: readonly number[], maxFpr: number, options: { resamples?: number; seed?: number } = {}): ThresholdEstimate {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const n = sorted.length;
  if (n === 0) return { threshold: 0.5, low: 0.5, high: 0.5 };
  const resamples = options.resamples ?? 200;
  const random = seededRandom(options.seed ?? 1);
  const allowed = Math.floor(n * maxFpr);
  const counts = new Uint32Array(n);
  const thresholds: number[] = [];
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
    // The resample's (allowed+1)-th highest score: walk the sorted scores until the draws pass `allowed`.
    let seen = 0;
    let j = 0;
    for (; j < n - 1; j++) {
      seen += counts[j];
      if (seen > allowed) break;
    }
    thresholds.push(Math.min(0.999, sorted[j] + 1e-6));
  }
  const logit = (p: number): number => Math.log(p / (1 - p));
  const mean = thresholds.reduce((sum, t) => sum + logit(Math.max(1e-9, t)), 0) / resamples;
  thresholds.sort((a, b) => a - b);
  return { threshold: 1 / (1 + Math.exp(-mean)), low: thresholds[Math.floor(resamples * 0.1)], high: thresholds[Math.floor(resamples * 0.9)] };
}

/**
 * Moves the output bias so that a raw score of `threshold` becomes `published`: the decision layer can
 * then rely on one fixed operating point whatever a retrain's calibration.
 */
export function shiftOperatingPoint<W extends PayloadWeights>(weights: W, threshold: number, published: number): W {
  const logit = (p: number): number => Math.log(p / (1 - p));
  // An ensemble's score is σ(logit(mean probability) + shift): moving its shift moves every score's logit alike.
  // (Same order of operations as before ensembles, so a retrain's output bias is the same float.)
  if (isEnsemble(weights)) return { ...weights, shift: weights.shift + logit(published) - logit(threshold) };
  return { ...weights, outputBias: (weights as MlpWeights).outputBias + logit(published) - logit(threshold) };
}

/**
 * The threshold at which `scores` flag at most `allowed` of the benign texts: just above the
 * (allowed+1)-th highest score (capped like `thresholdForFpr`).
 */
export function thresholdForCount(benignScores: readonly number[], allowed: number): number {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const edge = sorted[Math.max(0, Math.floor(allowed))] ?? 0;
  // Just above the highest benign score that must stay below the threshold.
  return Math.min(0.999, edge + 1e-6);
}

/**
 * Weights already shifted for raw threshold `from`, moved to raw threshold `to` (same published point):
 * the shift that takes a score of `to` to where `from` was.
 */
export function moveOperatingPoint<W extends PayloadWeights>(weights: W, from: number, to: number): W {
  return shiftOperatingPoint(weights, to, from);
}
