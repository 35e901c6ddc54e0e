/**
 * The misclassified records of a `warden eval` run (`--errors`): benign records that were flagged
 * (false positives) and attacks that were allowed (false negatives), each with the field that drove
 * the verdict, so an operator reads *why* without replaying the request.
 */
import type { GateResults, Reason, Verdict } from '../decision/types.js';
import type { Inspection, TargetLocation, TargetRole } from '../inspect/types.js';
import type { RequestRecord } from './record.js';

export interface MisclassifiedTarget {
  location: TargetLocation;
  name: string;
  /** `value`, or the field's `key` / multipart `filename` when that is what scored. */
  role: TargetRole;
  /** The form that scored (the model's best form, else the raw value), cut to `VALUE_CHARS`. */
  value: string;
}

export interface Misclassified {
  kind: 'false-positive' | 'false-negative';
  id: string;
  source: string;
  category: string;
  /** Null when replayed over HTTP (`--target`): only the status is known. */
  confidence: string | null;
  score: number | null;
  /** The field with the strongest evidence (a reason's target, else the model's top-scoring field). */
  target: MisclassifiedTarget | null;
  /** What put it there: `model payload 0.93`, `signatures 1:2001 ...`; the HTTP status over --target. */
  evidence: string;
}

const VALUE_CHARS = 160;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The target a reason points at. A reason names only location and name, which a multipart part's
 * value and filename (or a field's key and value) share: the gate's own evidence says which one.
 */
function reasonTargetIndex(reason: Reason, inspection: Inspection, results: GateResults): number {
  const { location, name } = reason.target!;
  const matches = (i: number): boolean => inspection.targets[i]?.location === location && inspection.targets[i]?.name === name;
  if (reason.gate === 'model') {
    const scored = results.model?.scores.find((s) => matches(s.targetIndex));
    if (scored !== undefined) return scored.targetIndex;
  } else if (reason.gate === 'signatures') {
    const hit = results.signatures?.hits.find((h) => `${h.gid}:${h.sid}` === reason.ruleId && matches(h.targetIndex));
    if (hit !== undefined) return hit.targetIndex;
  }
  return inspection.targets.findIndex((t) => t.location === location && t.name === name);
}

/** One in-process misclassification, described from the pipeline's own evidence. */
export function describeMisclassified(record: RequestRecord, inspection: Inspection, verdict: Verdict, results: GateResults): Misclassified {
  const kind = record.label === 'benign' ? 'false-positive' : 'false-negative';
  let target: MisclassifiedTarget | null = null;
  let evidence = '';
  const strongest = verdict.reasons.filter((r) => r.target !== undefined).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const modelTop = results.model?.scores[0];
  if (strongest?.target !== undefined) {
    const index = reasonTargetIndex(strongest, inspection, results);
    const modelScore = results.model?.scores.find((s) => s.targetIndex === index);
    const t = inspection.targets[index];
    const value = strongest.gate === 'model' && modelScore !== undefined && modelScore.form !== 'raw' ? modelScore.form : (t?.raw ?? '');
    target = { location: strongest.target.location, name: strongest.target.name, role: t?.role ?? 'value', value: cut(value, VALUE_CHARS) };
    evidence = `${strongest.gate} ${strongest.ruleId ?? ''} ${strongest.score ?? ''}`.replace(/\s+/g, ' ').trim();
    if (strongest.gate !== 'model') evidence += `: ${cut(strongest.message, 80)}`;
    const others = [...new Set(verdict.reasons.filter((r) => r !== strongest).map((r) => `${r.gate} ${r.ruleId ?? ''}`.trim()))];
    if (others.length > 0) evidence += `; also ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` (+${others.length - 3})` : ''}`;
  } else if (modelTop !== undefined) {
    const t = inspection.targets[modelTop.targetIndex];
    target = { location: t.location, name: t.name, role: t.role, value: cut(modelTop.form !== 'raw' ? modelTop.form : t.raw, VALUE_CHARS) };
    evidence = `model ${modelTop.score.toFixed(4)}`;
  } else if (verdict.reasons.length > 0) {
    const r = verdict.reasons[0];
    evidence = cut(`${r.gate} ${r.ruleId ?? ''}: ${r.message}`, 100);
  }
  return { kind, id: record.id, source: record.source, category: record.category, confidence: verdict.confidence, score: verdict.score, target, evidence };
}

/** A misclassification seen over HTTP: only the record and the status are known. */
export function describeReplayedMisclassified(r: { id: string; source: string; category: string; label: 'attack' | 'benign'; status: number | null; error?: string }): Misclassified {
  return {
    kind: r.label === 'benign' ? 'false-positive' : 'false-negative',
    id: r.id,
    source: r.source,
    category: r.category,
    confidence: null,
    score: null,
    target: null,
    evidence: r.error !== undefined ? `error ${r.error}` : `status ${r.status ?? '-'}`,
  };
}

/** False positives worst first (highest score), then false negatives worst first (lowest score); at most `limit` of each. */
export function rankMisclassified(items: readonly Misclassified[], limit = Infinity): Misclassified[] {
  const fp = items.filter((m) => m.kind === 'false-positive').sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const fn = items.filter((m) => m.kind === 'false-negative').sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  return [...fp.slice(0, limit), ...fn.slice(0, limit)];
}

export function formatMisclassified(m: Misclassified): string {
  const head = `${m.kind === 'false-positive' ? 'FP' : 'FN'} ${m.score === null ? '  -   ' : m.score.toFixed(4)} ${(m.confidence ?? '-').padEnd(8)} ${m.source}/${m.category} ${m.id}`;
  const field = m.target === null ? '' : `\n     ${m.target.location} ${m.target.name}${m.target.role === 'value' ? '' : ` (${m.target.role})`} = ${JSON.stringify(m.target.value)}`;
  return `${head}${field}\n     ${m.evidence || '(no evidence: below every threshold)'}`;
}
