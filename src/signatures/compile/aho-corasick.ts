/**
 * A case-insensitive, byte-level Aho-Corasick automaton compiled to a dense DFA: one Int32Array row
 * per state, one column per byte class (bytes that appear in no pattern share class 0), so the scan
 * loop is a table lookup per byte with no allocation. Patterns are latin1 strings (one char per byte).
 * A table with 16-bit cells (up to 65,536 states) is built in a WebAssembly module's memory (aho-corasick-wasm.ts)
 * where WebAssembly runs, whose interleaved chains (up to eight, and a walker over their seams) scan texts
 * of 64 chars and more; the JS loops below scan shorter texts on the module's table, a pack set's 32-bit
 * tables, and are the fallback.
 */

import { createWasmScan, WASM_MAX_CHAINS, WASM_SCAN_PIECE, type WasmScan } from './aho-corasick-wasm.js';
import { buildWordBoundaryFilter, STATE_END, STATE_MIXED, STATE_START, WORD_END, WORD_START, type WordEndFilter } from './word-boundary-filter.js';

export { WORD_END, WORD_START, type WordEndFilter } from './word-boundary-filter.js';

export interface AhoCorasick {
  readonly stateCount: number;
  readonly classCount: number;
  /** Length of the longest pattern. */
  readonly longest: number;
  /** What runs the scan loop: a WebAssembly module (16-bit tables where WebAssembly runs) or JS. */
  readonly engine: 'wasm' | 'js';
  /** Approximate heap bytes held by the tables. */
  readonly byteSize: number;
  /**
   * Calls `onMatch(patternIndex, endOffset)` for every occurrence; `endOffset` is one past the last byte.
   * With `wordEnd` (this automaton's `wordEndFilter` or `wordBoundaryFilter`), an occurrence of a pattern
   * it marks is not reported where the char after it (or, marked WORD_START, the char before it) is an
   * ASCII letter, digit or `_`.
   */
  scan(text: string, onMatch: OnMatch, wordEnd?: WordEndFilter | null): void;
  /**
   * The scan of text[from..to) starting in `state` (0 at the start of a text); returns the state to
   * continue from, so a long text scanned piece by piece reports exactly what one scan would.
   */
  scanRange(text: string, from: number, to: number, state: number, onMatch: OnMatch, wordEnd?: WordEndFilter | null): number;
  /**
   * Every occurrence, as `scan` reports them (each once), in no particular order, for callers that only
   * collect which patterns occur: a text is walked by interleaved chains, in WebAssembly up to eight (each
   * from state 0 at its piece, a walker carrying the scan's state over each seam), in JS four for a long
   * text (each from one pattern length before its quarter). `to` (default: the text's length) ends the scan
   * early: occurrences that end after it are not reported.
   */
  scanUnordered(text: string, onMatch: OnMatch, to?: number, wordEnd?: WordEndFilter | null): void;
  /**
   * The filter that drops occurrences of the patterns `flags` marks (1) where a word char follows them,
   * or null when it marks none: for a pcre's literal that every match ends at a `\b` with, "id" in
   * "ridge" (fast-pattern.ts `wordEnd`). Made once per automaton and list of flags; scans take it as an argument.
   */
  wordEndFilter(flags: Uint8Array): WordEndFilter | null;
  /**
   * `wordEndFilter` with flags that may also hold WORD_START: such a pattern's occurrence is dropped where a
   * word char precedes it, the leading literal of a `\b`-anchored word (screen.ts INJECTION_WORDS: "or" in
   * "morning"); `patternLength` (each pattern's length) places such an occurrence's start. Null when no
   * pattern is marked.
   */
  wordBoundaryFilter(flags: Uint8Array, patternLength?: ArrayLike<number>): WordEndFilter | null;
}

/** Whether the char at `at` is an ASCII letter, digit or `_` (a word char for `\b` in RE2, PCRE and V8); false outside the text. */
export function wordCharAt(text: string, at: number): boolean {
  const c = at < text.length && at >= 0 ? text.charCodeAt(at) : 0;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * Texts from this long are scanned as four interleaved chains (`scanUnordered`). A scan's step waits
 * for the previous one (the next state is read from the row the last state picked), so one chain
 * leaves the CPU idle between loads, most of all when the table is out of cache as it is in the proxy;
 * independent chains overlap those waits. On the bench's multipart request (raw and body scans, 9.4 KB)
 * with the caches flushed before each: one chain ~85 µs, two ~70, four ~63 (issue 14).
 */
const SPLIT_SCAN_MIN_CHARS = 1024;
/**
 * A text from this long (and under a module piece) is scanned by the module's interleaved chains
 * (`scanChains`), one per WASM_CHAIN_MIN_CHARS chars up to eight; a shorter one by the JS loop on the
 * module's table. With the caches cold, as in the proxy, a call into the module (the text copied in,
 * the outputs read back) costs ~1 µs more than the JS loop on a short text (session 21: a 3-char method
 * 0.4 -> 1.4 µs), and chains walked side by side save more than that once a text has a few of them:
 * the scans of a bench request with 16 MB written before them (session 38, /tmp harness, load 26)
 * get-query 64 -> 42 µs, json-1k 87 -> 52, form 76 -> 59, multipart 64 -> 48, attack-mix 23 -> 19
 * against four chains from 256 chars (each a pattern's length early) and one below.
 */
const WASM_CHAINS_MIN_CHARS = 64;
/**
 * An ordered scan (`scanRange`) from this long runs in the module as one chain: shorter, the JS loop on
 * the module's table is as quick (one chain over a 171-char request 4.3 µs in JS, 5.7 in the module, cold).
 */
const WASM_PIECE_MIN_CHARS = 256;
/** Chars a chain walks at least: the walker re-reads a few chars past each chain's start (aho-corasick-wasm.ts). */
const WASM_CHAIN_MIN_CHARS = 16;

/** Case folding shared by the automaton and the matcher's nocase search (String#toLowerCase on latin1). */
export const FOLD: Uint8Array = (() => {
  const fold = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const lower = String.fromCharCode(b).toLowerCase();
    fold[b] = lower.length === 1 && lower.charCodeAt(0) < 256 ? lower.charCodeAt(0) : b;
  }
  return fold;
})();

export interface AhoCorasickOptions {
  /** Scan 16-bit tables in WebAssembly where it runs (default true); false keeps the JS loops (tests compare the two). */
  wasm?: boolean;
  /**
   * The caller's `onMatch` returns true for an occurrence after which it needs no other of that pattern
   * in this call (it only collects which patterns occur): a state all of whose outputs said so is not
   * reported again until the next call of `scan`, `scanRange` or `scanUnordered`. The prefilter's scan of
   * the bench's 4.5 KB multipart body reported 422 occurrences of 14 literals (issue 14).
   */
  skipSettled?: boolean;
}

/** Called per occurrence; with `skipSettled`, true means no further occurrence of `pattern` is needed in this call. */
export type OnMatch = (pattern: number, end: number) => unknown;

/** A scan loop over text[from..to) from `state`, reporting through `report`; returns the state reached. */
type ScanRange = (text: string, from: number, to: number, state: number, onMatch: OnMatch, wordEnd: WordEndFilter | null) => number;

/**
 * What a build makes before the scan loops are set up: plain numbers and typed arrays, so a worker
 * thread can build them and transfer them (automaton-build-worker.ts).
 */
export interface AutomatonTables {
  classOf: Uint8Array;
  classCount: number;
  stateCount: number;
  longest: number;
  /** 16-bit cells, states with outputs numbered from `outputBase`; else 32-bit, complemented when a state has outputs. */
  narrow: boolean;
  outputBase: number;
  table: Uint16Array | Int32Array;
  outStart: Int32Array;
  outList: Int32Array;
  outNext: Int32Array;
}

/** Where a build writes its narrow table (a WebAssembly module's memory), or null for an array of its own. */
type TableIn = (narrow: boolean, cellCount: number, classOf: Uint8Array, classCount: number, outputBase: number) => Uint16Array | null;

export function buildAhoCorasick(patterns: readonly string[], options: AhoCorasickOptions = {}): AhoCorasick {
  let wasmScan: WasmScan | null = null;
  // A narrow table is built in the module's memory: no copy of it is made.
  const tables = buildTables(patterns, (narrow, cellCount, classOf, classCount, outputBase) => {
    wasmScan = narrow && options.wasm !== false ? createWasmScan(cellCount, classOf, classCount, outputBase) : null;
    return wasmScan?.cells ?? null;
  });
  return automatonFrom(tables, wasmScan, options);
}

/** The tables of `buildAhoCorasick(patterns)`, in arrays of their own (a worker thread's build). */
export function buildAutomatonTables(patterns: readonly string[]): AutomatonTables {
  return buildTables(patterns, () => null);
}

/** The automaton of tables built elsewhere (buildAutomatonTables): a narrow table is copied into a WebAssembly module's memory where it runs. */
export function automatonOfTables(tables: AutomatonTables, options: AhoCorasickOptions = {}): AhoCorasick {
  const wasmScan = tables.narrow && options.wasm !== false ? createWasmScan(tables.stateCount * tables.classCount, tables.classOf, tables.classCount, tables.outputBase) : null;
  if (wasmScan === null) return automatonFrom(tables, null, options);
  wasmScan.cells.set(tables.table);
  return automatonFrom({ ...tables, table: wasmScan.cells }, wasmScan, options);
}

function buildTables(patterns: readonly string[], tableIn: TableIn): AutomatonTables {
  // Byte classes: each distinct folded byte used by a pattern gets its own class.
  const classOf = new Uint8Array(256);
  let classCount = 1;
  const classOfFolded = new Int16Array(256).fill(-1);
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const f = FOLD[p.charCodeAt(i) & 0xff];
      if (classOfFolded[f] < 0) classOfFolded[f] = classCount++;
    }
  }
  for (let b = 0; b < 256; b++) classOf[b] = Math.max(0, classOfFolded[FOLD[b]]);

  // The trie of byte classes (SiblingTrie); the dense table is allocated once, at its final size, below.
  const trie = new SiblingTrie();
  let longest = 0;
  // The state each pattern ends in; a state's own outputs are the patterns ending there, in order.
  const endOf = new Int32Array(patterns.length);
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi];
    if (p.length > longest) longest = p.length;
    let s = 0;
    for (let i = 0; i < p.length; i++) s = trie.step(s, classOf[p.charCodeAt(i) & 0xff]);
    endOf[pi] = s;
  }
  const { firstChild, nextSibling, label, states: stateCount } = trie;

  const ownCount = new Int32Array(stateCount);
  for (let pi = 0; pi < patterns.length; pi++) ownCount[endOf[pi]]++;

  // Failure links on the trie itself, breadth-first: a child's failure state is the deepest state its
  // parent's failure chain reaches by the child's byte class. Walked on the sibling lists (the root's
  // children in a dense row), so no table of trie numbers is built besides the final one: a pack set's
  // 59,000-state, 201-class automaton built a 47 MB table of trie numbers and rewrote it cell by cell
  // into the 16-bit one, ~0.5 s of a reload's stall on the event loop (issue 18).
  const rootChild = new Int32Array(classCount);
  for (let t = firstChild[0]; t >= 0; t = nextSibling[t]) rootChild[label[t]] = t;
  const fail = new Int32Array(stateCount);
  // Nearest state down the failure chain that has its own outputs (a "dictionary suffix link").
  const outLink = new Int32Array(stateCount).fill(-1);
  // Every state but the root, breadth-first, each parent's children in sibling-list order.
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let t = firstChild[0]; t >= 0; t = nextSibling[t]) queue[tail++] = t;
  while (head < tail) {
    const s = queue[head++];
    const f = fail[s];
    outLink[s] = ownCount[f] > 0 ? f : outLink[f];
    for (let t = firstChild[s]; t >= 0; t = nextSibling[t]) {
      const c = label[t];
      let g = s;
      let next = -1;
      // Down the chain from s's failure state until a state has a child by c; the root always answers
      // (its child, or itself).
      do {
        g = fail[g];
        next = g === 0 ? rootChild[c] : trie.child(g, c);
      } while (next < 0);
      fail[t] = next;
      queue[tail++] = t;
    }
  }

  // The transition table a scan reads, one cell per byte: the next state, which also says whether it
  // has outputs (one memory read per byte, not two). 16-bit cells while the states fit, which halves the
  // table: the bundled rules' raw automaton is 9,049 states x 85 classes, 1.5 MB instead of 3. A narrow
  // table numbers the states with outputs last, so "has outputs" is `state >= outputBase` and all 16
  // bits number states (65,536; a flag bit left 32,768, which the bundled rules' body-and-raw automaton
  // outgrew: prefilter.ts). In the proxy the table is mostly out of the CPU's caches when a
  // request's scan starts (the request's parsing, forwarding and logging ran since the last one), so
  // each byte scanned costs a cache line; a smaller table keeps more of it cached (issue 14).
  const narrow = stateCount <= MAX_NARROW_STATES;
  // Narrow tables number the states breadth-first (the queue's order; those without outputs first, then
  // those with), so the rows of the shallow states a scan of benign text mostly stays in are packed
  // together; a wide one (a pack set's) keeps the trie's numbering.
  const hasOutput = (old: number): boolean => ownCount[old] > 0 || outLink[old] >= 0;
  const idOf = new Int32Array(stateCount);
  const oldOf = new Int32Array(stateCount);
  // Narrow: the root, the states without outputs, then those with (each breadth-first). The root is
  // state 0 (every scan starts there); it has outputs only with an empty pattern, and then so has every state.
  let outputBase = hasOutput(0) ? 0 : stateCount;
  if (narrow) {
    let next = 1;
    for (let k = 0; k < tail; k++) if (!hasOutput(queue[k])) idOf[queue[k]] = next++;
    if (outputBase > 0) outputBase = next;
    for (let k = 0; k < tail; k++) if (hasOutput(queue[k])) idOf[queue[k]] = next++;
    for (let old = 0; old < stateCount; old++) oldOf[idOf[old]] = old;
  } else {
    for (let k = 0; k < tail; k++) {
      idOf[queue[k]] = queue[k];
      oldOf[queue[k]] = queue[k];
    }
  }
  // A state's cell value by its trie number: its final number (a wide one complemented when it has outputs).
  const cellOf = new Int32Array(stateCount);
  for (let old = 0; old < stateCount; old++) cellOf[old] = narrow ? idOf[old] : hasOutput(old) ? ~old : old;

  // Outputs by final id: outStart[s]..outStart[s+1] in outList, then the dictionary link.
  const outStart = new Int32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) outStart[s + 1] = outStart[s] + ownCount[oldOf[s]];
  const outList = new Int32Array(outStart[stateCount]);
  const filled = outStart.slice(0, stateCount);
  for (let pi = 0; pi < patterns.length; pi++) outList[filled[idOf[endOf[pi]]]++] = pi;
  const outNext = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) outNext[s] = outLink[oldOf[s]] < 0 ? -1 : idOf[outLink[oldOf[s]]];

  // Rows breadth-first: a state's row is its failure state's (complete: it is shallower), its own
  // children's columns overwritten. One block copy per row, in the final cells.
  const table = tableIn(narrow, stateCount * classCount, classOf, classCount, outputBase) ?? (narrow ? new Uint16Array(stateCount * classCount) : new Int32Array(stateCount * classCount));
  table.fill(cellOf[0], 0, classCount);
  for (let t = firstChild[0]; t >= 0; t = nextSibling[t]) table[label[t]] = cellOf[t];
  for (let k = 0; k < tail; k++) {
    const s = queue[k];
    const row = idOf[s] * classCount;
    const failRow = idOf[fail[s]] * classCount;
    table.copyWithin(row, failRow, failRow + classCount);
    for (let t = firstChild[s]; t >= 0; t = nextSibling[t]) table[row + label[t]] = cellOf[t];
  }
  return { classOf, classCount, stateCount, longest, narrow, outputBase, table, outStart, outList, outNext };
}

function automatonFrom(tables: AutomatonTables, wasmScan: WasmScan | null, options: AhoCorasickOptions): AhoCorasick {
  const { classOf, classCount, stateCount, longest, narrow, outputBase, table, outStart, outList, outNext } = tables;
  // With skipSettled, `settledIn[s] === call` once every output of state s (its own and down the
  // dictionary links) was settled in the current call; `call` numbers the scan calls.
  const settledIn = options.skipSettled === true ? new Uint32Array(stateCount) : null;
  let call = 0;
  const beginCall = (): void => {
    if (settledIn === null) return;
    call = (call + 1) >>> 0;
    if (call === 0) {
      // A new number makes every older mark stale without clearing them; cleared once on wrapping.
      settledIn.fill(0);
      call = 1;
    }
  };

  const report = (s: number, end: number, onMatch: OnMatch, text: string, wordEnd: WordEndFilter | null): void => {
    // A settled state is not reported again in the call, whatever the filter would keep of it.
    if (settledIn !== null && settledIn[s] === call) return;
    if (wordEnd !== null) {
      if (wordEnd.starts !== null) {
        if (droppedAtBoundary(s, end, onMatch, text, wordEnd)) return;
      } else if (wordCharAt(text, end)) {
        // The char after the occurrence first: the text was just scanned, the filter's table may not be in cache.
        const kind = wordEnd.states[s - wordEnd.stateBase];
        // None of the state's outputs counts here (STATE_END), or only those not marked: none is settled by it.
        if (kind === STATE_MIXED) reportUnmarked(s, end, onMatch, wordEnd.patterns);
        if (kind !== 0) return;
      }
    }
    if (settledIn !== null) {
      let settled = true;
      for (let o = s; o >= 0; o = outNext[o]) {
        for (let k = outStart[o]; k < outStart[o + 1]; k++) if (onMatch(outList[k], end) !== true) settled = false;
      }
      if (settled) settledIn[s] = call;
      return;
    }
    for (let o = s; o >= 0; o = outNext[o]) {
      for (let k = outStart[o]; k < outStart[o + 1]; k++) onMatch(outList[k], end);
    }
  };
  const reportUnmarked = (s: number, end: number, onMatch: OnMatch, marked: Uint8Array): void => {
    for (let o = s; o >= 0; o = outNext[o]) {
      for (let k = outStart[o]; k < outStart[o + 1]; k++) if (marked[outList[k]] === 0) onMatch(outList[k], end);
    }
  };
  /** Whether an output of `pattern` ending at `end` is outside the word boundary its flags ask for. */
  const outOfBoundary = (pattern: number, end: number, text: string, filter: WordEndFilter): boolean => {
    const flags = filter.patterns[pattern];
    return ((flags & WORD_END) !== 0 && wordCharAt(text, end)) || ((flags & WORD_START) !== 0 && wordCharAt(text, end - filter.starts!.patternLength[pattern] - 1));
  };
  /**
   * A filter with WORD_START patterns: true when some output of state `s` does not count at `end`, the others
   * then reported here (none settled); false when all count (the caller reports them as usual).
   */
  const droppedAtBoundary = (s: number, end: number, onMatch: OnMatch, text: string, filter: WordEndFilter): boolean => {
    const kind = filter.states[s - filter.stateBase];
    if (kind === 0) return false;
    if (kind === STATE_START) return wordCharAt(text, end - filter.starts!.startLength[s - filter.stateBase] - 1);
    if (kind === STATE_END) return wordCharAt(text, end);
    let dropped = false;
    for (let o = s; o >= 0 && !dropped; o = outNext[o]) {
      for (let k = outStart[o]; k < outStart[o + 1]; k++) if (outOfBoundary(outList[k], end, text, filter)) dropped = true;
    }
    if (!dropped) return false;
    for (let o = s; o >= 0; o = outNext[o]) {
      for (let k = outStart[o]; k < outStart[o + 1]; k++) if (!outOfBoundary(outList[k], end, text, filter)) onMatch(outList[k], end);
    }
    return true;
  };
  const wordBoundaryFilter = (flags: Uint8Array, patternLength?: ArrayLike<number>): WordEndFilter | null =>
    buildWordBoundaryFilter({ stateCount, stateBase: narrow ? outputBase : 0, outStart, outList, outNext }, flags, patternLength);
  const wordEndFilter = (flags: Uint8Array): WordEndFilter | null => wordBoundaryFilter(flags.map((f) => (f === 1 ? WORD_END : 0)));
  const scanShort = wasmScan !== null ? scanNarrow(wasmScan.cells) : null;
  const scanSplitShort = wasmScan !== null ? splitNarrow(wasmScan.cells, scanShort!) : null;
  const scanRange = wasmScan !== null ? scanInWasm(wasmScan, scanShort!) : narrow ? scanNarrow(table as Uint16Array) : scanWide(table as Int32Array);
  // With WebAssembly the JS loops read the module's table (one table in the caches, not two).
  const scanSplit = wasmScan !== null ? null : narrow ? splitNarrow(table as Uint16Array, scanRange) : splitWide(table as Int32Array, scanRange);
  return {
    stateCount,
    classCount,
    engine: wasmScan !== null ? 'wasm' : 'js',
    byteSize: table.byteLength + outStart.byteLength + outList.byteLength + outNext.byteLength + (settledIn?.byteLength ?? 0),
    scan(text, onMatch, wordEnd = null) {
      beginCall();
      scanRange(text, 0, text.length, 0, onMatch, wordEnd);
    },
    scanRange(text, from, to, state, onMatch, wordEnd = null) {
      beginCall();
      return scanRange(text, from, to, state, onMatch, wordEnd);
    },
    longest,
    scanUnordered(text, onMatch, to = text.length, wordEnd = null) {
      beginCall();
      if (wasmScan !== null) {
        if (to < WASM_CHAINS_MIN_CHARS || longest === 0) scanShort!(text, 0, to, 0, onMatch, wordEnd);
        else if (to > WASM_SCAN_PIECE) scanSplitShort!(text, to, onMatch, wordEnd);
        else {
          wasmScan.scanChains(text, to, Math.min(WASM_MAX_CHAINS, Math.floor(to / WASM_CHAIN_MIN_CHARS)));
          reportChainWords(onMatch, text, wordEnd);
        }
      } else if (to < SPLIT_SCAN_MIN_CHARS || longest >= to >> 3) scanRange(text, 0, to, 0, onMatch, wordEnd);
      else scanSplit!(text, to, onMatch, wordEnd);
    },
    wordEndFilter,
    wordBoundaryFilter,
  };

  /**
   * The output words of the module's last scan, each an occurrence ending at `offset +` its end. A state
   * settled in this call is passed over here, without a call: the module writes a word for every output
   * state it reaches, and a long body reaches its everyday literals' states again and again (the bench's
   * 4.5 KB multipart body: ~420 words, ~110 of them reported; issue 14).
   */
  function reportWords(offset: number, onMatch: OnMatch, text: string, wordEnd: WordEndFilter | null): void {
    const words = wasmScan!.words;
    const end = wasmScan!.outputEnd;
    for (let k = wasmScan!.firstOutput; k < end; k++) {
      const s = words[k] >>> 16;
      if (settledIn !== null && settledIn[s] === call) continue;
      report(s, offset + (words[k] & 0xffff), onMatch, text, wordEnd);
    }
  }

  /** reportWords after `scanChains`: a chain's word that the walker found short of the scan's state is passed over (the walker stored the right one). */
  function reportChainWords(onMatch: OnMatch, text: string, wordEnd: WordEndFilter | null): void {
    const words = wasmScan!.words;
    const end = wasmScan!.outputEnd;
    for (let k = wasmScan!.firstOutput; k < end; k++) {
      const word = words[k];
      const s = word >>> 16;
      if ((settledIn !== null && settledIn[s] === call) || !wasmScan!.chainWordCounts(word)) continue;
      report(s, word & 0xffff, onMatch, text, wordEnd);
    }
  }

  function scanInWasm(wasmScan: WasmScan, short: ScanRange): ScanRange {
    return (text, from, to, state, onMatch, wordEnd) => {
      if (to - from < WASM_PIECE_MIN_CHARS) return short(text, from, to, state, onMatch, wordEnd);
      let s = state;
      for (let start = from; start < to; start += WASM_SCAN_PIECE) {
        s = wasmScan.scanPiece(text, start, Math.min(to - start, WASM_SCAN_PIECE), s);
        reportWords(start, onMatch, text, wordEnd);
      }
      return s;
    };
  }

  function scanNarrow(cells: Uint16Array): ScanRange {
    return (text, from, to, state, onMatch, wordEnd) => {
      let s = state;
      for (let i = from; i < to; i++) {
        s = cells[s * classCount + classOf[text.charCodeAt(i) & 0xff]];
        if (s >= outputBase) report(s, i + 1, onMatch, text, wordEnd);
      }
      return s;
    };
  }

  function scanWide(cells: Int32Array): ScanRange {
    return (text, from, to, state, onMatch, wordEnd) => {
      let s = state;
      for (let i = from; i < to; i++) {
        const v = cells[s * classCount + classOf[text.charCodeAt(i) & 0xff]];
        if (v >= 0) s = v;
        else {
          s = ~v;
          report(s, i + 1, onMatch, text, wordEnd);
        }
      }
      return s;
    };
  }

  // Four chains walk the four quarters of the text side by side, each from state 0; chain c > 0
  // starts `longest - 1` chars before its quarter, so every occurrence ending in its quarter starts
  // inside its walk (an automaton started that early is in the state one started at 0 would be, as far
  // as occurrences ending from there on go), and reports only those: each occurrence once. A split
  // scan is only run when the longest pattern is under an eighth of the text (scanUnordered), so every
  // chain is inside its quarter by the loop's end, and `tail` (scanRange) reports all it finds. The
  // text is text[0..n).
  function splitNarrow(cells: Uint16Array, tail: ScanRange): (text: string, n: number, onMatch: OnMatch, wordEnd: WordEndFilter | null) => void {
    return (text, n, onMatch, wordEnd) => {
      const q = n >> 2;
      const e1 = q;
      const e2 = 2 * q;
      const e3 = 3 * q;
      let p1 = e1 - longest + 1;
      let p2 = e2 - longest + 1;
      let p3 = e3 - longest + 1;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < q; i++, p1++, p2++, p3++) {
        s0 = cells[s0 * classCount + classOf[text.charCodeAt(i) & 0xff]];
        s1 = cells[s1 * classCount + classOf[text.charCodeAt(p1) & 0xff]];
        s2 = cells[s2 * classCount + classOf[text.charCodeAt(p2) & 0xff]];
        s3 = cells[s3 * classCount + classOf[text.charCodeAt(p3) & 0xff]];
        if (s0 >= outputBase) report(s0, i + 1, onMatch, text, wordEnd);
        if (s1 >= outputBase && p1 >= e1) report(s1, p1 + 1, onMatch, text, wordEnd);
        if (s2 >= outputBase && p2 >= e2) report(s2, p2 + 1, onMatch, text, wordEnd);
        if (s3 >= outputBase && p3 >= e3) report(s3, p3 + 1, onMatch, text, wordEnd);
      }
      // Chains 1 and 2 end `longest - 1` chars short of their quarter's end, chain 3 of the text's.
      tail(text, p1, e2, s1, onMatch, wordEnd);
      tail(text, p2, e3, s2, onMatch, wordEnd);
      tail(text, p3, n, s3, onMatch, wordEnd);
    };
  }

  function splitWide(cells: Int32Array, tail: ScanRange): (text: string, n: number, onMatch: OnMatch, wordEnd: WordEndFilter | null) => void {
    return (text, n, onMatch, wordEnd) => {
      const q = n >> 2;
      const e1 = q;
      const e2 = 2 * q;
      const e3 = 3 * q;
      let p1 = e1 - longest + 1;
      let p2 = e2 - longest + 1;
      let p3 = e3 - longest + 1;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < q; i++, p1++, p2++, p3++) {
        const v0 = cells[s0 * classCount + classOf[text.charCodeAt(i) & 0xff]];
        const v1 = cells[s1 * classCount + classOf[text.charCodeAt(p1) & 0xff]];
        const v2 = cells[s2 * classCount + classOf[text.charCodeAt(p2) & 0xff]];
        const v3 = cells[s3 * classCount + classOf[text.charCodeAt(p3) & 0xff]];
        s0 = v0 < 0 ? ~v0 : v0;
        s1 = v1 < 0 ? ~v1 : v1;
        s2 = v2 < 0 ? ~v2 : v2;
        s3 = v3 < 0 ? ~v3 : v3;
        if (v0 < 0) report(s0, i + 1, onMatch, text, wordEnd);
        if (v1 < 0 && p1 >= e1) report(s1, p1 + 1, onMatch, text, wordEnd);
        if (v2 < 0 && p2 >= e2) report(s2, p2 + 1, onMatch, text, wordEnd);
        if (v3 < 0 && p3 >= e3) report(s3, p3 + 1, onMatch, text, wordEnd);
      }
      tail(text, p1, e2, s1, onMatch, wordEnd);
      tail(text, p2, e3, s2, onMatch, wordEnd);
      tail(text, p3, n, s3, onMatch, wordEnd);
    };
  }
}

/**
 * How many states `buildAhoCorasick(patterns)` makes (the root included), counted on its trie alone
 * (no table): whether a merged automaton would keep 16-bit cells is known before it is built. The
 * sum of the parts' counts only bounds it: literals the parts share (a body's and the raw request's
 * `%2e` spellings) share states.
 */
export function trieStateCount(patterns: readonly string[]): number {
  // The automaton's own trie (a Map keyed by state and byte took 2-3x as long on a pack set's merged
  // literals: 20 -> 8 ms warm, 0.14 s in a reload's profile).
  const trie = new SiblingTrie();
  for (const p of patterns) {
    let s = 0;
    for (let i = 0; i < p.length; i++) s = trie.step(s, FOLD[p.charCodeAt(i) & 0xff]);
  }
  return trie.states;
}

/** States a table of 16-bit cells can number (the states with outputs numbered last, so no flag bit). */
export const MAX_NARROW_STATES = 0x10000;

/**
 * A trie as sibling lists in typed arrays (first child, next sibling and label per state; the root is 0),
 * grown by doubling: a pack set's uri trie has ~72,000 states, and growing a dense table by doubling
 * touched ~4x the final table's memory (1.4 s of the load on a shared 2-core machine, where fresh pages
 * are slow). The automaton's dense table is allocated once, at its final size, from it.
 */
class SiblingTrie {
  firstChild: Int32Array = new Int32Array(1024).fill(-1);
  nextSibling: Int32Array = new Int32Array(1024).fill(-1);
  label: Uint8Array = new Uint8Array(1024);
  states = 1;

  /** The child of `s` labelled `c`, or -1. */
  child(s: number, c: number): number {
    let t = this.firstChild[s];
    while (t >= 0 && this.label[t] !== c) t = this.nextSibling[t];
    return t;
  }

  /** The state `s` goes to on `c`, made (as `s`'s first child) when there is none. */
  step(s: number, c: number): number {
    let t = this.child(s, c);
    if (t >= 0) return t;
    if (this.states === this.label.length) this.grow();
    t = this.states++;
    this.label[t] = c;
    this.nextSibling[t] = this.firstChild[s];
    this.firstChild[s] = t;
    return t;
  }

  private grow(): void {
    const capacity = this.label.length * 2;
    const widen = (array: Int32Array): Int32Array => {
      const grown = new Int32Array(capacity).fill(-1);
      grown.set(array);
      return grown;
    };
    this.firstChild = widen(this.firstChild);
    this.nextSibling = widen(this.nextSibling);
    const label = new Uint8Array(capacity);
    label.set(this.label);
    this.label = label;
  }
}
