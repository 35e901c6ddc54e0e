/**
 * What the project's hand-written WebAssembly modules share (model/embedding-sum-wasm.ts,
 * signatures/compile/aho-corasick-wasm.ts): the binary encoding (LEB128 numbers, names, sections,
 * the module header), the opcodes both use, and instantiating a module over an imported memory of
 * a fixed size. Each module is written out byte by byte: no toolchain, nothing to fetch.
 */

/** A WebAssembly memory page. */
export const PAGE = 65_536;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a non-negative i32 constant. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if (n === 0 && (b & 0x40) === 0) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** The module: magic, version 1, then its sections in order. */
export function moduleOf(...sections: number[][]): Uint8Array {
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);
}

// Opcodes and types both modules use.
export const LOCAL_GET = 0x20;
export const LOCAL_SET = 0x21;
export const I32_CONST = 0x41;
export const I32_GE_U = 0x4f;
export const I32_ADD = 0x6a;
export const I32_MUL = 0x6c;
export const I32_SHL = 0x74;
export const BLOCK = 0x02;
export const LOOP = 0x03;
export const VOID = 0x40;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const END = 0x0b;
export const I32 = 0x7f;

/** The part of the WebAssembly API used here (the project's TS lib has no DOM/WebAssembly values). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export interface Instantiated {
  exports: Record<string, unknown>;
  memory: { buffer: ArrayBuffer };
}

/**
 * Modules compiled, by their bytes (the same array): instances of one module share its compiled code,
 * so a process's prefilter automata, each with its own memory, run one copy of the scan's code, kept
 * in the caches by whichever ran last (issue 14: with the caches cold, a call into a module whose
 * code had not run since was ~10 µs more than one into a module just run).
 */
const compiledModules = new WeakMap<Uint8Array, object | null>();

/**
 * `bytes` instantiated over an imported memory (`env.memory`) of exactly `pages` pages, or null
 * where it cannot run: no WebAssembly, a module this runtime does not validate (SIMD), or a failure
 * to instantiate. Callers then keep their JS loop. The same bytes array is compiled once.
 */
export function instantiateWithMemory(bytes: Uint8Array, pages: number): Instantiated | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    let module = compiledModules.get(bytes);
    if (module === undefined) {
      module = wasm.validate(bytes) ? new wasm.Module(bytes) : null;
      compiledModules.set(bytes, module);
    }
    if (module === null) return null;
    const memory = new wasm.Memory({ initial: pages, maximum: pages });
    const instance = new wasm.Instance(module, { env: { memory } });
    return { exports: instance.exports, memory };
  } catch {
    return null;
  }
}
