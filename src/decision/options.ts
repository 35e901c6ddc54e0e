import type { Finding } from '../inspect/types.js';
import type { SchemaViolationKind } from '../schema/types.js';
import { decisionOptionsInvalid } from './errors.js';

/** Lower bounds of the confidence bands on the combined score; below `low` is `none`. */
export interface ConfidenceBands {
  low: number;
  medium: number;
  high: number;
  critical: number;
}

/** The constants of the formula in src/decision/README.md; every default is explained there. */
export interface DecisionOptions {
  /** Attack evidence of one suspicious signature hit by Snort priority (index 0 = priority 1); larger priorities take the last. */
  severityByPriority: readonly number[];
  /** Weight of every hit after the strongest: rules that fire together mostly match the same bytes. */
  additionalHitWeight: number;
  /** Model scores at or below this add nothing (unfamiliar text sits near the model's prior). */
  payloadFloor: number;
  /** The model's operating point: a payload score here alone reaches the `high` band. */
  payloadThreshold: number;
  bands: ConfidenceBands;
  /** Scales how much context (schema violations, inspect findings) amplifies attack evidence. */
  contextWeight: number;
  violationWeights: Readonly<Record<SchemaViolationKind, number>>;
  findingWeights: Readonly<Record<Finding['severity'], number>>;
  /** Context not on the field the evidence is in counts this fraction. */
  untargetedContextFactor: number;
  /** Reputation exponent 2^(−r·w): w = hostile when r < 0, clean when r > 0. */
  reputationWeights: { hostile: number; clean: number };
  /**
   * A hostile reputation lifts only requests whose own evidence is at least this; below it the
   * request is judged on its evidence alone, so a hostile source's ordinary requests are never
   * blocked because of its past. Default 0.7: a lone priority-1 signature hit is the least evidence
   * that can be lifted; a lone priority-2 hit, or a payload score under 0.725, never is.
   */
  reputationLiftFloor: number;
  /** Reasons listed per gate at most (the log line stays bounded whatever the request). */
  maxReasonsPerGate: number;
}

export const decisionDefaults: Readonly<DecisionOptions> = Object.freeze({
  severityByPriority: [0.7, 0.45, 0.2, 0.1],
  additionalHitWeight: 0.35,
  payloadFloor: 0.2,
  payloadThreshold: 0.8,
  bands: { low: 0.15, medium: 0.5, high: 0.8, critical: 0.95 },
  contextWeight: 1,
  violationWeights: {
    'undeclared-parameter': 0.4,
    'invalid-parameter': 0.3,
    'invalid-body': 0.3,
    'limit-exceeded': 0.2,
    'undeclared-path': 0.15,
    'undeclared-method': 0.15,
    'unsupported-media-type': 0.15,
  },
  findingWeights: { info: 0, low: 0.1, medium: 0.25, high: 0.4 },
  untargetedContextFactor: 0.5,
  reputationWeights: { hostile: 1, clean: 0.5 },
  reputationLiftFloor: 0.7,
  maxReasonsPerGate: 10,
});

export type DecisionOptionsInput = Partial<Omit<DecisionOptions, 'bands' | 'violationWeights' | 'findingWeights' | 'reputationWeights'>> & {
  bands?: Partial<ConfidenceBands>;
  violationWeights?: Partial<Record<SchemaViolationKind, number>>;
  findingWeights?: Partial<Record<Finding['severity'], number>>;
  reputationWeights?: Partial<DecisionOptions['reputationWeights']>;
};

function unit(path: string, value: number, openLow = false): void {
  if (!Number.isFinite(value) || value < 0 || value > 1 || (openLow && value === 0)) {
    throw decisionOptionsInvalid(path, `expected a number in ${openLow ? '(0' : '[0'}, 1], got ${value}`);
  }
}

/** Merges over the defaults and checks the invariants the formula relies on (ordered bands, floor < threshold). */
export function resolveDecisionOptions(input: DecisionOptionsInput = {}): DecisionOptions {
  const o: DecisionOptions = {
    ...decisionDefaults,
    ...input,
    bands: { ...decisionDefaults.bands, ...input.bands },
    violationWeights: { ...decisionDefaults.violationWeights, ...input.violationWeights },
    findingWeights: { ...decisionDefaults.findingWeights, ...input.findingWeights },
    reputationWeights: { ...decisionDefaults.reputationWeights, ...input.reputationWeights },
  };
  if (o.severityByPriority.length === 0) throw decisionOptionsInvalid('severityByPriority', 'needs at least one entry');
  o.severityByPriority.forEach((s, i) => unit(`severityByPriority[${i}]`, s));
  unit('additionalHitWeight', o.additionalHitWeight);
  unit('payloadFloor', o.payloadFloor);
  unit('payloadThreshold', o.payloadThreshold, true);
  if (o.payloadFloor >= o.payloadThreshold) throw decisionOptionsInvalid('payloadFloor', 'must be below payloadThreshold');
  const { low, medium, high, critical } = o.bands;
  for (const [k, v] of Object.entries(o.bands)) unit(`bands.${k}`, v, true);
  if (!(low < medium && medium < high && high < critical)) throw decisionOptionsInvalid('bands', 'must rise: low < medium < high < critical');
  if (!Number.isFinite(o.contextWeight) || o.contextWeight < 0) throw decisionOptionsInvalid('contextWeight', 'expected a number ≥ 0');
  for (const [k, v] of Object.entries(o.violationWeights)) unit(`violationWeights.${k}`, v);
  for (const [k, v] of Object.entries(o.findingWeights)) unit(`findingWeights.${k}`, v);
  unit('untargetedContextFactor', o.untargetedContextFactor);
  unit('reputationLiftFloor', o.reputationLiftFloor);
  for (const [k, v] of Object.entries(o.reputationWeights)) {
    if (!Number.isFinite(v) || v < 0 || v > 4) throw decisionOptionsInvalid(`reputationWeights.${k}`, 'expected a number in [0, 4]');
  }
  return o;
}
