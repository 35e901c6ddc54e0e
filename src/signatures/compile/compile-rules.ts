/**
 * Compiles parsed rules into a `SignatureGate`: per request each buffer is scanned once by the
 * prefilter (prefilter.ts) and only the candidate rules it keeps (plus the few without a usable
 * fast pattern) are fully evaluated. The gate is immutable:
 * hot reload builds a new one and swaps the reference.
 */
import type { BufferName, Inspection } from '../../inspect/types.js';
import type { RuleEffect, SettlesVerdict, SignatureGate, SignatureHit, SignatureResult } from '../types.js';
import type { Rule, RuleAction } from '../rule.js';
import type { CompiledLength, CompiledRule } from './compiled-rule.js';
import { DERIVED_BUFFERS, FIRST_FIELD_SLOT, NAMED_BUFFERS, derivedSlot } from './compiled-rule.js';
import { AutomatonNotBuilt, buildAutomatonAhead, Prefilter, PrefilterLiterals } from './prefilter.js';
import type { PrefilterStats } from './prefilter.js';
import type { AhoCorasick } from './aho-corasick.js';
import { BufferSlots, compileRule } from './compile-rule.js';
import { RequestBuffers } from '../match/request-buffers.js';
import { RuleEvaluator, type MatchLocation } from '../match/evaluate-rule.js';
import { locateDecodedForm, locateTarget } from '../match/locate-target.js';
import { RateFilterState } from '../match/rate-filter-state.js';
import { finishNow, UNTIMED, type Steps, type WorkClock } from '../../inspect/work-clock.js';

const BASE64_DATA_SLOT = derivedSlot('base64Data');

/**
 * Default Snort action → Warden effect. `alert` feeds gate 2 as suspicion; every action that stops the
 * traffic in an IPS blocks; pass allow-lists. `rewrite` blocks too: Warden never edits a request, and
 * letting a request through that the rule writer wanted changed would be the quiet failure (the parser
 * marks such rules with a warning saying so).
 */
export const DEFAULT_ACTION_EFFECTS: Readonly<Record<RuleAction, RuleEffect>> = {
  alert: 'suspicious',
  log: 'suspicious',
  pass: 'allow',
  drop: 'block',
  reject: 'block',
  sdrop: 'block',
  block: 'block',
  react: 'block',
  rewrite: 'block',
  rejectsrc: 'block',
  rejectdst: 'block',
  rejectboth: 'block',
};

/** Requests smaller than this (the raw buffer, in chars) cost the rules well under a slice: evaluated at once. */
const STEPPED_MIN_CHARS = 65_536;

export interface CompileRulesOptions {
  /** Effect of each rule; default: DEFAULT_ACTION_EFFECTS by the rule's action. */
  effectOf?: (rule: Rule) => RuleEffect;
  /** Clock for rate filters (ms); default Date.now. */
  now?: () => number;
  /** A suspicious rule's calibrated weight (`rules tune`), or undefined to weigh it by its priority. */
  weightOf?: (rule: Rule) => RuleWeight | undefined;
}

export interface RuleWeight {
  weight: number;
  source: string;
  /** The tune run saw the rule match benign traffic (its weight is capped for it). */
  firesOnBenign?: boolean;
}

export interface CompiledRuleSetStats {
  rules: number;
  /** Rules without a usable fast pattern, evaluated on every request. */
  alwaysEvaluated: number;
  /** Rules the second prefilter level can rule out (they have more than one necessary literal set). */
  withConditions: number;
  /** Rules that failed to compile (reported, not loaded). */
  failed: Array<{ gid: number; sid: number; reason: string }>;
  automata: PrefilterStats['automata'];
}

export interface CompiledSignatureGate extends SignatureGate {
  readonly stats: CompiledRuleSetStats;
}

/** What compiling the rules one by one made, before the prefilter joins them into a gate. */
interface CompiledParts {
  slots: BufferSlots;
  compiled: CompiledRule[];
  failed: CompiledRuleSetStats['failed'];
}

/** Compiles rules[from, to) onto `parts`. */
function compileEach(rules: readonly Rule[], from: number, to: number, options: CompileRulesOptions, parts: CompiledParts): void {
  const effectOf = options.effectOf ?? ((rule: Rule) => DEFAULT_ACTION_EFFECTS[rule.header.action]);
  const { slots, compiled, failed } = parts;
  for (let i = from; i < to; i++) {
    const rule = rules[i];
    if (!rule.enabled) continue;
    try {
      const c = compileRule(rule, compiled.length, effectOf(rule), slots);
      const w = c.effect === 'suspicious' ? options.weightOf?.(rule) : undefined;
      if (w !== undefined) {
        c.weight = w.weight;
        c.weightSource = w.source;
        c.firesOnBenign = w.firesOnBenign === true;
      }
      compiled.push(c);
    } catch (err) {
      failed.push({ gid: rule.gid, sid: rule.sid, reason: (err as Error).message });
    }
  }
}

export function compileRules(rules: readonly Rule[], options: CompileRulesOptions = {}): CompiledSignatureGate {
  const parts: CompiledParts = { slots: new BufferSlots(), compiled: [], failed: [] };
  compileEach(rules, 0, rules.length, options, parts);
  return gateOf(parts, new Prefilter(parts.compiled), options);
}

/**
 * Rules compiled (or their literals gathered) between two pauses of `compileRulesInTurns`: a pack set's
 * ~10,000 take ~0.1-0.3 s, so 1,000 held a request ~40 ms at load 5 (2026-12-07, session 30).
 */
const RULES_PER_TURN = 250;
/** Bounds the prefilter's attempts: each builds one missing automaton first, and a set has about a dozen. */
const MAX_PREFILTER_ATTEMPTS = 64;

/**
 * `compileRules` for a reload, whose build runs on the event loop the proxy serves from: `pause()` (a
 * turn of the loop) between chunks of rules and after each automaton the prefilter had to have built,
 * by `buildOffLoop` on a worker thread or else here on a turn of its own, so requests wait for one such
 * piece rather than the whole build (~1 s after a one-rule edit of a pack set). The same gate as
 * `compileRules`.
 */
export async function compileRulesInTurns(
  rules: readonly Rule[],
  options: CompileRulesOptions,
  pause: () => Promise<void>,
  /** Builds an automaton off the loop (automaton-builder.ts); without it, on the loop, on a turn of its own. */
  buildOffLoop?: (patterns: string[]) => Promise<AhoCorasick>,
): Promise<CompiledSignatureGate> {
  const parts: CompiledParts = { slots: new BufferSlots(), compiled: [], failed: [] };
  for (let from = 0; from < rules.length; from += RULES_PER_TURN) {
    compileEach(rules, from, Math.min(rules.length, from + RULES_PER_TURN), options, parts);
    await pause();
  }
  // The literals are gathered once, in turns; each try below only looks up and joins automata.
  const collected = new PrefilterLiterals();
  for (let from = 0; from < parts.compiled.length; from += RULES_PER_TURN) {
    collected.add(parts.compiled, from, Math.min(parts.compiled.length, from + RULES_PER_TURN));
    await pause();
  }
  for (let attempt = 0; attempt < MAX_PREFILTER_ATTEMPTS; attempt++) {
    try {
      return gateOf(parts, new Prefilter(parts.compiled, { builtOnly: true, collected }), options);
    } catch (err) {
      if (!(err instanceof AutomatonNotBuilt)) throw err;
      if (buildOffLoop !== undefined) buildAutomatonAhead(err.patterns, await buildOffLoop(err.patterns));
      else buildAutomatonAhead(err.patterns);
      await pause();
    }
  }
  return gateOf(parts, new Prefilter(parts.compiled, { collected }), options);
}

/** The gate over rules compiled one by one and the prefilter built over them. */
function gateOf(parts: CompiledParts, prefilter: Prefilter, options: CompileRulesOptions): CompiledSignatureGate {
  const { slots, compiled, failed } = parts;
  const now = options.now ?? Date.now;
  const stats: CompiledRuleSetStats = {
    rules: compiled.length,
    alwaysEvaluated: prefilter.stats.alwaysEvaluated,
    withConditions: prefilter.stats.withConditions,
    failed,
    automata: prefilter.stats.automata,
  };

  // Rules that test flowbits run after the rest so bits set by this request are visible to them.
  const late = new Uint8Array(compiled.length);
  for (const c of compiled) if (c.flowbitsChecks.length > 0) late[c.index] = 1;

  // A rule's length checks (urilen, bufferlen) hold or fail whatever its contents matched: tested
  // before the evaluator runs, a rule such as 9001205 (urilen:>2048, evaluated on every request as it
  // has no literal) costs a length read on an ordinary request instead of a cold evaluation.
  const lengthChecks: Array<CompiledLength[] | null> = compiled.map((c) => {
    const checks = c.options.filter((o): o is CompiledLength => o.kind === 'length' && o.slot !== BASE64_DATA_SLOT);
    return checks.length > 0 ? checks : null;
  });

  // A block hit settles the verdict only while no rule can outrank it (an allow rule, the Snort `pass`)
  // and no rule's outcome depends on the order rules ran in (a flowbits unset, toggle or reset).
  const canSettle = compiled.every((c) => c.effect !== 'allow' && c.flowbitsActions.every((a) => a.command === 'set'));
  // When settling: pass 0's block rules first (the verdict is usually theirs), then pass 0's others, then the late ones.
  const phaseWhenSettling = new Uint8Array(compiled.length);
  for (const c of compiled) phaseWhenSettling[c.index] = late[c.index] === 1 ? 2 : c.effect === 'block' ? 0 : 1;
  const phaseInOrder = new Uint8Array(compiled.length);
  for (const c of compiled) phaseInOrder[c.index] = late[c.index] === 1 ? 2 : 0;

  // Per-gate scratch, reused by every request evaluated at once (never shared concurrently). The
  // evaluator and the prefilter are only used between two pauses, so stepped evaluations share them
  // too; the buffers and the candidate list live across pauses, so those are the evaluation's own.
  const buffers = new RequestBuffers(slots.headerFields, prefilter.readsJsonFormInPieces);
  const evaluator = new RuleEvaluator();
  const rateFilters = new RateFilterState();
  function evaluate(inspection: Inspection, settles?: SettlesVerdict): SignatureResult {
    return finishNow(evaluateSteps(inspection, buffers, UNTIMED, settles));
  }
  function evaluateInSteps(inspection: Inspection, clock: WorkClock, settles?: SettlesVerdict): Steps<SignatureResult> {
    // A small request is evaluated at once (it never pauses), on the shared scratch: no allocation per request.
    if (inspection.buffers.raw.length < STEPPED_MIN_CHARS) return evaluateSteps(inspection, buffers, UNTIMED, settles);
    return evaluateSteps(inspection, new RequestBuffers(slots.headerFields, prefilter.readsJsonFormInPieces), clock, settles);
  }
  function* evaluateSteps(inspection: Inspection, buffers: RequestBuffers, clock: WorkClock, settles: SettlesVerdict | undefined): Steps<SignatureResult> {
    buffers.load(inspection);
    // At once, the prefilter's list is a view of its scratch; in steps, a list of the evaluation's own.
    const order = clock === UNTIMED ? prefilter.candidatesFor(buffers) : yield* prefilter.candidatesInSteps(buffers, clock);
    const evaluatedCandidates = order.length;
    const settling = settles !== undefined && canSettle;
    const phaseOf = settling ? phaseWhenSettling : phaseInOrder;
    const hits: SignatureHit[] = [];
    // Each hit's rule, while settling: pass 0's two phases are merged back into rule order.
    const hitRules: number[] | null = settling ? [] : null;
    let settled = false;
    let unevaluated = 0;
    let firstPhaseHits = 0;
    let bits: Set<string> | null = null;
    for (let phase = 0; phase < 3; phase++) {
      for (let i = 0; i < order.length; i++) {
        const c = compiled[order[i]];
        if (phaseOf[c.index] !== phase) continue;
        // Once settled, only rules that count matches for a rate filter still run (their counts stay what they would be).
        if (settled && c.detectionFilter === null && c.threshold === null) {
          unevaluated++;
          continue;
        }
        // A rule may run a pcre over the whole body: the time is read before each one.
        if (clock.dueNow()) yield;
        if (c.sourceAllowed && !c.sourceAllowed(inspection.source.ip)) continue;
        if (c.flowbitsChecks.length > 0 && !flowbitsHold(c, bits)) continue;
        const lengths = lengthChecks[c.index];
        if (lengths !== null && !lengthsHold(lengths, buffers)) continue;
        const where = evaluator.evaluate(c, buffers);
        if (!where) continue;
        if (c.detectionFilter && !rateFilters.pass(c.index, c.detectionFilter, inspection.source.ip, now())) continue;
        if (c.flowbitsActions.length > 0) bits = applyFlowbits(c, bits ?? new Set());
        if (c.noalert) continue;
        if (c.threshold && !rateFilters.pass(c.index, c.threshold, inspection.source.ip, now())) continue;
        if (settled) {
          unevaluated++;
          continue;
        }
        const hit = hitAt(c, where, inspection, buffers);
        hits.push(hit);
        if (hitRules !== null) {
          hitRules.push(c.index);
          if (settles!(hit)) settled = true;
        }
      }
      if (phase === 0) firstPhaseHits = hits.length;
      else if (phase === 1 && hitRules !== null && !settled) inRuleOrder(hits, hitRules, firstPhaseHits);
    }
    return settled ? { hits, candidates: evaluatedCandidates - unevaluated, unevaluated } : { hits, candidates: evaluatedCandidates };
  }

  /** A rule's hit where it matched, reported in the buffer or decoded form that holds the match. */
  function hitAt(c: CompiledRule, where: MatchLocation, inspection: Inspection, buffers: RequestBuffers): SignatureHit {
    const origin = buffers.decodedOrigin(where.slot, where.offset);
    if (origin !== null) {
      const bufferName = where.slot < NAMED_BUFFERS.length ? NAMED_BUFFERS[where.slot] : 'header';
      // A whole-document form (a JSON body with its escapes resolved) names the field the match falls in.
      if (origin.targetIndex < 0) origin.targetIndex = locateTarget(inspection.targets, bufferName, origin.form.substr(origin.offset, where.length));
      return { ...ruleHit(c, bufferName, origin.offset, where.length, origin.targetIndex), decoded: origin.via };
    }
    const matched = buffers.text(where.slot).substr(where.offset, where.length);
    if (where.slot === BASE64_DATA_SLOT) {
      // Bytes the rule decoded itself are in no buffer: reported in the field's decoded form that holds them.
      const form = locateDecodedForm(inspection.targets, matched);
      if (form !== null) return { ...ruleHit(c, 'raw', form.offset, where.length, form.targetIndex), decoded: form.via };
    }
    const { bufferName, offset } = reportedPosition(where.slot, where.offset, inspection, slots.headerFields);
    return ruleHit(c, bufferName, offset, where.length, locateTarget(inspection.targets, bufferName, matched));
  }

  return { ruleCount: compiled.length, stats, evaluate, evaluateInSteps };
}

/** A rule's hit: where it matched (in a decoded form: the offset in that form, the field it was decoded from). */
function ruleHit(c: CompiledRule, buffer: BufferName, offset: number, length: number, targetIndex: number): SignatureHit {
  return {
    gid: c.rule.gid,
    sid: c.rule.sid,
    rev: c.rule.rev,
    msg: c.rule.msg,
    classtype: c.rule.classtype,
    priority: c.priority,
    effect: c.effect,
    weight: c.weight,
    weightSource: c.weightSource,
    firesOnBenign: c.firesOnBenign ? true : undefined,
    buffer,
    offset,
    length,
    targetIndex,
  };
}

/**
 * Puts pass 0's hits, found block rules first, back in rule order (the order an evaluation in rule
 * order finds them in): the block rules' hits (`hits[0..split)`) and the others' are each in rule
 * order, so one merge.
 */
function inRuleOrder(hits: SignatureHit[], rules: number[], split: number): void {
  if (split === 0 || split === hits.length || rules[split - 1] < rules[split]) return;
  const a = hits.slice(0, split);
  const ra = rules.slice(0, split);
  const b = hits.slice(split);
  const rb = rules.slice(split);
  let i = 0;
  let j = 0;
  for (let k = 0; k < hits.length; k++) {
    if (j >= b.length || (i < a.length && ra[i] < rb[j])) {
      hits[k] = a[i];
      rules[k] = ra[i++];
    } else {
      hits[k] = b[j];
      rules[k] = rb[j++];
    }
  }
}

function lengthsHold(checks: readonly CompiledLength[], buffers: RequestBuffers): boolean {
  for (const check of checks) {
    const length = buffers.text(check.slot).length;
    if (length < check.min || length > check.max) return false;
  }
  return true;
}

function flowbitsHold(c: CompiledRule, bits: Set<string> | null): boolean {
  for (const check of c.flowbitsChecks) {
    const has = (name: string): boolean => bits !== null && bits.has(name);
    const set = check.any ? check.names.some(has) : check.names.every(has);
    if ((check.command === 'isset') !== set) return false;
  }
  return true;
}

function applyFlowbits(c: CompiledRule, bits: Set<string>): Set<string> {
  for (const action of c.flowbitsActions) {
    if (action.command === 'reset') bits.clear();
    for (const name of action.names) {
      if (action.command === 'set') bits.add(name);
      else if (action.command === 'unset') bits.delete(name);
      else if (action.command === 'toggle') {
        if (bits.has(name)) bits.delete(name);
        else bits.add(name);
      }
    }
  }
  return bits;
}

/**
 * Where a hit is reported: named buffers as they are; derived buffers in raw, whose prefix they are
 * (header names, which raw does not hold contiguously, in rawHeader at offset -1); header fields in
 * the header buffer.
 */
function reportedPosition(slot: number, offset: number, inspection: Inspection, headerFields: readonly string[]): { bufferName: BufferName; offset: number } {
  if (slot < NAMED_BUFFERS.length) return { bufferName: NAMED_BUFFERS[slot], offset };
  if (slot >= FIRST_FIELD_SLOT) return { bufferName: 'header', offset: headerFieldOffset(inspection.buffers.header, headerFields[slot - FIRST_FIELD_SLOT], offset) };
  switch (DERIVED_BUFFERS[slot - NAMED_BUFFERS.length]) {
    case 'headerNames':
      return { bufferName: 'rawHeader', offset: -1 };
    case 'base64Data':
      // Bytes base64_decode made while the rule ran that no field's decoded form holds: in no buffer.
      return { bufferName: 'raw', offset: -1 };
    case 'protocol': {
      const raw = inspection.buffers.raw;
      const lineEnd = raw.indexOf('\r\n');
      return { bufferName: 'raw', offset: raw.lastIndexOf(' ', lineEnd < 0 ? raw.length : lineEnd) + 1 + offset };
    }
    default:
      return { bufferName: 'raw', offset };
  }
}

/**
 * A match inside one header's value (`http_header:field x`) is reported in the header buffer's
 * coordinates, so every hit's buffer/offset pair points at the same bytes. -1 when the field is not
 * found there (e.g. cookies, which the header buffer excludes).
 */
function headerFieldOffset(header: string, field: string, offsetInValue: number): number {
  const lower = header.toLowerCase();
  let line = lower.startsWith(`${field}:`) ? 0 : lower.indexOf(`\n${field}:`);
  if (line < 0) return -1;
  if (line > 0) line++;
  let valueStart = line + field.length + 1;
  while (header[valueStart] === ' ' || header[valueStart] === '\t') valueStart++;
  return valueStart + offsetInValue;
}
