import type { Reputation } from '../reputation/types.js';
import type { DecisionOptions } from './options.js';

/**
 * γ = 2^(−r·w): a recently hostile source (r < 0) gets γ > 1, a long-clean one γ < 1, a new one
 * (r = 0, or no store) exactly 1. Applied as score = 1 − (1 − evidence)^γ, which is the same as
 * moving every threshold t to 1 − (1 − t)^(1/γ) on the evidence scale; zero evidence stays zero,
 * so reputation alone never blocks a request. Two bounds keep a mistake from cascading: γ ≤ 2^w
 * (w = `reputationWeights.hostile`, so the `high` threshold 0.8 moves at most to 0.553 by default),
 * and evidence below `reputationLiftFloor` is never lifted at all (γ = 1).
 */
export function reputationExponent(
  reputation: Reputation | null,
  options: Pick<DecisionOptions, 'reputationWeights' | 'reputationLiftFloor'>,
  evidence = 1,
): number {
  if (reputation === null) return 1;
  const r = Math.max(-1, Math.min(1, reputation.trusted ? 1 : reputation.score));
  // The epsilon keeps evidence that is the floor in exact arithmetic (a lone priority-1 hit, 0.7) from
  // falling under it by a rounding error.
  if (r < 0 && evidence < options.reputationLiftFloor - 1e-9) return 1;
  const w = r < 0 ? options.reputationWeights.hostile : options.reputationWeights.clean;
  return Math.pow(2, -r * w);
}

export function applyExponent(evidence: number, exponent: number): number {
  return 1 - Math.pow(1 - evidence, exponent);
}

/** The evidence a request needs to reach `threshold` given the source's reputation exponent. */
export function evidenceNeeded(threshold: number, exponent: number): number {
  return 1 - Math.pow(1 - threshold, 1 / exponent);
}
