/**
 * The automaton's scan loop (aho-corasick.ts, 16-bit tables) as a tiny WebAssembly module. In JS each
 * scanned byte costs a `charCodeAt`, bounds checks on two typed arrays and a multiply: ~1.9 ns a byte
 * even with a table of a few KB (the bench's 4.5 KB multipart body: 8 µs with 10 patterns, 16 µs with
 * the bundled rules' table, caches warm, four chains). Compiled from these bytes, the same loop reads
 * the text from the module's memory with no check beyond the memory's own: 3.6-4.2 µs with the small
 * tables, 7.5 µs with the bundled rules' (issue 14).
 *
 * Written out byte by byte (as embedding-sum-wasm.ts): no toolchain, nothing to fetch.
 *   scan(base, p, end, s, out, rowBytes) -> s: for each byte b at p..end: s = cell[s][class[b]];
 *     when s is an output state (s >= the first output state's number, stored at address 16: the
 *     automaton numbers the states with outputs last), store the word s << 16 | p - base + 1 at
 *     out, out += 4. The last out is stored at address 0.
 *   chains2..chains8(...): that many chains side by side over a text cut in as many pieces, each but the
 *     first from state 0 at its piece's start, writing each state it reaches to the trail as well.
 *   walk(...): the scan's own state carried over each piece's start, until it meets the piece's chain
 *     (`scanChains`). Together they report each occurrence once, as one chain would, without starting
 *     each chain a pattern's length early (issue 14: a cold scan is a chain of dependent misses, and
 *     independent chains overlap them).
 * Memory: [0, 4) the last out, [16, 20) the first output state, [64, 320) the byte classes, then a call's
 * text (one byte per char: its UTF-16 unit's low byte, as `charCodeAt(i) & 0xff`), trail (one u16 per
 * char) and output words, each right after the other (AREA_AT), then the table (one u16 per cell,
 * row-major).
 */

import { BLOCK, BR, BR_IF, END, I32, I32_ADD, I32_CONST, I32_GE_U, I32_MUL, I32_SHL, LOCAL_GET, LOCAL_SET, LOOP, PAGE, VOID, instantiateWithMemory, moduleOf, name, section, sleb, uleb } from '../../wasm/module-writer.js';

/** Chars a call scans at most: a match's end inside the piece fits in 16 bits of an output word. */
export const WASM_SCAN_PIECE = 32_768;
const CLASSES_AT = 64;
/**
 * A call's text, then its trail (`scanChains`), then its output words, each right after the one before
 * for the call's length: a short text's call touches one or two pages besides the table's, the page of
 * the byte classes among them. With the caches cold, as in the proxy, each page is a TLB miss (session 37).
 */
const AREA_AT = 320;
/** The area's size: a piece's text, its trail (a u16 a char) and its words (two a char at most), and alignment. */
const AREA_BYTES = WASM_SCAN_PIECE * (1 + 2 + 8) + 64;
const TABLE_AT = AREA_AT + AREA_BYTES;
// Opcodes only this module uses.
const I32_LOAD = 0x28;
const I32_LOAD8_U = 0x2d;
const I32_LOAD16_U = 0x2f;
const I32_STORE = 0x36;
const I32_SUB = 0x6b;
const I32_AND = 0x71;
const I32_OR = 0x72;
const I32_EQ = 0x46;
const I32_STORE16 = 0x3b;
const IF = 0x04;

const get = (i: number): number[] => [LOCAL_GET, i];
const set = (i: number): number[] => [LOCAL_SET, i];
const int = (v: number): number[] => [I32_CONST, ...sleb(v)];

/** Where the first output state's number is kept (memory, read once per call into a local). */
const OUTPUT_BASE_AT = 16;

/**
 * One step of a chain: s = cell[s][class[byte at p]]; on an output state (s >= outputBase, and, with
 * `from`, only once p >= from) the word s << 16 | p - base + 1 is stored at out; p += 1.
 */
function step(base: number, p: number, s: number, rowBytes: number, out: number, outputBase: number, from: number | null): number[] {
  return [
    ...get(s), ...get(rowBytes), I32_MUL,
    ...get(p), I32_LOAD8_U, 0, 0,
    I32_LOAD8_U, 0, ...uleb(CLASSES_AT),
    ...int(1), I32_SHL,
    I32_ADD,
    I32_LOAD16_U, 1, ...uleb(TABLE_AT),
    ...set(s),
    ...get(s), ...get(outputBase), I32_GE_U,
    ...(from === null ? [] : [...get(p), ...get(from), I32_GE_U, I32_AND]),
    IF, VOID,
    ...get(out),
    ...get(s), ...int(16), I32_SHL,
    ...get(p), ...get(base), I32_SUB, ...int(1), I32_ADD,
    I32_OR,
    I32_STORE, 2, 0,
    ...get(out), ...int(4), I32_ADD, ...set(out),
    END,
    ...get(p), ...int(1), I32_ADD, ...set(p),
  ];
}

/** The most chains `scanChains` walks side by side. */
export const WASM_MAX_CHAINS = 8;

/**
 * One step of a chain that also writes the state it reaches to the trail, at `p * 2 + trailDelta`
 * (the trail holds one u16 per char of the text piece): the walker (`walk`) compares its own state
 * with it.
 */
function trailStep(base: number, p: number, s: number, rowBytes: number, out: number, outputBase: number, trailDelta: number): number[] {
  const body = step(base, p, s, rowBytes, out, outputBase, null);
  // Before `p += 1` (the step's last seven bytes): trail[p] = s.
  const advance = body.splice(body.length - 7);
  return [...body, ...get(p), ...int(1), I32_SHL, ...get(trailDelta), I32_ADD, ...get(s), I32_STORE16, 1, 0, ...advance];
}

/**
 * chainsK(base, p0, end0, p1, rowBytes, out, trailDelta, s0) -> s0: k chains side by side until p0
 * reaches end0; chain 0 from `s0` at p0, chain c > 0 from state 0 at p1 + (c - 1) * (end0 - p0),
 * writing its states to the trail. The last out is stored at address 0.
 * Locals: 8 the first output state, 9 the chains' length, then each chain's p and s.
 */
function chainsFunction(k: number): number[] {
  const p = (c: number): number => (c === 0 ? 1 : 10 + 2 * (c - 1));
  const s = (c: number): number => (c === 0 ? 7 : 11 + 2 * (c - 1));
  const init: number[] = [...get(2), ...get(1), I32_SUB, ...set(9), ...get(3), ...set(p(1))];
  for (let c = 2; c < k; c++) init.push(...get(p(c - 1)), ...get(9), I32_ADD, ...set(p(c)));
  const steps: number[] = [...step(0, p(0), s(0), 4, 5, 8, null)];
  for (let c = 1; c < k; c++) steps.push(...trailStep(0, p(c), s(c), 4, 5, 8, 6));
  return [
    ...[1, 2 + 2 * (k - 1), I32],
    ...int(0), I32_LOAD, 2, ...uleb(OUTPUT_BASE_AT), ...set(8),
    ...init,
    BLOCK, VOID, LOOP, VOID,
    ...get(1), ...get(2), I32_GE_U, BR_IF, 1,
    ...steps,
    BR, 0,
    END, END,
    ...int(0), ...get(5), I32_STORE, 2, 0,
    ...get(7),
    END,
  ];
}

/**
 * walk(base, p, end, q, s, out, rowBytes, trailDelta): the scan from p (chain 1's start) to end in
 * state s (chain 0's last), comparing at each char its state with the trail's (the chain that walked
 * that char from state 0 at its start). Where they differ the chain's state was short of the scan's
 * (it started too late to see an occurrence begin before its start): the walker's state is written
 * over the trail's and its output word stored. Where they meet the chain is right from there on: the
 * walker jumps to the next chain's start (chains are q chars) in the state that chain ended its own
 * in. So it reads each char once at most, and only a few past each chain's start on everyday text.
 * Locals: 8 the first output state, 9 the end of the chain whose char p is, 10 the trail's address.
 */
function walkFunction(): number[] {
  const trailAt = [...get(1), ...int(1), I32_SHL, ...get(7), I32_ADD];
  return [
    ...[1, 3, I32],
    ...int(0), I32_LOAD, 2, ...uleb(OUTPUT_BASE_AT), ...set(8),
    ...get(1), ...get(3), I32_ADD, ...set(9),
    BLOCK, VOID, LOOP, VOID,
    ...get(1), ...get(2), I32_GE_U, BR_IF, 1,
    ...get(4), ...get(6), I32_MUL,
    ...get(1), I32_LOAD8_U, 0, 0,
    I32_LOAD8_U, 0, ...uleb(CLASSES_AT),
    ...int(1), I32_SHL,
    I32_ADD,
    I32_LOAD16_U, 1, ...uleb(TABLE_AT),
    ...set(4),
    ...trailAt, ...set(10),
    ...get(4), ...get(10), I32_LOAD16_U, 1, 0, I32_EQ,
    IF, VOID,
    // Met: on to the next chain, in the state its chain ended in.
    ...get(9), ...set(1),
    ...get(1), ...get(2), I32_GE_U, BR_IF, 2,
    ...trailAt, ...int(2), I32_SUB, I32_LOAD16_U, 1, 0, ...set(4),
    ...get(9), ...get(3), I32_ADD, ...set(9),
    BR, 1,
    END,
    ...get(10), ...get(4), I32_STORE16, 1, 0,
    ...get(4), ...get(8), I32_GE_U,
    IF, VOID,
    ...get(5),
    ...get(4), ...int(16), I32_SHL,
    ...get(1), ...get(0), I32_SUB, ...int(1), I32_ADD,
    I32_OR,
    I32_STORE, 2, 0,
    ...get(5), ...int(4), I32_ADD, ...set(5),
    END,
    ...get(1), ...int(1), I32_ADD, ...set(1),
    ...get(1), ...get(9), I32_EQ,
    IF, VOID,
    ...get(9), ...get(3), I32_ADD, ...set(9),
    END,
    BR, 0,
    END, END,
    ...int(0), ...get(5), I32_STORE, 2, 0,
    END,
  ];
}

function moduleBytes(): Uint8Array {
  // scan(base, p, end, s, out, rowBytes) -> s; locals: 6 the first output state.
  const scan = [
    ...[1, 1, I32],
    ...int(0), I32_LOAD, 2, ...uleb(OUTPUT_BASE_AT), ...set(6),
    BLOCK, VOID, LOOP, VOID,
    ...get(1), ...get(2), I32_GE_U, BR_IF, 1,
    ...step(0, 1, 3, 5, 4, 6, null),
    BR, 0,
    END, END,
    ...int(0), ...get(4), I32_STORE, 2, 0,
    ...get(3),
    END,
  ];
  // Functions: 0 scan, 1 walk, 2.. chains2..chainsMax (types: 0 six i32 -> i32, 1 eight i32 -> void, 2 eight i32 -> i32).
  const chains = Array.from({ length: WASM_MAX_CHAINS - 1 }, (_, i) => chainsFunction(i + 2));
  const bodies = [scan, walkFunction(), ...chains];
  const exports = [['scan', 0], ['walk', 1], ...chains.map((_, i) => [`chains${i + 2}`, i + 2] as const)] as const;
  return moduleOf(
    section(1, [3, 0x60, 6, ...Array<number>(6).fill(I32), 1, I32, 0x60, 8, ...Array<number>(8).fill(I32), 0, 0x60, 8, ...Array<number>(8).fill(I32), 1, I32]),
    // The memory: at least one page, no maximum (each automaton's instance imports one of its table's size).
    section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    section(3, [bodies.length, 0, 1, ...chains.map(() => 2)]),
    section(7, [exports.length, ...exports.flatMap(([n, i]) => [...name(n), 0x00, i])]),
    section(10, [bodies.length, ...bodies.flatMap((b) => [...uleb(b.length), ...b])]),
  );
}

/** Texts from this long are copied into the module's memory by Buffer#write; shorter, by a JS loop. */
const WRITE_MIN_CHARS = 1024;

/** One module for every automaton: its instances share the compiled code (module-writer.ts). */
const MODULE_BYTES = moduleBytes();

/**
 * One automaton's scan in WebAssembly. `scanPiece` scans text[start, start + n) (n at most
 * WASM_SCAN_PIECE) from `state` and returns the state to continue from; `scanChains` scans text[0, n)
 * from state 0 as `chains` interleaved chains (aho-corasick.ts, `scanUnordered`). The output states
 * either reached are then `words[firstOutput..outputEnd)`, each `state << 16 | end - start` (end one
 * past the byte; start 0 for `scanChains`), in no particular order for `scanChains`, where a word is an
 * occurrence's only when `chainWordCounts` says so. Not reentrant: read them before the next call.
 */
export interface WasmScan {
  scanPiece(text: string, start: number, n: number, state: number): number;
  scanChains(text: string, n: number, chains: number): void;
  /** Whether an output word of the last `scanChains` stands: false for a chain's word that the walker found short of the scan's state (it stored the right one). */
  chainWordCounts(word: number): boolean;
  /** The module's table, which the caller fills, and which the JS loop that scans short texts reads too (one table in the caches, not two). */
  readonly cells: Uint16Array;
  readonly words: Uint32Array;
  firstOutput: number;
  outputEnd: number;
}

/**
 * A scan over a 16-bit table of `cellCount` cells (stateCount x classCount; states from `outputBase` on
 * have outputs) and its byte classes, or null where WebAssembly cannot run it (then the JS loop scans).
 * The table is the module's memory: the caller fills `cells` (zeroed) before the first scan, so a pack
 * set's 24 MB table is written once, not built in JS and copied in.
 */
export function createWasmScan(cellCount: number, classOf: Uint8Array, classCount: number, outputBase: number): WasmScan | null {
  if (classOf.length !== 256) return null;
  const textAt = AREA_AT;
  const pages = Math.ceil((TABLE_AT + cellCount * 2) / PAGE);
  type Scan = (base: number, p: number, end: number, s: number, out: number, rowBytes: number) => number;
  type Chains = (base: number, p0: number, end0: number, p1: number, rowBytes: number, out: number, trailDelta: number, s0: number) => number;
  type Walk = (base: number, p: number, end: number, q: number, s: number, out: number, rowBytes: number, trailDelta: number) => void;
  const instance = instantiateWithMemory(MODULE_BYTES, pages);
  if (instance === null) return null;
  const scan = instance.exports.scan as Scan;
  const walk = instance.exports.walk as Walk;
  const chainsOf: Chains[] = [];
  for (let k = 2; k <= WASM_MAX_CHAINS; k++) chainsOf[k] = instance.exports[`chains${k}`] as Chains;
  const { memory } = instance;
  new Uint8Array(memory.buffer, CLASSES_AT, 256).set(classOf);
  new Uint32Array(memory.buffer, OUTPUT_BASE_AT, 1)[0] = outputBase;
  const table = new Uint16Array(memory.buffer, TABLE_AT, cellCount);
  const textBytes = Buffer.from(memory.buffer, textAt, WASM_SCAN_PIECE);
  const halves = new Uint16Array(memory.buffer);
  const words = new Uint32Array(memory.buffer);
  const rowBytes = classCount * 2;
  // Where the last scanChains' trail was and its chain 1 started: words ending before it are chain 0's, always right.
  let trailAt = 0;
  let chainsFrom = WASM_SCAN_PIECE;
  // Buffer#write in latin1 keeps each UTF-16 unit's low byte, what the JS loop's `& 0xff` reads, and
  // writes only the first n chars of a longer text.
  // A short text is copied char by char: Buffer#write is a call into the runtime's C++ (its code, not
  // the JIT's), cold in the proxy between two requests' scans.
  const load = (text: string, start: number, n: number): void => {
    if (n < WRITE_MIN_CHARS) {
      for (let i = 0; i < n; i++) textBytes[i] = text.charCodeAt(start + i);
    } else textBytes.write(start === 0 ? text : text.slice(start, start + n), 0, n, 'latin1');
  };
  const result: WasmScan = {
    cells: table,
    words,
    firstOutput: 0,
    outputEnd: 0,
    scanPiece(text, start, n, state) {
      load(text, start, n);
      const outAt = (textAt + n + 3) & ~3;
      const s = scan(textAt, textAt, textAt + n, state, outAt, rowBytes);
      result.firstOutput = outAt >> 2;
      result.outputEnd = words[0] >> 2;
      return s;
    },
    scanChains(text, n, chains) {
      load(text, 0, n);
      trailAt = (textAt + n + 3) & ~3;
      const outAt = trailAt + ((2 * n + 3) & ~3);
      // The trail's u16 for the char at address p is at p * 2 + trailDelta.
      const trailDelta = trailAt - 2 * textAt;
      // Chains 1.. walk q chars each to the text's end; chain 0 the rest (q to q + chains - 1) from its start.
      const q = Math.floor(n / chains);
      const first = n - (chains - 1) * q;
      const lead = first - q;
      let s = 0;
      let out = outAt;
      if (lead > 0) {
        s = scan(textAt, textAt, textAt + lead, 0, outAt, rowBytes);
        out = words[0];
      }
      s = chainsOf[chains](textAt, textAt + lead, textAt + first, textAt + first, rowBytes, out, trailDelta, s);
      walk(textAt, textAt + first, textAt + n, q, s, words[0], rowBytes, trailDelta);
      chainsFrom = first;
      result.firstOutput = outAt >> 2;
      result.outputEnd = words[0] >> 2;
    },
    chainWordCounts(word) {
      const at = (word & 0xffff) - 1;
      return at < chainsFrom || halves[(trailAt >> 1) + at] === word >>> 16;
    },
  };
  return result;
}
