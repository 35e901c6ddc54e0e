/**
 * A rule's weight: the attack evidence one hit of it adds to the decision, learned from how often it
 * fires on benign traffic and on attack material (issue 18). A smoothed likelihood ratio
 *
 *   LR = P(hit | attack) / P(hit | benign),  P(hit | benign) = (b + ½) / (B + 1)   (Jeffreys prior),
 *   P(hit | attack) = max(q_shape, (a + ½) / (A + 1)),
 *
 * turned into evidence by Bayes with prior attack odds o: w = LR·o / (1 + LR·o). `q_shape` is the
 * chance that the rule fires on an attack of the kind it describes: a rule with one exploit's shape
 * (a CVE, an application path plus a payload) fires on that exploit by construction, so its q is
 * high; a generic attack rule fires on some attacks; a policy or info rule barely says attack.
 * Measured attack hits can only raise P(hit | attack) (a rule never seen to fire on our material
 * is not evidence against it: the material does not cover every CVE).
 *
 * Then the caps, which make the principle exact whatever the counts:
 * - a rule that fired on benign traffic never blocks alone (≤ `benignHitCap`);
 * - only an exploit-shaped rule may rise above the severity its priority gives it today: a generic
 *   rule that happened not to fire on our benign sample is still a word that real users type.
 * So an exploit-shaped rule with no benign hit over enough benign traffic reaches the `high` band
 * alone (blocks); with B = 18,000 benign requests, w ≈ 0.95.
 */
import type { RuleShape } from './rule-shape.js';

export interface WeightOptions {
  /** Prior odds that a request is an attack (default 1e-3). */
  priorOdds: number;
  /** P(hit | attack of its kind) by shape. */
  shapePrior: Readonly<Record<RuleShape, number>>;
  /** Highest weight of a rule with any benign hit: below the `high` band and the reputation lift floor. */
  benignHitCap: number;
}

export const DEFAULT_WEIGHT_OPTIONS: Readonly<WeightOptions> = Object.freeze({
  priorOdds: 1e-3,
  shapePrior: Object.freeze({ exploit: 0.5, attack: 0.1, other: 0.005 }),
  benignHitCap: 0.6,
});

export interface WeightInput {
  benignHits: number;
  benignRequests: number;
  attackHits: number;
  attackRequests: number;
  shape: RuleShape;
  /** The severity the rule's priority gives it without calibration (0.7/0.45/0.2/0.1). */
  prioritySeverity: number;
}

export interface CalibratedWeight {
  weight: number;
  likelihoodRatio: number;
  /** Which cap bound the weight, if any. */
  capped: 'benign-hits' | 'not-exploit-shaped' | null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function calibrateWeight(input: WeightInput, options: WeightOptions = DEFAULT_WEIGHT_OPTIONS): CalibratedWeight {
  const pBenign = (input.benignHits + 0.5) / (input.benignRequests + 1);
  const measured = input.attackRequests > 0 ? (input.attackHits + 0.5) / (input.attackRequests + 1) : 0;
  const pAttack = Math.max(options.shapePrior[input.shape], measured);
  const lr = pAttack / pBenign;
  const odds = lr * options.priorOdds;
  let weight = odds / (1 + odds);
  let capped: CalibratedWeight['capped'] = null;
  if (input.shape !== 'exploit' && weight > input.prioritySeverity) {
    weight = input.prioritySeverity;
    capped = 'not-exploit-shaped';
  }
  if (input.benignHits > 0 && weight > options.benignHitCap) {
    weight = options.benignHitCap;
    capped = 'benign-hits';
  }
  return { weight: round3(weight), likelihoodRatio: Math.round(lr * 10) / 10, capped };
}
