import type { Inspection } from '../inspect/types.js';
import type { SettlesVerdict, SignatureHit, SignatureResult } from '../signatures/types.js';
import type { RoutePolicy } from './types.js';
import type { DecisionOptions } from './options.js';
import { isDisabledRule, isIgnoredTarget } from './exemptions.js';

export interface WeighedHit {
  hit: SignatureHit;
  /** The evidence of this hit: the rule's calibrated weight (`rules tune`), else its priority's severity. */
  severity: number;
  /** Where the severity came from: the weight's provenance, or `priority N`. */
  source: string;
}

export interface SignatureTerm {
  /** Combined evidence of the suspicious hits in [0,1]. */
  term: number;
  /** Suspicious hits the policy judges, one per rule, strongest first. */
  hits: WeighedHit[];
  /** The first matching rule with effect `block` / `allow`, if any. */
  blockHit: SignatureHit | null;
  allowHit: SignatureHit | null;
}

/** Interned provenance strings for priority-weighted hits (no per-hit string building). */
const PRIORITY_SOURCES: readonly string[] = ['priority 0', 'priority 1', 'priority 2', 'priority 3', 'priority 4'];

/** Snort priority 1 is the most severe; a missing or odd priority is treated as the least severe listed. */
export function severityOf(hit: Pick<SignatureHit, 'priority'>, options: Pick<DecisionOptions, 'severityByPriority'>): number {
  const table = options.severityByPriority;
  const p = Number.isInteger(hit.priority) && hit.priority >= 1 ? hit.priority : table.length;
  return table[Math.min(p, table.length) - 1];
}

/** Whether the route judges a hit at all: its rule not disabled, its field not ignored. */
function judged(hit: SignatureHit, inspection: Inspection, policy: Pick<RoutePolicy, 'disabledRules' | 'ignoredTargets'>): boolean {
  if (isDisabledRule(hit, policy.disabledRules)) return false;
  return hit.targetIndex < 0 || !isIgnoredTarget(inspection.targets[hit.targetIndex], policy.ignoredTargets);
}

/**
 * The hits that settle a verdict on this route: a `block` hit it judges is the decision's `blockHit`,
 * and only an allow hit outranks it (the signature gate stops early only where none can match).
 */
export function settlesVerdictOn(inspection: Inspection, policy: Pick<RoutePolicy, 'disabledRules' | 'ignoredTargets'>): SettlesVerdict {
  return (hit) => hit.effect === 'block' && judged(hit, inspection, policy);
}

/**
 * term = 1 − (1 − s₁) · Π_{i≥2} (1 − w · sᵢ): the strongest hit counts fully, each further rule with
 * weight w < 1 because rules that fire together mostly saw the same bytes (not independent witnesses).
 */
export function signatureTerm(
  result: SignatureResult | null,
  inspection: Inspection,
  policy: Pick<RoutePolicy, 'disabledRules' | 'ignoredTargets'>,
  options: DecisionOptions,
): SignatureTerm {
  const out: SignatureTerm = { term: 0, hits: [], blockHit: null, allowHit: null };
  if (result === null || result.hits.length === 0) return out;
  const seen = new Set<string>();
  for (const hit of result.hits) {
    if (!judged(hit, inspection, policy)) continue;
    if (hit.effect === 'allow') {
      out.allowHit ??= hit;
      continue;
    }
    if (hit.effect === 'block') {
      out.blockHit ??= hit;
      continue;
    }
    const id = `${hit.gid}:${hit.sid}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.hits.push(hit.weight !== undefined ? { hit, severity: hit.weight, source: hit.weightSource ?? 'rules tune' } : { hit, severity: severityOf(hit, options), source: PRIORITY_SOURCES[hit.priority] ?? `priority ${hit.priority}` });
  }
  out.hits.sort((a, b) => b.severity - a.severity);
  let miss = 1;
  for (let i = 0; i < out.hits.length; i++) miss *= 1 - (i === 0 ? 1 : options.additionalHitWeight) * out.hits[i].severity;
  out.term = 1 - miss;
  return out;
}
