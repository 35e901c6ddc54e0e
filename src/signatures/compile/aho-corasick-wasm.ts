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
 *   scan4(...): four such chains side by side, for the four quarters of a text (`scanUnordered`).
 * Memory: [0, 16) the last out and three chains' states, [16, 20) the first output state, [64, 320) the byte classes, from 320 the
 * table (one u16 per cell, row-major), then the text piece (one byte per char: its UTF-16 unit's low
 * byte, as `charCodeAt(i) & 0xff`) and the output words.
 */

import { BLOCK, BR, BR_IF, END, I32, I32_ADD, I32_CONST, I32_GE_U, I32_MUL, I32_SHL, LOCAL_GET, LOCAL_SET, LOOP, PAGE, VOID, instantiateWithMemory, moduleOf, name, section, sleb, uleb } from '../../wasm/module-writer.js';

/** Chars a call scans at most: a match's end inside the piece fits in 16 bits of an output word. */
export const WASM_SCAN_PIECE = 32_768;
const CLASSES_AT = 64;
const TABLE_AT = 320;
// Opcodes only this module uses.
const I32_LOAD = 0x28;
const I32_LOAD8_U = 0x2d;
const I32_LOAD16_U = 0x2f;
const I32_STORE = 0x36;
const I32_SUB = 0x6b;
const I32_AND = 0x71;
const I32_OR = 0x72;
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

function moduleBytes(pages: number): Uint8Array {
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
  // scan4(base, p0, p1, p2, p3, end0, rowBytes, out, from1, from2, from3) -> s0: four chains side by
  // side until p0 reaches end0, each from state 0; s1..s3 are stored at 4, 8, 12, the last out at 0.
  // Locals: 11 s0, 12 s1, 13 s2, 14 s3, 15 the first output state.
  const scan4 = [
    ...[1, 5, I32],
    ...int(0), I32_LOAD, 2, ...uleb(OUTPUT_BASE_AT), ...set(15),
    BLOCK, VOID, LOOP, VOID,
    ...get(1), ...get(5), I32_GE_U, BR_IF, 1,
    ...step(0, 1, 11, 6, 7, 15, null),
    ...step(0, 2, 12, 6, 7, 15, 8),
    ...step(0, 3, 13, 6, 7, 15, 9),
    ...step(0, 4, 14, 6, 7, 15, 10),
    BR, 0,
    END, END,
    ...int(0), ...get(7), I32_STORE, 2, 0,
    ...int(4), ...get(12), I32_STORE, 2, 0,
    ...int(8), ...get(13), I32_STORE, 2, 0,
    ...int(12), ...get(14), I32_STORE, 2, 0,
    ...get(11),
    END,
  ];
  return moduleOf(
    section(1, [2, 0x60, 6, ...Array<number>(6).fill(I32), 1, I32, 0x60, 11, ...Array<number>(11).fill(I32), 1, I32]),
    section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]),
    section(3, [2, 0, 1]),
    section(7, [2, ...name('scan'), 0x00, 0, ...name('scan4'), 0x00, 1]),
    section(10, [2, ...uleb(scan.length), ...scan, ...uleb(scan4.length), ...scan4]),
  );
}

/**
 * One automaton's scan in WebAssembly. `scanPiece` scans text[start, start + n) (n at most
 * WASM_SCAN_PIECE) from `state` and returns the state to continue from; `scanSplit` scans text[0, n)
 * from state 0 as four interleaved chains (aho-corasick.ts, `scanUnordered`; `lag` is the longest
 * pattern's length less one, under n / 8). The output states either reached are then
 * `words[firstOutput..outputEnd)`, each `state << 16 | end - start` (end one past the byte; start 0
 * for `scanSplit`), in no particular order for `scanSplit`. Not reentrant: read them before the next call.
 */
export interface WasmScan {
  scanPiece(text: string, start: number, n: number, state: number): number;
  scanSplit(text: string, n: number, lag: number): void;
  /** The module's table, which the caller fills, and which the JS loop that scans short texts reads too (one table in the caches, not two). */
  readonly cells: Uint16Array;
  readonly words: Uint32Array;
  readonly firstOutput: number;
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
  const textAt = (TABLE_AT + cellCount * 2 + 63) & ~63;
  const outAt = textAt + WASM_SCAN_PIECE;
  // A split scan's chains overlap by `lag` (under an eighth of the text) each: fewer than 2 words per char.
  const pages = Math.ceil((outAt + WASM_SCAN_PIECE * 8) / PAGE);
  type Scan = (base: number, p: number, end: number, s: number, out: number, rowBytes: number) => number;
  type Scan4 = (base: number, p0: number, p1: number, p2: number, p3: number, end0: number, rowBytes: number, out: number, from1: number, from2: number, from3: number) => number;
  const instance = instantiateWithMemory(moduleBytes(pages), pages);
  if (instance === null) return null;
  const scan = instance.exports.scan as Scan;
  const scan4 = instance.exports.scan4 as Scan4;
  const { memory } = instance;
  new Uint8Array(memory.buffer, CLASSES_AT, 256).set(classOf);
  new Uint32Array(memory.buffer, OUTPUT_BASE_AT, 1)[0] = outputBase;
  const table = new Uint16Array(memory.buffer, TABLE_AT, cellCount);
  const textBytes = Buffer.from(memory.buffer, textAt, WASM_SCAN_PIECE);
  const words = new Uint32Array(memory.buffer);
  const rowBytes = classCount * 2;
  // Buffer#write in latin1 keeps each UTF-16 unit's low byte, what the JS loop's `& 0xff` reads, and
  // writes only the first n chars of a longer text.
  const load = (text: string, start: number, n: number): void => {
    textBytes.write(start === 0 ? text : text.slice(start, start + n), 0, n, 'latin1');
  };
  const result: WasmScan = {
    cells: table,
    words,
    firstOutput: outAt >> 2,
    outputEnd: outAt >> 2,
    scanPiece(text, start, n, state) {
      load(text, start, n);
      const s = scan(textAt, textAt, textAt + n, state, outAt, rowBytes);
      result.outputEnd = words[0] >> 2;
      return s;
    },
    scanSplit(text, n, lag) {
      load(text, 0, n);
      const q = n >> 2;
      const e1 = textAt + q;
      const e2 = e1 + q;
      const e3 = e2 + q;
      scan4(textAt, textAt, e1 - lag, e2 - lag, e3 - lag, e1, rowBytes, outAt, e1, e2, e3);
      const s1 = words[1];
      const s2 = words[2];
      const s3 = words[3];
      // Chains 1 and 2 end `lag` chars short of their quarter's end, chain 3 of the text's.
      scan(textAt, e2 - lag, e2, s1, words[0], rowBytes);
      scan(textAt, e3 - lag, e3, s2, words[0], rowBytes);
      scan(textAt, textAt + 4 * q - lag, textAt + n, s3, words[0], rowBytes);
      result.outputEnd = words[0] >> 2;
    },
  };
  return result;
}
