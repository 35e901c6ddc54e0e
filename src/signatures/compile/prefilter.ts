/**
 * The two-level multi-pattern prefilter. Level 1: each rule's best necessary literal set (its fast
 * pattern) triggers it. Level 2: a triggered rule is fully evaluated only when its other necessary
 * literal sets (other positive contents, literals a positive pcre requires) each had a literal in
 * their buffer too. ET rules often trigger on everyday text (`User-Agent:`, `GET`) and would
 * otherwise run their pcre on every request; the second level rules them out with a bitset lookup.
 * All literals of a buffer share one case-insensitive Aho-Corasick scan, so level 2 costs no extra pass.
 * A pcre's literal that every match ends at a `\b` (9000302's command names) counts only where the
 * next character is no word character: "id" in "ridge" does not trigger the rule.
 * Every condition is necessary for a match, so the prefilter never loses one.
 */
import type { AhoCorasick, WordEndFilter } from './aho-corasick.js';
import type { CompiledRule } from './compiled-rule.js';
import type { Rule } from '../rule.js';
import type { NecessaryLiterals, PrefilterBuffer } from './fast-pattern.js';
import type { RequestBuffers } from '../match/request-buffers.js';
import type { DecodedView } from '../match/decoded-views.js';
import { NAMED_BUFFERS, derivedSlot } from './compiled-rule.js';
import { buildAhoCorasick, MAX_NARROW_STATES, trieStateCount } from './aho-corasick.js';
import { bestSet, isAtSign, isEverydayText, isSchemeSeparator, isSeparatorRun, necessaryLiterals, rareInBody, rareInHeaderBlock, rareInUri, setScore } from './fast-pattern.js';
import { literalWeight } from './pcre-literals.js';
import type { Steps, WorkClock } from '../../inspect/work-clock.js';
import { HEAD_REGION_BUFFERS, findHeadRegions, headRegionsOfLayout } from './head-regions.js';
import { FORM_SPELLING_CHARS, scanJsonFormPieces, readableInPieces, type PieceScan } from './json-form-pieces.js';

/** A stepped scan pauses (if its slice is used up) between pieces of this many chars of a buffer. */
const SCAN_PIECE = 32_768;
/**
 * A body from this long is scanned once, by an automaton holding the body's and the raw request's
 * literals, instead of once in `clientBody` and again at the end of `raw` (issue 14: the bench's 4.5 KB
 * multipart body, 31 -> 17 µs for the scans with the caches flushed, json-1k's 1 KB 13 -> 8 µs).
 */
const SHARED_BODY_SCAN_MIN_CHARS = 512;
/** The shared automaton is built only while its table keeps 16-bit cells (aho-corasick.ts). */
const SHARED_BODY_SCAN_MAX_STATES = MAX_NARROW_STATES;
const RAW_SLOT = NAMED_BUFFERS.indexOf('raw');
const HEAD_SLOTS = HEAD_REGION_BUFFERS.map((b) => NAMED_BUFFERS.indexOf(b));

const BODY_SLOT = NAMED_BUFFERS.indexOf('clientBody');

/**
 * The automata of the last prefilter built, by their literal lists: a reload that changed a few rules
 * rebuilds only the buffers whose literals changed (a pack set's automata are ~1.8 s of its 4 s reload,
 * all on the event loop). An automaton keeps no state between scan calls (aho-corasick.ts), so the
 * gate in force and the one replacing it may share it. Only the last build's are kept.
 */
let lastAutomata = new Map<string, AhoCorasick>();

/**
 * A rule's trigger set and second-level conditions, by rule: a reload reuses the parsed rules of every
 * unchanged file (import-rules.ts), and analysing each rule's pcres for literals again was ~100-250 ms
 * of a pack set's reload on the event loop. Rules are not changed once parsed.
 */
const ruleLiterals = new WeakMap<Rule, { trigger: NecessaryLiterals | null; conditions: NecessaryLiterals[] }>();

function literalsOfRule(rule: Rule): { trigger: NecessaryLiterals | null; conditions: NecessaryLiterals[] } {
  let known = ruleLiterals.get(rule);
  if (known === undefined) {
    const sets = necessaryLiterals(rule);
    const trigger = bestSet(sets);
    known = { trigger: trigger < 0 ? null : sets[trigger], conditions: secondLevel(sets, trigger) };
    ruleLiterals.set(rule, known);
  }
  return known;
}

/**
 * Automata built ahead of a prefilter (`buildAutomatonAhead`, by a build in turns), by their literal
 * lists, until a prefilter takes them: then they are among `lastAutomata`.
 */
let builtAhead = new Map<string, AhoCorasick>();

/** Thrown by a prefilter made with `builtOnly` when an automaton it needs is not built yet (compileRulesInTurns builds it on a turn of its own and tries again). */
export class AutomatonNotBuilt extends Error {
  constructor(readonly patterns: string[]) {
    super(`prefilter automaton of ${patterns.length} literals not built yet`);
  }
}

/**
 * How prefilter automata are built, here or on a worker thread (automaton-builder.ts): each scan only
 * asks which literals occur, so later occurrences of a seen literal are skipped (skipSettled).
 */
export const PREFILTER_AUTOMATON_OPTIONS = { skipSettled: true } as const;

const buildAutomaton = (patterns: string[]): AhoCorasick => buildAhoCorasick(patterns, PREFILTER_AUTOMATON_OPTIONS);

/** The automaton of these literals for the next prefilter that needs it: `automaton`, or one built now. */
export function buildAutomatonAhead(patterns: string[], automaton: AhoCorasick = buildAutomaton(patterns)): void {
  builtAhead.set(JSON.stringify(patterns), automaton);
}

function automatonFor(patterns: string[], built: Map<string, AhoCorasick>, builtOnly: boolean): AhoCorasick {
  const key = JSON.stringify(patterns);
  let automaton = built.get(key) ?? lastAutomata.get(key) ?? builtAhead.get(key);
  if (automaton === undefined) {
    if (builtOnly) throw new AutomatonNotBuilt(patterns);
    automaton = buildAutomaton(patterns);
  }
  built.set(key, automaton);
  return automaton;
}

/**
 * trieStateCount of the shared body scan's literals, by their list, for the last lists counted: a build in
 * turns constructs its prefilter once per automaton it lacks, and counting a pack set's ~20,000 literals
 * again each time was ~10 ms of the event loop per try.
 */
let trieStates = new Map<string, number>();

function sharedTrieStates(patterns: string[]): number {
  const key = JSON.stringify(patterns);
  let states = trieStates.get(key);
  if (states === undefined) {
    states = trieStateCount(patterns);
    trieStates = new Map([[key, states]]);
  }
  return states;
}

/** One scan's marks: which literals were seen and which rules were kept, stamped with the scan's epoch. */
class PrefilterScratch {
  readonly seen: Uint32Array;
  readonly ruleStamp: Uint32Array;
  readonly candidates: Int32Array;
  epoch = 0;
  count = 0;

  constructor(literals: number, rules: number) {
    this.seen = new Uint32Array(literals);
    this.ruleStamp = new Uint32Array(rules);
    this.candidates = new Int32Array(rules);
  }

  /** Starts a scan: a new epoch makes every older mark stale without clearing the arrays. */
  begin(): void {
    this.epoch = (this.epoch + 1) >>> 0 || 1;
    if (this.epoch === 1) {
      this.seen.fill(0);
      this.ruleStamp.fill(0);
    }
    this.count = 0;
  }
}

/** Second-level sets kept per rule: the most selective few do nearly all the filtering. */
const MAX_CONDITIONS = 4;
/** A suffix of a necessary literal is necessary too; capping the length bounds automaton growth. */
const MAX_CONDITION_LITERAL = 32;
/** A condition's weakest literal weighs at least this much (three letters, or one rare character such as a backtick). */
const MIN_CONDITION_WEIGHT = 3;
/** An everyday literal weighing this much (`http://`) is still a condition. */
const EVERYDAY_CONDITION_WEIGHT = 6;

export interface PrefilterStats {
  /** Rules without a usable fast pattern, evaluated on every request. */
  alwaysEvaluated: number;
  /** Rules with at least one second-level condition. */
  withConditions: number;
  /** Per automaton; `reused`: the previous build's (same literals), not built again. */
  automata: Array<{ buffer: PrefilterBuffer; patterns: number; states: number; bytes: number; alsoFor?: PrefilterBuffer | 'jsonFormSpelling'; reused: boolean }>;
}

interface BufferScan {
  slot: number;
  automaton: AhoCorasick;
  /** True when the literal is seen (this and later occurrences count for nothing more): the automaton then skips its later occurrences. */
  onMatch: (pattern: number, end: number) => boolean;
  /** The literals that count only before a non-word char (`wordEnd`), dropped by the automaton itself where a word char follows; null: none. */
  wordEnd: WordEndFilter | null;
  /** A head buffer (method, raw URI, raw header block) whose literals raw's scan also finds, in its region of raw. */
  inRawHead: boolean;
}

/**
 * The literals of a prefilter's rules, gathered rule by rule (in order of their index): literal ids by
 * buffer, text and whether an occurrence counts only before a word boundary; each literal's trigger
 * list; each rule's second-level conditions.
 */
export class PrefilterLiterals {
  readonly buffers: PrefilterBuffer[] = [];
  readonly literals: string[] = [];
  readonly triggers: number[][] = [];
  readonly wordEnds: boolean[] = [];
  readonly always: number[] = [];
  readonly condStart: number[] = [0];
  readonly setStart: number[] = [0];
  readonly setIds: number[] = [];
  withConditions = 0;
  private readonly ids = new Map<string, number>();

  private idOf(buffer: PrefilterBuffer, literal: string, wordEnd: boolean): number {
    const key = `${buffer}\0${literal}\0${wordEnd ? 'b' : ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.literals.push(literal) - 1;
      this.buffers.push(buffer);
      this.triggers.push([]);
      this.wordEnds.push(wordEnd);
      this.ids.set(key, id);
    }
    return id;
  }

  /** Adds rules[from, to): the next rules by index. */
  add(rules: readonly CompiledRule[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const rule = rules[i];
      const { trigger, conditions } = literalsOfRule(rule.rule);
      if (trigger === null) this.always.push(rule.index);
      else for (const literal of trigger.literals) this.triggers[this.idOf(trigger.buffer, literal, trigger.wordEnd)].push(rule.index);
      for (const set of conditions) {
        for (const literal of set.literals) this.setIds.push(this.idOf(set.buffer, literal, set.wordEnd));
        this.setStart.push(this.setIds.length);
      }
      if (conditions.length > 0) this.withConditions++;
      this.condStart.push(this.setStart.length - 1);
    }
  }
}

/**
 * A decoded view's text, less the insides of its verbatim stretches (text found as it is in the buffer, whose
 * scan read it: a long multipart value, decoded-views.ts). An occurrence that reaches into a stretch's inside
 * lies within the stretch, one char from either end at least, so the buffer holds it with the same chars
 * around it and its scan found it; every other occurrence lies in one of the pieces scanned here, each from
 * state 0 and reaching `longest` chars into the stretches beside it. The same literals are found as by a
 * scan of the whole text, without re-reading the bench's 4 KB upload note (issue 14).
 */
function scanDecodedView(scan: BufferScan, view: DecodedView): void {
  // scanText: the view's text, a JSON body's form with its `&`s as no literal's char (json-as-form.ts).
  const { scanText: text, verbatim } = view;
  const automaton = scan.automaton;
  const margin = automaton.longest;
  let from = 0;
  for (let k = 0; k < verbatim.length; k += 2) {
    const skipFrom = verbatim[k] + margin;
    const skipTo = verbatim[k + 1] - margin;
    if (skipTo <= skipFrom) continue;
    if (skipFrom > from) automaton.scanRange(text, from, skipFrom, 0, scan.onMatch, scan.wordEnd);
    from = skipTo;
  }
  if (from === 0) automaton.scanUnordered(text, scan.onMatch, text.length, scan.wordEnd);
  else if (from < text.length) automaton.scanRange(text, from, text.length, 0, scan.onMatch, scan.wordEnd);
}

export class Prefilter {
  readonly stats: PrefilterStats;
  private readonly scans: BufferScan[] = [];
  /** The body's and raw's literals in one automaton (null: not built); raw's own scan then stops `rawOverlap` chars into the body. */
  private readonly sharedBodyScan: BufferScan | null = null;
  private readonly rawOverlap: number = 0;
  private readonly always: Int32Array;
  /** Rule r's conditions are condStart[r]..condStart[r+1]; condition c's literal ids setStart[c]..setStart[c+1] in setIds. */
  private readonly condStart: Int32Array;
  private readonly setStart: Int32Array;
  private readonly setIds: Int32Array;
  // Scratch of the scans run at once, reused by every request (never shared concurrently). A stepped
  // scan has its own and puts it in `scratch` only while one of its pieces runs, so a request judged
  // between two pieces marks the shared one.
  private readonly shared: PrefilterScratch;
  private scratch: PrefilterScratch;
  /**
   * Raw's automaton also holds the head buffers' literals (null: it does not, the states would not fit
   * its 16-bit table): one scan of raw's head instead of four (issue 14). An occurrence of a head
   * buffer's literal counts only while raw itself is scanned (`headRegionsOn`) and only inside its
   * region, [regionFrom, regionTo) by region number (head-regions.ts).
   */
  private readonly headFold: { regionOf: Uint8Array; lengthOf: Int32Array } | null = null;
  /**
   * Raw's literals holding a char a JSON body's form spells (`[`, `]`, `=`), for the form read by its pieces
   * (json-form-pieces.ts); null when raw has none.
   */
  private readonly formSpellingScan: PieceScan | null = null;
  /**
   * Whether a JSON body's leaves spelled as a form are read by their pieces (json-form-pieces.ts) instead of
   * scanned whole in pkt_data's view: true unless a raw literal holds the byte the form's joints are scanned as.
   * The gate's RequestBuffers then leave that form out of the view the prefilter reads (request-buffers.ts).
   */
  readonly readsJsonFormInPieces: boolean = false;
  private readonly regionFrom = new Int32Array(HEAD_REGION_BUFFERS.length + 1);
  private readonly regionTo = new Int32Array(HEAD_REGION_BUFFERS.length + 1);
  private headRegionsOn = false;

  /**
   * `builtOnly`: throw AutomatonNotBuilt rather than build an automaton no earlier prefilter or
   * `buildAutomatonAhead` built. `collected`: the rules' literals gathered before (in turns, by
   * compileRulesInTurns, which tries again after each automaton it has built: gathering them was
   * ~100-200 ms of each try with a pack set).
   */
  constructor(rules: readonly CompiledRule[], options: { builtOnly?: boolean; collected?: PrefilterLiterals } = {}) {
    const builtOnly = options.builtOnly === true;
    let collected = options.collected;
    if (collected === undefined) {
      collected = new PrefilterLiterals();
      collected.add(rules, 0, rules.length);
    }
    const { buffers, literals, triggers, wordEnds, always, withConditions } = collected;
    this.always = Int32Array.from(always);
    this.condStart = Int32Array.from(collected.condStart);
    this.setStart = Int32Array.from(collected.setStart);
    this.setIds = Int32Array.from(collected.setIds);
    this.shared = new PrefilterScratch(literals.length, rules.length);
    this.scratch = this.shared;
    this.stats = { alwaysEvaluated: always.length, withConditions, automata: [] };

    const triggerLists = triggers.map((t) => (t.length > 0 ? Int32Array.from(t) : null));
    const wordEndOf = Uint8Array.from(wordEnds, (w) => (w ? 1 : 0));
    const perBuffer = new Map<PrefilterBuffer, number[]>();
    for (let id = 0; id < literals.length; id++) {
      const list = perBuffer.get(buffers[id]);
      if (list) list.push(id);
      else perBuffer.set(buffers[id], [id]);
    }
    // One callback per automaton, made once: the scan calls it per occurrence with no allocation. An
    // occurrence of a literal that counts only before a word boundary, followed by a word char, never
    // reaches it: the automaton drops it (wordEndFor), so a later one of the same literal still may count.
    const callbackFor = (globalOf: Int32Array) => (pattern: number): boolean => {
      const id = globalOf[pattern];
      const scratch = this.scratch;
      if (scratch.seen[id] === scratch.epoch) return true;
      scratch.seen[id] = scratch.epoch;
      const rulesOf = triggerLists[id];
      if (rulesOf !== null) for (let i = 0; i < rulesOf.length; i++) this.add(rulesOf[i]);
      return true;
    };
    const wordEndFor = (automaton: AhoCorasick, idList: readonly number[]): WordEndFilter | null => automaton.wordEndFilter(Uint8Array.from(idList, (id) => wordEndOf[id]));
    const built = new Map<string, AhoCorasick>();
    const before = new Set(lastAutomata.values());
    for (const [buffer, idList] of perBuffer) {
      const automaton = automatonFor(idList.map((id) => literals[id]), built, builtOnly);
      const globalOf = Int32Array.from(idList);
      this.scans.push({ slot: buffer === 'headerNames' ? derivedSlot(buffer) : NAMED_BUFFERS.indexOf(buffer), automaton, onMatch: callbackFor(globalOf), wordEnd: wordEndFor(automaton, idList), inRawHead: false });
      this.stats.automata.push({ buffer, patterns: idList.length, states: automaton.stateCount, bytes: automaton.byteSize, reused: before.has(automaton) });
    }
    const rawScan = this.scans.find((s) => s.slot === RAW_SLOT);
    const bodyScan = this.scans.find((s) => s.slot === BODY_SLOT);
    // Same literal ids as the two automata, so a literal seen by the shared scan marks what either would have.
    const sharedIds = rawScan !== undefined && bodyScan !== undefined ? [...perBuffer.get('clientBody')!, ...perBuffer.get('raw')!] : [];
    // The sum of the two bounds the merged automaton; past it, the literals the two share may still keep it
    // within 16-bit cells, so it is counted.
    if (
      rawScan !== undefined &&
      bodyScan !== undefined &&
      (rawScan.automaton.stateCount + bodyScan.automaton.stateCount <= SHARED_BODY_SCAN_MAX_STATES ||
        sharedTrieStates(sharedIds.map((id) => literals[id])) <= SHARED_BODY_SCAN_MAX_STATES)
    ) {
      const automaton = automatonFor(sharedIds.map((id) => literals[id]), built, builtOnly);
      this.sharedBodyScan = { slot: BODY_SLOT, automaton, onMatch: callbackFor(Int32Array.from(sharedIds)), wordEnd: wordEndFor(automaton, sharedIds), inRawHead: false };
      // Raw's scan covers every occurrence that starts before the body: it reads that far into it.
      this.rawOverlap = rawScan.automaton.longest - 1;
      this.stats.automata.push({ buffer: 'clientBody', alsoFor: 'raw', patterns: sharedIds.length, states: automaton.stateCount, bytes: automaton.byteSize, reused: before.has(automaton) });
    }
    const rawIds = perBuffer.get('raw') ?? [];
    if (rawScan !== undefined && readableInPieces(rawIds.map((id) => literals[id]))) {
      this.readsJsonFormInPieces = true;
      const spellingIds = rawIds.filter((id) => FORM_SPELLING_CHARS.test(literals[id]));
      if (spellingIds.length > 0) {
        const automaton = automatonFor(spellingIds.map((id) => literals[id]), built, builtOnly);
        this.formSpellingScan = { automaton, onMatch: callbackFor(Int32Array.from(spellingIds)), wordEnd: wordEndFor(automaton, spellingIds) };
        this.stats.automata.push({ buffer: 'raw', alsoFor: 'jsonFormSpelling', patterns: spellingIds.length, states: automaton.stateCount, bytes: automaton.byteSize, reused: before.has(automaton) });
      }
    }
    const headScans = this.scans.filter((s) => HEAD_SLOTS.includes(s.slot));
    const rawAlone = this.scans.find((s) => s.slot === RAW_SLOT);
    // Merging never adds states, so the sum bounds the merged automaton: built only when it keeps a 16-bit table.
    if (rawAlone !== undefined && headScans.length > 0 && rawAlone.automaton.stateCount + headScans.reduce((n, s) => n + s.automaton.stateCount, 0) <= SHARED_BODY_SCAN_MAX_STATES) {
      const idList = [...perBuffer.get('raw')!];
      const regions = idList.map(() => 0);
      HEAD_REGION_BUFFERS.forEach((buffer, k) => {
        for (const id of perBuffer.get(buffer) ?? []) {
          idList.push(id);
          regions.push(k + 1);
        }
      });
      const automaton = automatonFor(idList.map((id) => literals[id]), built, builtOnly);
      const fold = { regionOf: Uint8Array.from(regions), lengthOf: Int32Array.from(idList, (id) => literals[id].length) };
      this.headFold = fold;
      const onMatch = callbackFor(Int32Array.from(idList));
      const from = this.regionFrom;
      const to = this.regionTo;
      rawAlone.automaton = automaton;
      rawAlone.wordEnd = wordEndFor(automaton, idList);
      rawAlone.onMatch = (pattern, end) => {
        const region = fold.regionOf[pattern];
        // Outside its region an occurrence counts for nothing, and one inside it may still follow.
        if (region !== 0 && (!this.headRegionsOn || end - fold.lengthOf[pattern] < from[region] || end > to[region])) return false;
        return onMatch(pattern);
      };
      for (const scan of headScans) scan.inRawHead = true;
      this.stats.automata.push({ buffer: 'raw', alsoFor: 'rawHeader', patterns: idList.length, states: automaton.stateCount, bytes: automaton.byteSize, reused: before.has(automaton) });
    }
    lastAutomata = built;
    builtAhead = new Map();
  }

  /**
   * Where the body starts in raw when raw ends with it (the inspector builds raw as the head, then the
   * body) and it is long enough to be scanned once for both; -1 otherwise (no shared automaton, a short
   * body, or an inspection whose raw does not end with its body).
   */
  private sharedBodyStart(buffers: RequestBuffers): number {
    if (this.sharedBodyScan === null) return -1;
    const body = buffers.text(BODY_SLOT);
    if (body.length < SHARED_BODY_SCAN_MIN_CHARS) return -1;
    const start = buffers.text(RAW_SLOT).length - body.length;
    return start >= 0 && buffers.rawEndsWithBody() ? start : -1;
  }

  /** Where the head buffers lie in raw (into regionFrom/regionTo); false when raw does not hold them as the inspector lays them out. */
  private findHeadRegions(buffers: RequestBuffers): boolean {
    const [method, rawUri, rawHeader] = HEAD_SLOTS;
    if (buffers.rawLaidOutHere()) {
      headRegionsOfLayout(buffers.text(RAW_SLOT).length, buffers.text(method).length, buffers.text(rawUri).length, buffers.text(rawHeader).length, buffers.text(BODY_SLOT).length, this.regionFrom, this.regionTo);
      return true;
    }
    return findHeadRegions(buffers.text(RAW_SLOT), buffers.text(method), buffers.text(rawUri), buffers.text(rawHeader), this.regionFrom, this.regionTo);
  }

  /**
   * Scans the request's buffers and returns the rules to evaluate fully, in rule order
   * (a view into scratch memory, valid until the next call).
   */
  candidatesFor(buffers: RequestBuffers): Int32Array {
    const scratch = this.shared;
    scratch.begin();
    const bodyStart = this.sharedBodyStart(buffers);
    const headFolded = this.headFold !== null && this.findHeadRegions(buffers);
    for (const scan of this.scans) {
      const text = buffers.text(scan.slot);
      this.headRegionsOn = headFolded && scan.slot === RAW_SLOT;
      // Only which literals occur counts here (the candidates are sorted below), not in what order.
      if (headFolded && scan.inRawHead) {
        // Its literals were (or will be) found by raw's scan, in its region of raw.
      } else if (bodyStart < 0 || (scan.slot !== RAW_SLOT && scan.slot !== BODY_SLOT)) {
        if (text.length > 0) scan.automaton.scanUnordered(text, scan.onMatch, text.length, scan.wordEnd);
      } else if (scan.slot === RAW_SLOT) {
        // Occurrences in raw that start inside the body are the shared scan's (raw's tail is the body).
        scan.automaton.scanUnordered(text, scan.onMatch, Math.min(text.length, bodyStart + this.rawOverlap), scan.wordEnd);
      } else {
        const shared = this.sharedBodyScan!;
        shared.automaton.scanUnordered(text, shared.onMatch, text.length, shared.wordEnd);
      }
      this.headRegionsOn = false;
      // The decoded forms the buffer's rules also match (match/decoded-views.ts); none for most requests.
      const view = buffers.prefilterView(scan.slot);
      if (view !== null && view.scanText.length > 0) scanDecodedView(scan, view);
      // A JSON body's form, which that view then leaves out (json-form-pieces.ts).
      if (scan.slot === RAW_SLOT) {
        const targets = buffers.jsonFormTargets();
        if (targets !== null) scanJsonFormPieces(targets, text, buffers.text(BODY_SLOT).length, scan, this.formSpellingScan);
      }
    }
    return this.keepCandidates(scratch);
  }

  /**
   * The same candidates, the buffers scanned piece by piece with pauses when `clock` says so (a 1 MiB
   * body takes the scan 10–50 ms); returns a list of its own.
   */
  *candidatesInSteps(buffers: RequestBuffers, clock: WorkClock): Steps<Int32Array> {
    const own = new PrefilterScratch(this.shared.seen.length, this.shared.ruleStamp.length);
    own.begin();
    for (const scan of this.scans) {
      for (const text of [buffers.text(scan.slot), buffers.prefilterText(scan.slot)]) {
        let state = 0;
        for (let from = 0; from < text.length; from += SCAN_PIECE) {
          this.scratch = own;
          try {
            state = scan.automaton.scanRange(text, from, Math.min(text.length, from + SCAN_PIECE), state, scan.onMatch, scan.wordEnd);
          } finally {
            this.scratch = this.shared;
          }
          if (clock.dueNow()) yield;
        }
      }
    }
    return this.keepCandidates(own).slice();
  }

  /** Second level: keep the triggered rules whose every condition saw one of its literals, then add those always evaluated. */
  private keepCandidates(scratch: PrefilterScratch): Int32Array {
    this.scratch = scratch;
    try {
      let kept = 0;
      for (let i = 0; i < scratch.count; i++) {
        const r = scratch.candidates[i];
        if (this.conditionsHold(r, scratch)) scratch.candidates[kept++] = r;
      }
      scratch.count = kept;
      for (let i = 0; i < this.always.length; i++) this.add(this.always[i]);
      return scratch.candidates.subarray(0, scratch.count).sort();
    } finally {
      this.scratch = this.shared;
    }
  }

  private add(rule: number): void {
    const scratch = this.scratch;
    if (scratch.ruleStamp[rule] === scratch.epoch) return;
    scratch.ruleStamp[rule] = scratch.epoch;
    scratch.candidates[scratch.count++] = rule;
  }

  private conditionsHold(rule: number, scratch: PrefilterScratch): boolean {
    for (let c = this.condStart[rule]; c < this.condStart[rule + 1]; c++) {
      let any = false;
      for (let k = this.setStart[c]; k < this.setStart[c + 1]; k++) {
        if (scratch.seen[this.setIds[k]] === scratch.epoch) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }
}

/**
 * Whether a literal is selective enough to be a condition. In the URI buffers a shell separator or a
 * quote (`;`, `&&`, `'`, a line break) is too: short, but rare in benign URIs, and the one character
 * many injection pcres need besides an everyday word (9000301: a separator, then `cat` or `sh`).
 */
function conditionLiteral(buffer: PrefilterBuffer, literal: string): boolean {
  if ((buffer === 'uri' || buffer === 'rawUri') && (literal.length === 1 ? rareInUri(literal) : !/[a-z0-9]/i.test(literal) && !isEverydayText(literal))) return true;
  // In a body, `;` alone, or two characters one of which is punctuation (`=1`, `"-2`: a value that
  // starts with a number, 9000117's SQL tail needs one): rare in prose, uploads and most JSON.
  if (buffer === 'clientBody' && (literal.length === 1 ? rareInBody(literal) : /[^a-z0-9]/i.test(literal))) return true;
  // In the raw request, a shell separator (`;`, `&&`, `%3b`): a set of them rules a command-injection
  // rule out of a request without one (an API client's; a browser's User-Agent holds a `;`).
  if (buffer === 'raw' && isSeparatorRun(literal)) return true;
  // In the raw request, an `@` in either spelling (isAtSign): rare outside a form's or a document's address fields.
  if (buffer === 'raw' && isAtSign(literal)) return true;
  // In the raw request, a URL's `://` in any encoding: a rule that needs a URL (9000528) is then no candidate on a head without one.
  if (buffer === 'raw' && isSchemeSeparator(literal)) return true;
  // In the header block, a quote (rareInHeaderBlock): 9000121 then runs only on requests whose headers hold one.
  if (buffer === 'rawHeader' && rareInHeaderBlock(literal)) return true;
  // An everyday literal as long as `http://` still rules out the many requests without it (a scheme set
  // beside 9001323's `page=`), for a callback or two where it occurs.
  const weight = literalWeight(literal);
  return weight >= MIN_CONDITION_WEIGHT && (weight >= EVERYDAY_CONDITION_WEIGHT || !isEverydayText(literal));
}

/**
 * The necessary sets other than the trigger, most selective first. A single header's value is
 * looked for in the raw header block; repeated headers are joined with ", " (cookies "; ") in the
 * value, so a literal holding a separator might only exist across the join and is not used.
 */
function secondLevel(sets: readonly NecessaryLiterals[], trigger: number): NecessaryLiterals[] {
  const out: NecessaryLiterals[] = [];
  const triggerKey = trigger >= 0 ? `${sets[trigger].buffer}\0${sets[trigger].wordEnd}\0${sets[trigger].literals.join('\0')}` : '';
  for (let i = 0; i < sets.length; i++) {
    if (i === trigger) continue;
    const set = sets[i];
    if (set.headerField && set.whole.some((l) => l.includes(',') || l.includes(';'))) continue;
    const literals = [...new Set(set.whole.map((l) => (l.length > MAX_CONDITION_LITERAL ? l.slice(-MAX_CONDITION_LITERAL) : l)))];
    // Short or everyday literals occur in nearly every request: they would rule little out while
    // adding automaton states and a callback per occurrence to every scan.
    if (literals.some((l) => !conditionLiteral(set.buffer, l))) continue;
    if (`${set.buffer}\0${set.wordEnd}\0${literals.join('\0')}` === triggerKey) continue;
    out.push({ ...set, literals, score: setScore(literals) });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, MAX_CONDITIONS);
}
