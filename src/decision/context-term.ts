import type { Finding, Inspection, Target } from '../inspect/types.js';
import type { SchemaResult, SchemaViolation } from '../schema/types.js';
import type { DecisionOptions } from './options.js';
import { isIgnoredTarget, targetLabel } from './exemptions.js';

export interface WeighedContext<T> {
  item: T;
  weight: number;
}

export interface ContextTerm {
  /** Combined context strength in [0,1]. */
  term: number;
  /** 1 + contextWeight · term: the power attack evidence is raised to (on its miss probability). */
  exponent: number;
  violations: WeighedContext<SchemaViolation>[];
  findings: WeighedContext<Finding>[];
}

/** `query.id` names `query.id`, `query.id[0]`, `query.id.x`; a location names no field when it is a bare `path`/`body`. */
function locationNames(location: string, focusLabel: string): boolean {
  if (!location.startsWith(focusLabel)) return false;
  const next = location.charAt(focusLabel.length);
  return next === '' || next === '.' || next === '[';
}

/**
 * Context is not attack evidence by itself (a schema violation alone is the schema gate's own 4xx;
 * a malformed encoding alone is a broken client). It *amplifies* evidence: an undeclared parameter
 * full of SQL is worse than either alone. Items on the field the evidence is in count fully, others
 * by `untargetedContextFactor`; the items combine as 1 − Π(1 − cᵢ).
 */
export function contextTerm(
  schema: SchemaResult | null,
  inspection: Inspection,
  focus: Target | null,
  ignoredTargets: ReadonlySet<string>,
  options: DecisionOptions,
): ContextTerm {
  const focusLabel = focus === null ? null : targetLabel(focus);
  const violations: WeighedContext<SchemaViolation>[] = [];
  const findings: WeighedContext<Finding>[] = [];
  let miss = 1;
  for (const v of schema?.violations ?? []) {
    const base = options.violationWeights[v.kind] ?? 0;
    if (base === 0) continue;
    if (ignoredTargets.size > 0 && [...ignoredTargets].some((t) => locationNames(v.location, t) || v.location.endsWith(`.${t}`))) continue;
    const weight = focusLabel !== null && locationNames(v.location, focusLabel) ? base : base * options.untargetedContextFactor;
    violations.push({ item: v, weight });
    miss *= 1 - weight;
  }
  for (const f of inspection.findings) {
    const base = options.findingWeights[f.severity] ?? 0;
    if (base === 0) continue;
    const target = f.location !== undefined && f.name !== undefined ? { location: f.location, name: f.name } : null;
    if (target !== null && isIgnoredTarget(target as Target, ignoredTargets)) continue;
    const onFocus = focus !== null && target !== null && target.location === focus.location && target.name === focus.name;
    const weight = onFocus ? base : base * options.untargetedContextFactor;
    findings.push({ item: f, weight });
    miss *= 1 - weight;
  }
  const term = 1 - miss;
  return { term, exponent: 1 + options.contextWeight * term, violations, findings };
}
