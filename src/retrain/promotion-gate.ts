/**
 * The promotion gate: a candidate replaces the current model only when every check holds.
 * - base validation: the fixed set shipped with the model (base-material.ts), never the candidate's own
 *   file; refused when missing, empty or below `floor` texts of either class; both models score it at
 *   their operating points on its gate half (validation-split.ts: every attack, half the benign texts;
 *   a retrain picks its threshold on the other half); the candidate's TPR may fall at most `margin`
 *   below the current model's and the shipped model's recorded figure (so a chain of promotions cannot
 *   ratchet down half a point at a time), and it may flag at most `fpGrowth` more benign texts than the
 *   current model (3 texts of slack for small counts), and than the shipped model's recorded rate: at a
 *   TNR of 99.96 % (payload-v1.2's), half a point of TNR would have let a candidate flag 12× more benign traffic;
 *   only the texts the lexical screen passes count (validation-split.ts): the runtime scores no other;
 * - attack requests: the generated attack requests shipped with the model (and `--attacks`), judged by
 *   both full pipelines: the candidate may block at most `attackLoss` fewer than the pipeline in force.
 *   The per-text checks and the benign requests passed a candidate that lost 16 blind-probe and 24
 *   held-out exploit requests (session 29): only whole attack requests show what a weaker model lets by;
 * - labelled traffic: the labelled log lines replayed through both full pipelines: TPR and TNR at most
 *   `margin` lower, and at most `fpGrowth` more (plus 3) benign lines blocked than the pipeline in force;
 * - operator-labelled attacks: every one the current pipeline catches, the candidate must catch;
 * - retrained fields: attacks from the validation set transplanted into the fields retraining taught
 *   something (operator-labelled benign values, field profiles), judged by both full pipelines: labels
 *   that mark real attacks benign teach exactly these fields to let attacks through, and this is where
 *   it shows, whatever the candidate's model does elsewhere.
 */
import type { LabelledSample } from '../model/fit.js';
import { loadPayloadModel } from '../model/load.js';
import type { TrafficLine } from '../log/traffic-log.js';
import type { RequestRecord } from '../eval/record.js';
import type { Target } from '../inspect/types.js';
import { inspectLine, type OfflinePipeline } from './offline-pipeline.js';
import type { LabelledLine } from './weak-labels.js';
import { replayTraffic, type Rates } from './replay.js';
import { inspectionRoute, targetKey } from './route-key.js';
import type { RecordedRates } from './base-material.js';
import { mayCarryAttack } from '../model/screen.js';
import { describeScreenedOut, screenedForModel, splitValidation } from './validation-split.js';

export interface GateCheck {
  name: string;
  ok: boolean;
  /** What was measured, for the operator. */
  detail: string;
}

export interface GateInput {
  currentDir: string;
  candidateDir: string;
  /** The fixed base validation set; null when it could not be read (`baseProblem` says why). */
  baseValidation: readonly LabelledSample[] | null;
  baseProblem?: string;
  /** The shipped model's recorded figures on that set (null for another set). */
  recorded: RecordedRates | null;
  lines: readonly TrafficLine[];
  labelled: readonly LabelledLine[];
  current: OfflinePipeline;
  candidate: OfflinePipeline;
  /** Largest allowed drop, as a fraction (0.005 = half a point). */
  margin: number;
  /** Largest allowed growth of the base set's benign false positives, as a fraction (0.25 = 25 % more). */
  fpGrowth?: number;
  /** Fewest attacks and fewest benign texts the base validation set must hold. */
  floor: number;
  /** Attacks transplanted per retrained field (default 400). */
  transplants?: number;
  /** Retrained fields checked (default 8, most-labelled first). */
  maxFields?: number;
  /**
   * Sets of benign requests (eval records) replayed through both full pipelines, each judged on its own:
   * the base material's, then `promote --benign`'s. A set with `problem` could not be read and fails.
   */
  benignRequests?: readonly BenignRequestSet[];
  /** Sets of attack requests, each judged on its own: the base material's, then `promote --attacks`'s. */
  attackRequests?: readonly AttackRequestSet[];
  /** Largest allowed loss of blocked attack requests, as a fraction of the current pipeline's count (0.001 = 0.1 %). */
  attackLoss?: number;
}

/** Eval records replayed through both full pipelines; a set with `problem` could not be read and fails. */
export interface RequestSet {
  /** Shown after "benign requests" / "attack requests": "shipped with the model", "--benign gen/". */
  name: string;
  records: readonly RequestRecord[];
  problem?: string;
}
export type BenignRequestSet = RequestSet;
export type AttackRequestSet = RequestSet;

export interface GateOutcome {
  pass: boolean;
  margin: number;
  fpGrowth: number;
  attackLoss: number;
  checks: GateCheck[];
  base: { current: Rates; candidate: Rates } | null;
  /** Texts of the base set's gate half the lexical screen stops: never scored, never counted (null without the set). */
  screenedOut: { attacks: number; benign: number } | null;
  logs: { current: Rates; candidate: Rates };
}

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(2)} %`);

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
  const scores = samples.length > 0 ? await model.score(samples.map((s) => s.text)) : new Float32Array(0);
  return rates(scores, samples, model.threshold);
}

/** Texts of slack on top of `fpGrowth`, so a count of 3 may become 6: single digits move by that much between two fits. */
export const FP_SLACK = 3;
export const DEFAULT_FP_GROWTH = 0.25;
/** `--margin`'s default: a rate may fall half a point. */
export const DEFAULT_MARGIN = 0.005;
/**
 * `--attack-loss`'s default: the candidate may block 0.1 % fewer of the attack requests the pipeline in
 * force blocks (3 of the 3,610 of 3,680 shipped ones payload-v1.4 blocks). Measured on that set
 * (2026-12-07, session 30): session 29's held-back ensemble, which lost 16 blind-probe and 24 held-out
 * exploit requests, blocks 7 fewer; session 27's admin-families ensemble 5 fewer; a fine-tune of the
 * shipped ensemble on the README journey's labels 10 more, none lost (src/retrain/README.md).
 */
export const DEFAULT_ATTACK_LOSS = 0.001;

/** The benign side: the candidate may flag at most `growth` more (plus FP_SLACK) than the reference. */
function fewEnoughFalsePositives(name: string, reference: number, candidate: number, benign: number, growth: number, against: string, unit = 'texts'): GateCheck {
  const allowed = Math.floor(reference * (1 + growth) + 1e-9) + FP_SLACK;
  const ok = candidate <= allowed;
  const detail = `${against} flags ${fmtCount(reference)} of ${benign} benign ${unit} → candidate ${candidate}`;
  return { name, ok, detail: ok ? detail : `${detail} (more than ${allowed}: +${Math.round(growth * 100)} % and ${FP_SLACK} ${unit})` };
}

const fmtCount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Benign texts or lines flagged: the count the false-positive checks compare. */
const falsePositives = (r: Rates): number => r.benign - r.tn;

/** A rate check: the candidate may be at most `margin` below the reference. */
function notWorse(name: string, reference: number | null, candidate: number | null, margin: number, against: string): GateCheck {
  if (reference === null || candidate === null) return { name, ok: true, detail: 'nothing to measure' };
  const ok = candidate >= reference - margin - 1e-12;
  return { name, ok, detail: `${against} ${pct(reference)} → candidate ${pct(candidate)}${ok ? '' : ` (more than ${(margin * 100).toFixed(2)} points lower)`}` };
}

const isBlock = (action: string): boolean => action !== 'allow';

/**
 * The line with `target`'s value replaced by `attack`, where the value sits in a JSON body, a form body
 * or the query string; null elsewhere (headers, cookies, multipart are not transplanted).
 */
export function transplant(line: TrafficLine, target: Target, attack: string): TrafficLine | null {
  if (target.location === 'query') {
    const at = `=${target.raw}`;
    const i = line.query.indexOf(at);
    if (i < 0) return null;
    return { ...line, query: line.query.slice(0, i + 1) + encodeURIComponent(attack) + line.query.slice(i + at.length) };
  }
  if (target.location !== 'body' || line.body === undefined || line.bodyEncoding === 'base64') return null;
  const type = (line.headers['content-type'] ?? '').toLowerCase();
  let body: string;
  if (type.includes('json')) {
    const from = JSON.stringify(target.raw);
    const i = line.body.indexOf(from);
    if (i < 0) return null;
    body = line.body.slice(0, i) + JSON.stringify(attack) + line.body.slice(i + from.length);
  } else if (type.includes('x-www-form-urlencoded')) {
    const at = `=${target.raw}`;
    const i = line.body.indexOf(at);
    if (i < 0) return null;
    body = line.body.slice(0, i + 1) + encodeURIComponent(attack) + line.body.slice(i + at.length);
  } else return null;
  const headers = { ...line.headers };
  if (headers['content-length'] !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return { ...line, body, headers };
}

interface RetrainedField {
  key: string;
  line: TrafficLine;
  target: Target;
  labels: number;
}

/** Fields whose benign values retraining learned from (operator labels first), one example line each. */
function retrainedFields(labelled: readonly LabelledLine[], profileKeys: ReadonlySet<string>): RetrainedField[] {
  const fields = new Map<string, RetrainedField>();
  for (const l of labelled) {
    if (l.label !== 'benign') continue;
    const inspection = inspectLine(l.line);
    const route = inspectionRoute(inspection);
    for (const t of inspection.targets) {
      if (t.role !== 'value' || (t.location !== 'query' && t.location !== 'body')) continue;
      const key = targetKey(route, t.location, t.name);
      const taught = (l.origin === 'operator' && [t.raw, ...t.decoded].some(mayCarryAttack)) || profileKeys.has(key);
      if (!taught) continue;
      const f = fields.get(key);
      if (f === undefined) fields.set(key, { key, line: l.line, target: t, labels: l.origin === 'operator' ? 1 : 0 });
      else if (l.origin === 'operator') f.labels++;
    }
  }
  return [...fields.values()].sort((a, b) => b.labels - a.labels || a.key.localeCompare(b.key));
}

function strideSample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return items.slice();
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]);
}

/** The attacks-in-retrained-fields checks alone (`train --from-logs --weights auto` runs them on trained weights too). */
export async function retrainedFieldChecks(
  input: Pick<GateInput, 'baseValidation' | 'labelled' | 'current' | 'candidate' | 'margin' | 'transplants' | 'maxFields'>,
  profileKeys: ReadonlySet<string>,
): Promise<GateCheck[]> {
  const attacks = strideSample(
    (input.baseValidation ?? []).filter((s) => s.label === 1 && s.text.length <= 2000).map((s) => s.text),
    input.transplants ?? 400,
  );
  if (attacks.length === 0) return [];
  const checks: GateCheck[] = [];
  for (const field of retrainedFields(input.labelled, profileKeys).slice(0, input.maxFields ?? 8)) {
    let tried = 0;
    let current = 0;
    let candidate = 0;
    for (const attack of attacks) {
      const line = transplant(field.line, field.target, attack);
      if (line === null) break;
      const a = await input.current.run(line);
      const b = await input.candidate.run(line);
      tried++;
      if (isBlock(a.outcome.verdict.action)) current++;
      if (isBlock(b.outcome.verdict.action)) candidate++;
    }
    if (tried === 0) continue;
    const check = notWorse(`attacks in ${field.key}`, current / tried, candidate / tried, input.margin, `${tried} transplanted attacks caught: current`);
    checks.push(check);
  }
  return checks;
}

/**
 * Benign requests through both full pipelines, counted as the base set's texts are: the candidate may
 * block at most `growth` more (plus FP_SLACK). The base set judges texts one by one; a retrain that
 * flags 4 of its benign texts where the model in force flags 3 blocked 158 generated benign requests
 * where that model blocked 16 (datasets/README.md): only requests show what the screen, the windows
 * and the rules make of a model's scores.
 */
export async function benignRequestsCheck(set: BenignRequestSet, current: OfflinePipeline, candidate: OfflinePipeline, growth: number): Promise<GateCheck> {
  const name = `benign requests ${set.name}`;
  if (set.problem !== undefined) return { name, ok: false, detail: set.problem };
  let a = 0;
  let b = 0;
  for (const r of set.records) {
    if (isBlock((await current.runRecord(r)).outcome.verdict.action)) a++;
    if (isBlock((await candidate.runRecord(r)).outcome.verdict.action)) b++;
  }
  return fewEnoughFalsePositives(name, a, b, set.records.length, growth, 'current', 'requests');
}

/** At most this many lost requests, and families, are named in a refusal. */
const LOST_EXAMPLES = 5;
const LOST_FAMILIES = 8;

/**
 * Attack requests through both full pipelines: the candidate may block at most `loss` (a fraction of the
 * current pipeline's count, rounded down) fewer. Net, as the benign check counts: a candidate that
 * catches other attacks of the set makes up for what it lets by. A refusal names the requests the
 * current pipeline blocks and the candidate passes (id and family), which the operator can replay.
 */
export async function attackRequestsCheck(set: AttackRequestSet, current: OfflinePipeline, candidate: OfflinePipeline, loss: number): Promise<GateCheck> {
  const name = `attack requests ${set.name}`;
  if (set.problem !== undefined) return { name, ok: false, detail: set.problem };
  let a = 0;
  let b = 0;
  const lost: RequestRecord[] = [];
  for (const r of set.records) {
    const byCurrent = isBlock((await current.runRecord(r)).outcome.verdict.action);
    const byCandidate = isBlock((await candidate.runRecord(r)).outcome.verdict.action);
    if (byCurrent) a++;
    if (byCandidate) b++;
    if (byCurrent && !byCandidate) lost.push(r);
  }
  const allowed = a - Math.floor(a * loss + 1e-9);
  const ok = b >= allowed;
  const detail = `current blocks ${a} of ${set.records.length} attack requests → candidate ${b}`;
  if (ok) return { name, ok, detail: lost.length === 0 ? detail : `${detail} (${lost.length} newly passed)` };
  const families = new Map<string, number>();
  for (const r of lost) families.set(r.category, (families.get(r.category) ?? 0) + 1);
  const ranked = [...families].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([f, n]) => `${f} ${n}`);
  const byFamily = ranked.length > LOST_FAMILIES ? [...ranked.slice(0, LOST_FAMILIES), `${ranked.length - LOST_FAMILIES} more families`] : ranked;
  const examples = lost.slice(0, LOST_EXAMPLES).map((r) => r.id);
  return {
    name,
    ok,
    detail:
      `${detail}: ${a - b} fewer (fewer than ${allowed}: at most ${(loss * 100).toFixed(2)} % fewer); ` +
      `${lost.length} the current pipeline blocks would pass (${byFamily.join(', ')}), e.g. ${examples.join(', ')}`,
  };
}

export async function runPromotionGate(input: GateInput, profileKeys: ReadonlySet<string> = new Set()): Promise<GateOutcome> {
  const m = input.margin;
  const checks: GateCheck[] = [];
  let base: GateOutcome['base'] = null;
  let screenedOut: GateOutcome['screenedOut'] = null;
  let set: LabelledSample[] | null = null;
  if (input.baseValidation !== null) {
    const screened = screenedForModel(splitValidation(input.baseValidation).gate);
    set = screened.scored;
    screenedOut = screened.screenedOut;
  }
  const growth = input.fpGrowth ?? DEFAULT_FP_GROWTH;
  const attacks = set?.filter((s) => s.label === 1).length ?? 0;
  const benign = (set?.length ?? 0) - attacks;
  const left = screenedOut === null ? '' : `; ${describeScreenedOut(screenedOut)}`;
  if (set === null) checks.push({ name: 'base validation set', ok: false, detail: input.baseProblem ?? 'missing' });
  else if (attacks < input.floor || benign < input.floor) {
    checks.push({ name: 'base validation set', ok: false, detail: `${attacks} attacks and ${benign} benign texts in the gate's half (every attack, the benign texts whose hash is odd${left}); at least ${input.floor} of each are needed` });
  } else {
    checks.push({ name: 'base validation set', ok: true, detail: `${attacks} attacks, ${benign} benign texts (the gate's half${left})` });
    base = { current: await scoreBase(input.currentDir, set), candidate: await scoreBase(input.candidateDir, set) };
    checks.push(notWorse('base TPR', base.current.tpr, base.candidate.tpr, m, 'current'));
    checks.push(fewEnoughFalsePositives('base false positives', falsePositives(base.current), falsePositives(base.candidate), benign, growth, 'current'));
    if (input.recorded !== null) {
      checks.push(notWorse('base TPR vs shipped', input.recorded.tpr, base.candidate.tpr, m, `recorded ${input.recorded.model}`));
      // The recorded TNR is over the whole set; its rate on the gate's benign half is the expected count.
      checks.push(fewEnoughFalsePositives('base false positives vs shipped', (1 - input.recorded.tnr) * benign, falsePositives(base.candidate), benign, growth, `recorded ${input.recorded.model}`));
    }
  }

  const labelledIds = new Set(input.labelled.map((l) => l.line.id));
  const replayed = input.lines.filter((l) => labelledIds.has(l.id));
  const report = await replayTraffic(replayed, input.labelled, input.current, input.candidate, { examples: 0 });
  checks.push(notWorse('labelled traffic TPR', report.labelled.current.tpr, report.labelled.candidate.tpr, m, 'current'));
  checks.push(notWorse('labelled traffic TNR', report.labelled.current.tnr, report.labelled.candidate.tnr, m, 'current'));
  // And the benign side as a count, as on the base set: the TNR margin alone, half a point on thousands of
  // clean lines, would let a candidate block dozens of requests the pipeline in force passes.
  const labelledBenign = report.labelled.current.benign;
  checks.push(
    labelledBenign === 0
      ? { name: 'labelled traffic false positives', ok: true, detail: 'nothing to measure' }
      : fewEnoughFalsePositives('labelled traffic false positives', falsePositives(report.labelled.current), falsePositives(report.labelled.candidate), labelledBenign, growth, 'current', 'lines'),
  );

  const sets = input.benignRequests ?? [];
  if (sets.length === 0) {
    checks.push({ name: 'benign requests', ok: true, detail: 'not measured: the base material holds none; --benign DIR replays benign requests through both pipelines (e.g. npm run datasets -- --out DIR --scale 0.2)' });
  }
  for (const set of sets) checks.push(await benignRequestsCheck(set, input.current, input.candidate, growth));

  const attackSets = input.attackRequests ?? [];
  if (attackSets.length === 0) {
    checks.push({ name: 'attack requests', ok: true, detail: 'not measured: the base material holds none; --attacks DIR replays attack requests through both pipelines (e.g. npx tsx datasets/attack-families.ts --out DIR)' });
  }
  const attackLoss = input.attackLoss ?? DEFAULT_ATTACK_LOSS;
  for (const set of attackSets) checks.push(await attackRequestsCheck(set, input.current, input.candidate, attackLoss));

  // Operator-labelled attacks: the operator's word, not a rate — none the current model catches may slip.
  const missed: string[] = [];
  let operatorAttacks = 0;
  for (const l of input.labelled) {
    if (l.origin !== 'operator' || l.label !== 'attack') continue;
    operatorAttacks++;
    const a = await input.current.run(l.line);
    if (!isBlock(a.outcome.verdict.action)) continue;
    const b = await input.candidate.run(l.line);
    if (!isBlock(b.outcome.verdict.action)) missed.push(l.line.id);
  }
  checks.push({
    name: 'operator-labelled attacks',
    ok: missed.length === 0,
    detail: missed.length === 0 ? `${operatorAttacks} labelled, none newly missed` : `${missed.length} caught today would pass: ${missed.slice(0, 5).join(', ')}`,
  });

  checks.push(...(await retrainedFieldChecks(input, profileKeys)));
  return { pass: checks.every((c) => c.ok), margin: m, fpGrowth: growth, attackLoss, checks, base, screenedOut, logs: report.labelled };
}

export function formatGate(g: GateOutcome): string {
  return [`promotion gate (margin ${(g.margin * 100).toFixed(2)} points, benign false positives +${Math.round(g.fpGrowth * 100)} %, attack requests −${(g.attackLoss * 100).toFixed(2)} %):`, ...g.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`)].join('\n');
}

export function refusalReasons(g: GateOutcome): string[] {
  return g.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
}
