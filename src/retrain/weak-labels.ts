/**
 * Labels for the traffic log: the operator's labels first, then weak labels by two documented rules for
 * the unlabelled rest. The rules are built so an attacker cannot label their own traffic benign:
 * - a weak benign label needs a request no gate said anything about, from a source with a long, clean
 *   history (enough requests over enough time, none of them blocked or monitored) — one blocked or
 *   monitored request and the source never again yields a weak benign label;
 * - no source contributes more than `maxPerSource` weak labels of each kind, so flooding buys nothing.
 */
import type { TrafficLine } from '../log/traffic-log.js';
import type { OperatorLabel, TruthLabel } from './labels.js';

export interface WeakLabelOptions {
  /** A source with at least this many blocked/monitored requests has bad reputation (default 2). */
  badSourceFlagged: number;
  /** A clean source needs at least this many requests (default 20)... */
  minCleanRequests: number;
  /** ...spread over at least this long, first to last (default 24 h). */
  minCleanSpanMs: number;
  /** Weak labels of each kind one source may contribute at most (default 50). */
  maxPerSource: number;
}

export const DEFAULT_WEAK_LABEL_OPTIONS: WeakLabelOptions = {
  badSourceFlagged: 2,
  minCleanRequests: 20,
  minCleanSpanMs: 24 * 3600 * 1000,
  maxPerSource: 50,
};

export const WEAK_RULES = {
  'weak-attack': 'high/critical-confidence signature hit from a source with bad reputation (≥ badSourceFlagged blocked/monitored requests)',
  'weak-benign': 'passed by every gate (allow, no gate reason) from a source with ≥ minCleanRequests requests over ≥ minCleanSpanMs, none blocked or monitored',
} as const;

export type LabelOrigin = 'operator' | keyof typeof WEAK_RULES;

export interface LabelledLine {
  line: TrafficLine;
  label: TruthLabel;
  origin: LabelOrigin;
}

export interface LabelCounts {
  operator: { attack: number; benign: number; unmatched: number };
  'weak-attack': number;
  'weak-benign': number;
  /** Lines a rule would have labelled but the per-source cap dropped. */
  capped: number;
  unlabelled: number;
}

interface SourceHistory {
  requests: number;
  flagged: number;
  first: number;
  last: number;
}

/** Blocked, or would have been (a `monitor` verdict in detect mode). */
export function blockedOrMonitored(line: TrafficLine): boolean {
  return line.verdict.action !== 'allow';
}

/**
 * Anything a gate said about the request itself: a block/monitor verdict, or any signature, model,
 * schema or inspection reason even on an allow. A `reputation` reason alone describes the source, not
 * the request (the decision adds it for every known source), so it does not count here.
 */
export function flaggedByAnyGate(line: TrafficLine): boolean {
  return blockedOrMonitored(line) || line.verdict.reasons.some((r) => !r.startsWith('reputation'));
}

function histories(lines: readonly TrafficLine[]): Map<string, SourceHistory> {
  const out = new Map<string, SourceHistory>();
  for (const l of lines) {
    const t = Date.parse(l.ts);
    let h = out.get(l.ip);
    if (!h) out.set(l.ip, (h = { requests: 0, flagged: 0, first: t, last: t }));
    h.requests++;
    if (blockedOrMonitored(l)) h.flagged++;
    if (t < h.first) h.first = t;
    if (t > h.last) h.last = t;
  }
  return out;
}

function weakRuleFor(line: TrafficLine, h: SourceHistory, o: WeakLabelOptions): LabelOrigin | null {
  const v = line.verdict;
  const badSource = h.flagged >= o.badSourceFlagged;
  if (badSource && (v.confidence === 'high' || v.confidence === 'critical') && v.reasons.some((r) => r.startsWith('signatures'))) return 'weak-attack';
  if (h.flagged === 0 && !flaggedByAnyGate(line) && h.requests >= o.minCleanRequests && h.last - h.first >= o.minCleanSpanMs) return 'weak-benign';
  return null;
}

/** Operator labels win; weak rules label the rest, capped per source. */
export function labelTraffic(
  lines: readonly TrafficLine[],
  operator: ReadonlyMap<string, OperatorLabel>,
  options: Partial<WeakLabelOptions> = {},
): { labelled: LabelledLine[]; counts: LabelCounts } {
  const o = { ...DEFAULT_WEAK_LABEL_OPTIONS, ...options };
  const history = histories(lines);
  const perSource = new Map<string, number>();
  const counts: LabelCounts = { operator: { attack: 0, benign: 0, unmatched: 0 }, 'weak-attack': 0, 'weak-benign': 0, capped: 0, unlabelled: 0 };
  const labelled: LabelledLine[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    seen.add(line.id);
    const op = operator.get(line.id);
    if (op !== undefined) {
      counts.operator[op.label]++;
      labelled.push({ line, label: op.label, origin: 'operator' });
      continue;
    }
    const rule = weakRuleFor(line, history.get(line.ip) as SourceHistory, o);
    if (rule === null) {
      counts.unlabelled++;
      continue;
    }
    const key = `${rule}\u0000${line.ip}`;
    const used = perSource.get(key) ?? 0;
    if (used >= o.maxPerSource) {
      counts.capped++;
      continue;
    }
    perSource.set(key, used + 1);
    counts[rule]++;
    labelled.push({ line, label: rule === 'weak-attack' ? 'attack' : 'benign', origin: rule });
  }
  for (const id of operator.keys()) if (!seen.has(id)) counts.operator.unmatched++;
  return { labelled, counts };
}

/** The rules and what they did, for the CLI and the training report. */
export function describeLabelCounts(counts: LabelCounts, options: Partial<WeakLabelOptions> = {}): string[] {
  const o = { ...DEFAULT_WEAK_LABEL_OPTIONS, ...options };
  return [
    `operator labels: ${counts.operator.benign} benign, ${counts.operator.attack} attack` + (counts.operator.unmatched > 0 ? ` (${counts.operator.unmatched} refer to requests not in these logs)` : ''),
    `weak-attack: ${counts['weak-attack']}  — ${WEAK_RULES['weak-attack']} [badSourceFlagged=${o.badSourceFlagged}]`,
    `weak-benign: ${counts['weak-benign']}  — ${WEAK_RULES['weak-benign']} [minCleanRequests=${o.minCleanRequests}, minCleanSpanMs=${o.minCleanSpanMs}]`,
    `capped: ${counts.capped} (at most ${o.maxPerSource} weak labels of each kind per source)`,
    `unlabelled: ${counts.unlabelled}`,
  ];
}
