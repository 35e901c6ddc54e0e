/**
 * Replays logged requests through the current and the candidate pipeline and says what would change:
 * flips block↔allow by route and by target with examples, TPR/TNR on the labelled lines, and scoring
 * time percentiles. "Blocked" is mode-independent: a `monitor` verdict (detect mode) counts as a block
 * that was only reported.
 */
import type { Inspection } from '../inspect/types.js';
import type { PipelineOutcome } from '../pipeline.js';
import type { TrafficLine } from '../log/traffic-log.js';
import type { OfflinePipeline } from './offline-pipeline.js';
import type { LabelledLine } from './weak-labels.js';
import type { TruthLabel } from './labels.js';
import { inspectionRoute, targetKey } from './route-key.js';

export type FlipDirection = 'block→allow' | 'allow→block';

export interface FlipExample {
  incidentId: string;
  method: string;
  path: string;
  target: string;
  /** The target's value (from the redacted log), cut short. */
  value: string;
  label?: TruthLabel;
  scores: { current: number; candidate: number };
}

export interface Rates {
  attacks: number;
  benign: number;
  tp: number;
  tn: number;
  tpr: number | null;
  tnr: number | null;
}

export interface ReplayReport {
  requests: number;
  blocked: { current: number; candidate: number };
  flips: Record<FlipDirection, { count: number; byRoute: Record<string, number>; byTarget: Record<string, number>; examples: FlipExample[] }>;
  /** On every labelled line (operator and weak) and on operator labels alone. */
  labelled: { current: Rates; candidate: Rates };
  operator: { current: Rates; candidate: Rates };
  /** Pipeline time per request, microseconds. */
  timingUs: { current: { p50: number; p99: number }; candidate: { p50: number; p99: number } };
  models: { current: string; candidate: string };
}

const EXAMPLE_VALUE_CHARS = 120;

function emptyRates(): Rates {
  return { attacks: 0, benign: 0, tp: 0, tn: 0, tpr: null, tnr: null };
}

function count(r: Rates, label: TruthLabel, blocked: boolean): void {
  if (label === 'attack') {
    r.attacks++;
    if (blocked) r.tp++;
  } else {
    r.benign++;
    if (!blocked) r.tn++;
  }
}

function finish(r: Rates): Rates {
  return { ...r, tpr: r.attacks > 0 ? r.tp / r.attacks : null, tnr: r.benign > 0 ? r.tn / r.benign : null };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The field that drove a blocking verdict: the top model target, else the first reason's target. */
function blamedTarget(inspection: Inspection, outcome: PipelineOutcome): { key: string; value: string } {
  const route = inspectionRoute(inspection);
  const top = outcome.results.model?.scores[0];
  const byModel = top !== undefined ? inspection.targets[top.targetIndex] : undefined;
  if (byModel !== undefined) return { key: targetKey(route, byModel.location, byModel.name), value: byModel.raw };
  const reason = outcome.verdict.reasons.find((r) => r.target !== undefined);
  if (reason?.target !== undefined) {
    const t = inspection.targets.find((x) => x.location === reason.target?.location && x.name === reason.target?.name);
    return { key: targetKey(route, reason.target.location, reason.target.name), value: t?.raw ?? '' };
  }
  return { key: `${route} (request)`, value: '' };
}

const isBlock = (o: PipelineOutcome): boolean => o.verdict.action !== 'allow';

export async function replayTraffic(
  lines: readonly TrafficLine[],
  labelled: readonly LabelledLine[],
  current: OfflinePipeline,
  candidate: OfflinePipeline,
  options: { examples?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReplayReport> {
  const maxExamples = options.examples ?? 5;
  const labels = new Map(labelled.map((l) => [l.line.id, l]));
  const flips: ReplayReport['flips'] = {
    'block→allow': { count: 0, byRoute: {}, byTarget: {}, examples: [] },
    'allow→block': { count: 0, byRoute: {}, byTarget: {}, examples: [] },
  };
  const rates = { current: emptyRates(), candidate: emptyRates() };
  const opRates = { current: emptyRates(), candidate: emptyRates() };
  const times = { current: [] as number[], candidate: [] as number[] };
  const blocked = { current: 0, candidate: 0 };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const a = await current.run(line);
    const b = await candidate.run(line);
    const ba = isBlock(a.outcome);
    const bb = isBlock(b.outcome);
    if (ba) blocked.current++;
    if (bb) blocked.candidate++;
    times.current.push(a.outcome.verdict.timings.total ?? 0);
    times.candidate.push(b.outcome.verdict.timings.total ?? 0);
    const l = labels.get(line.id);
    if (l !== undefined) {
      count(rates.current, l.label, ba);
      count(rates.candidate, l.label, bb);
      if (l.origin === 'operator') {
        count(opRates.current, l.label, ba);
        count(opRates.candidate, l.label, bb);
      }
    }
    if (ba !== bb) {
      const dir: FlipDirection = ba ? 'block→allow' : 'allow→block';
      const f = flips[dir];
      f.count++;
      const route = inspectionRoute(a.inspection);
      f.byRoute[route] = (f.byRoute[route] ?? 0) + 1;
      // Blame the side that blocks.
      const blame = ba ? blamedTarget(a.inspection, a.outcome) : blamedTarget(b.inspection, b.outcome);
      f.byTarget[blame.key] = (f.byTarget[blame.key] ?? 0) + 1;
      if (f.examples.length < maxExamples) {
        const ex: FlipExample = {
          incidentId: line.id,
          method: line.method,
          path: line.path,
          target: blame.key,
          value: blame.value.length > EXAMPLE_VALUE_CHARS ? `${blame.value.slice(0, EXAMPLE_VALUE_CHARS)}…` : blame.value,
          scores: { current: a.outcome.verdict.score, candidate: b.outcome.verdict.score },
        };
        if (l !== undefined) ex.label = l.label;
        f.examples.push(ex);
      }
    }
    options.onProgress?.(i + 1, lines.length);
  }
  const pct = (xs: number[]): { p50: number; p99: number } => {
    const s = xs.slice().sort((x, y) => x - y);
    return { p50: percentile(s, 0.5), p99: percentile(s, 0.99) };
  };
  return {
    requests: lines.length,
    blocked,
    flips,
    labelled: { current: finish(rates.current), candidate: finish(rates.candidate) },
    operator: { current: finish(opRates.current), candidate: finish(opRates.candidate) },
    timingUs: { current: pct(times.current), candidate: pct(times.candidate) },
    models: { current: current.modelVersion ?? current.modelDir, candidate: candidate.modelVersion ?? candidate.modelDir },
  };
}

const pctText = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);

function top(counts: Record<string, number>, n: number): string[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `    ${String(v).padStart(6)}  ${k}`);
}

export function formatReplayReport(r: ReplayReport): string {
  const out: string[] = [
    `replayed ${r.requests} requests: current ${r.models.current} blocks ${r.blocked.current}, candidate ${r.models.candidate} blocks ${r.blocked.candidate}`,
  ];
  for (const dir of ['block→allow', 'allow→block'] as const) {
    const f = r.flips[dir];
    out.push('', `${dir}: ${f.count}`);
    if (f.count === 0) continue;
    out.push('  by route:', ...top(f.byRoute, 10), '  by target:', ...top(f.byTarget, 10), '  examples:');
    for (const e of f.examples) {
      out.push(`    ${e.incidentId} ${e.method} ${e.path} [${e.target}]${e.label ? ` labelled ${e.label}` : ''} score ${e.scores.current.toFixed(3)} → ${e.scores.candidate.toFixed(3)}`);
      if (e.value !== '') out.push(`      ${JSON.stringify(e.value)}`);
    }
  }
  const row = (name: string, x: { current: Rates; candidate: Rates }): string =>
    `${name.padEnd(10)} attacks ${String(x.current.attacks).padStart(5)}  TPR ${pctText(x.current.tpr)} → ${pctText(x.candidate.tpr)}   benign ${String(x.current.benign).padStart(5)}  TNR ${pctText(x.current.tnr)} → ${pctText(x.candidate.tnr)}`;
  out.push('', 'labelled requests (current → candidate):', row('all', r.labelled), row('operator', r.operator));
  out.push(
    '',
    `pipeline time per request: current p50 ${(r.timingUs.current.p50 / 1000).toFixed(2)} ms, p99 ${(r.timingUs.current.p99 / 1000).toFixed(2)} ms; ` +
      `candidate p50 ${(r.timingUs.candidate.p50 / 1000).toFixed(2)} ms, p99 ${(r.timingUs.candidate.p99 / 1000).toFixed(2)} ms`,
  );
  return out.join('\n');
}
