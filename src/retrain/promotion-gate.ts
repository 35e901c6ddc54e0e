/**
 * The promotion gate: a candidate replaces the current model only if it is not worse — beyond a
 * tolerance — on either yardstick: the base validation set (texts held out of the base corpus when the
 * candidate was trained, scored by both models at their operating points) and the labelled part of the
 * traffic log (replayed through both full pipelines, the candidate with its field profiles).
 */
import { loadPayloadModel } from '../model/load.js';
import type { LabelledSample } from '../model/fit.js';
import type { TrafficLine } from '../log/traffic-log.js';
import type { OfflinePipeline } from './offline-pipeline.js';
import type { LabelledLine } from './weak-labels.js';
import { replayTraffic, type Rates } from './replay.js';

export interface GateCheck {
  set: 'base-validation' | 'labelled-logs';
  metric: 'TPR' | 'TNR';
  current: number | null;
  candidate: number | null;
  ok: boolean;
}

export interface GateOutcome {
  pass: boolean;
  tolerance: number;
  checks: GateCheck[];
  base: { current: Rates; candidate: Rates };
  logs: { current: Rates; candidate: Rates };
}

function rates(scores: Float32Array, samples: readonly LabelledSample[], threshold: number): Rates {
  const r: Rates = { attacks: 0, benign: 0, tp: 0, tn: 0, tpr: null, tnr: null };
  samples.forEach((s, i) => {
    const hit = scores[i] >= threshold;
    if (s.label === 1) {
      r.attacks++;
      if (hit) r.tp++;
    } else {
      r.benign++;
      if (!hit) r.tn++;
    }
  });
  return { ...r, tpr: r.attacks > 0 ? r.tp / r.attacks : null, tnr: r.benign > 0 ? r.tn / r.benign : null };
}

async function scoreBase(dir: string, samples: readonly LabelledSample[]): Promise<Rates> {
  const model = await loadPayloadModel(dir);
  const texts = samples.map((s) => s.text);
  const scores = texts.length > 0 ? await model.score(texts) : new Float32Array(0);
  return rates(scores, samples, model.threshold);
}

function check(set: GateCheck['set'], metric: GateCheck['metric'], current: number | null, candidate: number | null, tolerance: number): GateCheck {
  // A rate with nothing to measure cannot refuse: there is no evidence either way.
  const ok = current === null || candidate === null || candidate >= current - tolerance;
  return { set, metric, current, candidate, ok };
}

export async function runPromotionGate(input: {
  currentDir: string;
  candidateDir: string;
  baseValidation: readonly LabelledSample[];
  lines: readonly TrafficLine[];
  labelled: readonly LabelledLine[];
  current: OfflinePipeline;
  candidate: OfflinePipeline;
  tolerance: number;
}): Promise<GateOutcome> {
  const base = { current: await scoreBase(input.currentDir, input.baseValidation), candidate: await scoreBase(input.candidateDir, input.baseValidation) };
  const labelledIds = new Set(input.labelled.map((l) => l.line.id));
  const report = await replayTraffic(
    input.lines.filter((l) => labelledIds.has(l.id)),
    input.labelled,
    input.current,
    input.candidate,
  );
  const logs = report.labelled;
  const t = input.tolerance;
  const checks = [
    check('base-validation', 'TPR', base.current.tpr, base.candidate.tpr, t),
    check('base-validation', 'TNR', base.current.tnr, base.candidate.tnr, t),
    check('labelled-logs', 'TPR', logs.current.tpr, logs.candidate.tpr, t),
    check('labelled-logs', 'TNR', logs.current.tnr, logs.candidate.tnr, t),
  ];
  return { pass: checks.every((c) => c.ok), tolerance: t, checks, base, logs };
}

export function formatGate(g: GateOutcome): string {
  const p = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(2)} %`);
  return [
    `promotion gate (tolerance ${(g.tolerance * 100).toFixed(2)} points):`,
    ...g.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.set.padEnd(16)} ${c.metric} current ${p(c.current)} → candidate ${p(c.candidate)}`),
    `  base validation: ${g.base.current.attacks} attacks, ${g.base.current.benign} benign; labelled logs: ${g.logs.current.attacks} attacks, ${g.logs.current.benign} benign`,
  ].join('\n');
}
