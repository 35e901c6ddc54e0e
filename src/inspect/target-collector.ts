import type { Decoder } from './decoders/decoder.js';
import {
  DECODE_FLAG_INVALID_PERCENT,
  DECODE_FLAG_INVALID_UTF8,
  DECODE_FLAG_MULTIPLE_URL,
  DECODE_FLAG_NUL,
  DECODE_FLAG_OVERLONG_UTF8,
  DECODE_FLAG_PERCENT_U,
  DECODE_FLAG_TRUNCATED,
  type DecodeContext,
} from './decoders/decoder.js';
import { decodeForms, NO_DECODED_FORMS, triggersOf, type DecodeLimits } from './decoders/decode-forms.js';
import {
  INVALID_PERCENT_ENCODING,
  INVALID_UTF8,
  LIMIT_REACHED,
  MULTIPLE_URL_ENCODING,
  NULL_BYTE,
  OVERLONG_UTF8,
  PERCENT_U_ENCODING,
  type FindingKind,
} from './findings.js';
import type { InspectOptions } from './inspect-options.js';
import { decodeUrlOnce } from './decoders/url.js';
import type { ContainerEscape, Finding, InspectionLimits, Target, TargetLocation, TargetRole } from './types.js';
import { UNTIMED, type Steps, type WorkClock } from './work-clock.js';
import { scanTriggersInSteps } from './decoders/triggers.js';
import { TARGET_BYTES, unboundedMemory, type MemoryBudget } from './memory-budget.js';

/** `decodedVia` of a light target's one URL decoding. */
const URL_ONCE: readonly string[] = Object.freeze(['url']);

/** Values from this long are scanned for decoder triggers in pieces (addInSteps); shorter ones at once, with no generator each. */
export const STEPPED_VALUE_CHARS = 65_536;

/** The CPU budget is checked once per this many targets (a target costs microseconds). */
const BUDGET_CHECK_EVERY = 16;

/** Decode flags and the finding each one becomes, checked in this order. */
const FLAG_FINDINGS: ReadonlyArray<readonly [number, FindingKind]> = [
  [DECODE_FLAG_OVERLONG_UTF8, OVERLONG_UTF8],
  [DECODE_FLAG_PERCENT_U, PERCENT_U_ENCODING],
  [DECODE_FLAG_NUL, NULL_BYTE],
  [DECODE_FLAG_INVALID_PERCENT, INVALID_PERCENT_ENCODING],
  [DECODE_FLAG_MULTIPLE_URL, MULTIPLE_URL_ENCODING],
  [DECODE_FLAG_INVALID_UTF8, INVALID_UTF8],
];

/**
 * Collects one request's targets (decoding each as it arrives) and findings, enforcing the limits:
 * a field past `maxTargets` becomes a light target (see `addRemainder`) with one LIMIT_REACHED
 * finding; past `maxRemainderTargets` it is left to the raw buffers and the inspection is marked
 * uncovered. Duplicate findings for the same field are reported once. Past the request's CPU budget
 * (`clock`, inspection.cpuBudgetMs) nothing more becomes a target either and the inspection is
 * uncovered the same way, so a body too costly to walk fails closed instead of passing half-seen;
 * so it is past the request's memory budget (`memory`, inspection.memoryBudgetMb).
 */
export class TargetCollector {
  readonly targets: Target[] = [];
  readonly findings: Finding[] = [];
  /** Binary stretches of the request's body, [start, end) pairs (Inspection.binaryRegions). */
  readonly binaryRegions: number[] = [];
  /** Stretches of those that hold no text at all (a font's glyph tables), [start, end) pairs (Inspection.opaqueRegions). */
  readonly opaqueRegions: number[] = [];
  private readonly reported = new Set<string>();
  private readonly context: DecodeContext = { plusAsSpace: false, flags: 0 };
  private readonly limits: DecodeLimits;
  private readonly lightContext: DecodeContext = { plusAsSpace: true, flags: 0 };
  /** Scratch for decodeForms' chains; copied into a target only when it has forms. */
  private readonly via: string[] = [];
  private reached: Set<string> | null = null;
  private uncovered: Set<string> | null = null;
  private remainderCount = 0;
  private untilBudgetCheck = BUDGET_CHECK_EVERY;

  constructor(
    readonly options: InspectOptions,
    private readonly decoders: readonly Decoder[],
    /** Slices and budget of this request's inspection; UNTIMED offline. */
    readonly clock: WorkClock = UNTIMED,
    /** What the inspection may build (memory-budget.ts); unbounded offline. */
    readonly memory: MemoryBudget = unboundedMemory(),
  ) {
    this.limits = {
      maxForms: options.maxDecodedForms,
      maxDepth: options.maxDecodeDepth,
      maxLength: options.maxDecodedLength,
      triggers: triggersOf(decoders),
    };
  }

  get full(): boolean {
    return this.targets.length >= this.options.maxTargets;
  }

  /**
   * Adds a target unless its value is empty; `plusAsSpace` for query and urlencoded form values;
   * `decode: false` for a value already validated against a grammar with nothing to decode.
   */
  add(location: TargetLocation, name: string, role: TargetRole, raw: string, plusAsSpace = false, decode = true, unescaped?: ContainerEscape): void {
    if (raw.length === 0 || this.overBudget(name, raw)) return;
    if (this.full) {
      this.addRemainderUnescaped(location, name, role, raw, plusAsSpace, unescaped);
      return;
    }
    this.addDecoded(location, name, role, raw, plusAsSpace, decode, undefined, unescaped);
  }

  /**
   * `add` for a value that may be long (a text body, a multipart field): its trigger scan, the one
   * step of a target that grows with the value (~2–4 ms per MiB), runs in pieces with pauses between.
   */
  *addInSteps(location: TargetLocation, name: string, role: TargetRole, raw: string, unescaped?: ContainerEscape): Steps<void> {
    if (raw.length < STEPPED_VALUE_CHARS) {
      this.add(location, name, role, raw, false, true, unescaped);
      return;
    }
    if (this.overBudget(name, raw)) return;
    if (this.full) {
      this.addRemainderUnescaped(location, name, role, raw, false, unescaped);
      return;
    }
    const bits = yield* scanTriggersInSteps(raw, () => this.clock.dueNow());
    this.addDecoded(location, name, role, raw, false, true, bits, unescaped);
  }

  /** `add` at once for a short value (no generator made), or the steps of `addInSteps` for the caller's walk to run. */
  addValue(location: TargetLocation, name: string, role: TargetRole, raw: string, unescaped?: ContainerEscape): Steps<void> | void {
    if (raw.length >= STEPPED_VALUE_CHARS) return this.addInSteps(location, name, role, raw, unescaped);
    this.add(location, name, role, raw, false, true, unescaped);
  }

  /** A field past maxTargets as a light target, keeping its container's escape mark. */
  private addRemainderUnescaped(location: TargetLocation, name: string, role: TargetRole, raw: string, plusAsSpace: boolean, unescaped: ContainerEscape | undefined): void {
    const before = this.targets.length;
    this.addRemainder(location, name, role, raw, plusAsSpace, 'maxTargets', this.options.maxTargets);
    if (unescaped !== undefined && this.targets.length > before) this.targets[before].unescaped = unescaped;
  }

  private addDecoded(location: TargetLocation, name: string, role: TargetRole, raw: string, plusAsSpace: boolean, decode: boolean, rawBits?: number, unescaped?: ContainerEscape): void {
    if (!decode) {
      const target: Target = { location, name, role, raw, decoded: NO_DECODED_FORMS, decodedVia: NO_DECODED_FORMS };
      if (unescaped !== undefined) target.unescaped = unescaped;
      this.targets.push(target);
      this.memory.chargeTarget(name, raw, NO_DECODED_FORMS);
      return;
    }
    const context = this.context;
    context.plusAsSpace = plusAsSpace;
    context.flags = 0;
    const via = this.via;
    via.length = 0;
    const decoded = decodeForms(raw, this.decoders, context, this.limits, rawBits, via);
    const target: Target = { location, name, role, raw, decoded, decodedVia: via.length === 0 ? NO_DECODED_FORMS : via.slice() };
    if (unescaped !== undefined) target.unescaped = unescaped;
    this.targets.push(target);
    this.memory.chargeTarget(name, raw, decoded);
    if (context.flags !== 0) this.reportDecodeFlags(context.flags, location, name);
  }

  /** True once the light-target cap or the CPU budget is passed: parsers may stop walking, nothing more becomes a target. */
  get exhausted(): boolean {
    return this.uncovered !== null;
  }

  /** The running slice is used up: a parser yields at its next safe point (see work-clock.ts). */
  due(): boolean {
    return this.clock.due();
  }

  /** `due()` reading the time now, between steps of milliseconds (whole-body passes). */
  dueNow(): boolean {
    return this.clock.dueNow();
  }

  /** A body parser copied `chars` of the body as text to walk it (counted against the memory budget). */
  chargeText(chars: number): void {
    this.memory.chargeText(chars);
  }

  /**
   * Whether the target `name`=`raw` would pass the memory budget (checked at each target) or, every
   * BUDGET_CHECK_EVERY targets, the CPU budget is spent; once either is, the inspection is uncovered.
   */
  private overBudget(name: string, raw: string): boolean {
    if (this.uncovered !== null) return true;
    if (this.memory.wouldExceed(TARGET_BYTES + name.length + raw.length)) {
      this.noteUncovered('memoryBudgetMb', this.memory.budgetMb);
      return true;
    }
    if (--this.untilBudgetCheck > 0) return false;
    this.untilBudgetCheck = BUDGET_CHECK_EVERY;
    if (!this.clock.spent()) return false;
    this.noteUncovered('cpuBudgetMs', this.clock.budgetMs);
    return true;
  }

  /**
   * A field past an inspection limit: still a target, so the signatures can name it and the model's
   * screen sees it, but without the decoder chain (the cost the limit bounds). Query and form values
   * get the one URL decoding the application itself applies.
   */
  addRemainder(location: TargetLocation, name: string, role: TargetRole, raw: string, plusAsSpace: boolean, limit: string, value: number): void {
    if (raw.length === 0) return;
    this.noteReached(limit, value);
    if (this.overBudget(name, raw)) return;
    if (this.remainderCount >= this.options.maxRemainderTargets) {
      this.noteUncovered('maxRemainderTargets', this.options.maxRemainderTargets);
      return;
    }
    this.remainderCount++;
    let decoded = NO_DECODED_FORMS;
    let decodedVia: readonly string[] = NO_DECODED_FORMS;
    if (plusAsSpace && (raw.indexOf('%') >= 0 || raw.indexOf('+') >= 0)) {
      this.lightContext.flags = 0;
      const once = decodeUrlOnce(raw, this.lightContext);
      if (once !== raw) {
        decoded = [once];
        decodedVia = URL_ONCE;
      }
    }
    this.targets.push({ location, name, role, raw, decoded, decodedVia });
    this.memory.chargeTarget(name, raw, decoded);
  }

  /** A limit was reached; what lies past it gets a lighter inspection. */
  noteReached(limit: string, value: number): void {
    if (this.reached?.has(limit)) return;
    (this.reached ??= new Set()).add(limit);
    this.report(LIMIT_REACHED, [limit, value]);
  }

  /** A limit past which part of the request reaches no gate as a field. */
  noteUncovered(limit: string, value: number): void {
    if (this.uncovered?.has(limit)) return;
    (this.uncovered ??= new Set()).add(limit);
    this.report(LIMIT_REACHED, [limit, value]);
  }

  /** What the limits did, for `Inspection.limits`; undefined when none was reached. */
  limitsResult(): InspectionLimits | undefined {
    if (this.reached === null && this.uncovered === null) return undefined;
    return { reached: [...(this.reached ?? [])], uncovered: [...(this.uncovered ?? [])], remainderTargets: this.remainderCount };
  }

  reportDecodeFlags(flags: number, location?: TargetLocation, name?: string): void {
    for (const [flag, kind] of FLAG_FINDINGS) if (flags & flag) this.report(kind, [], location, name);
    if (flags & DECODE_FLAG_TRUNCATED) {
      // The raw value is still whole in the target (signatures and model windows see it); only its decoded forms stop short.
      (this.reached ??= new Set()).add('maxDecodedLength');
      this.report(LIMIT_REACHED, ['maxDecodedLength', this.options.maxDecodedLength], location, name);
    }
  }

  /** Records a finding once per (code, location, name). */
  report<A extends unknown[]>(kind: FindingKind<A>, args: A, location?: TargetLocation, name?: string): void {
    // Once the findings are full nothing more is recorded, so no key is kept either (a body of 17,000
    // fields each with bad percent-encoding kept 17,000 keys for findings never written).
    if (this.findings.length >= this.options.maxFindings) return;
    const key = `${kind.code}\u0000${location ?? ''}\u0000${name ?? ''}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const finding: Finding = { code: kind.code, message: kind.message(...args), severity: kind.severity };
    if (location !== undefined) finding.location = location;
    if (name !== undefined) finding.name = name;
    this.findings.push(finding);
  }
}
