/**
 * The embedding-bag sum (hidden bias + one embedding row per active feature) as a tiny WebAssembly
 * SIMD function, four hidden units per f32x4 lane group. It is the forward pass's hot loop: in plain
 * JS every float32 add is a float64 add plus a rounding; `f32x4.add` does four IEEE float32 adds at
 * once, with the same rounding, and each unit still adds the rows in feature order, so the sums are
 * bit-identical to the JS loop in mlp.ts (which remains the fallback and the reference in tests).
 *
 * The module is written out here byte by byte (about 150 bytes): no toolchain, nothing to fetch.
 *   bag(n, hidden, features, bias, out): for each group j of 4 units:
 *     acc = load(bias + 4j); for each of the n u32 feature indices f: acc += load(f * hidden * 4 + 4j)
 *     store(out + 4j, acc)
 * The embedding sits at offset 0 of the module's memory, followed by the feature buffer, the bias
 * and the output.
 */
import type { MlpWeights } from './mlp.js';
import { BLOCK, BR, BR_IF, END, I32, I32_ADD, I32_CONST, I32_GE_U, I32_MUL, I32_SHL, LOCAL_GET, LOCAL_SET, LOOP, PAGE, VOID, instantiateWithMemory, moduleOf, name, section, uleb } from '../wasm/module-writer.js';

// Opcodes only this module uses.

/** Feature indices one call takes at most (the extractor emits at most 16,384). */
const FEATURE_CAPACITY = 16_384;
const I32_LOAD = 0x28;
const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00];
const V128_STORE = [SIMD, 0x0b];
const F32X4_ADD = [SIMD, 0xe4, 0x01];
const V128 = 0x7b;

// Locals: 0 n, 1 hidden, 2 features, 3 bias, 4 out (params); 5 j (byte offset of the unit group),
// 6 end of features, 7 acc, 8 row stride in bytes, 9 feature pointer.
function moduleBytes(pages: number): Uint8Array {
  const get = (i: number): number[] => [LOCAL_GET, i];
  const set = (i: number): number[] => [LOCAL_SET, i];
  const int = (v: number): number[] => [I32_CONST, v]; // small non-negative constants (< 64)
  const body = [
    ...[3, 2, I32, 1, V128, 2, I32],
    ...get(1), ...int(2), I32_SHL, ...set(8),
    ...int(0), ...set(5),
    BLOCK, VOID, LOOP, VOID,
    ...get(5), ...get(8), I32_GE_U, BR_IF, 1,
    ...get(3), ...get(5), I32_ADD, ...V128_LOAD, 0, 0, ...set(7),
    ...get(2), ...set(9),
    ...get(2), ...get(0), ...int(2), I32_SHL, I32_ADD, ...set(6),
    BLOCK, VOID, LOOP, VOID,
    ...get(9), ...get(6), I32_GE_U, BR_IF, 1,
    ...get(7),
    ...get(9), I32_LOAD, 2, 0, ...get(8), I32_MUL, ...get(5), I32_ADD, ...V128_LOAD, 0, 0,
    ...F32X4_ADD,
    ...set(7),
    ...get(9), ...int(4), I32_ADD, ...set(9),
    BR, 0,
    END, END,
    ...get(4), ...get(5), I32_ADD, ...get(7), ...V128_STORE, 0, 0,
    ...get(5), ...int(16), I32_ADD, ...set(5),
    BR, 0,
    END, END,
    END,
  ];
  return moduleOf(
    section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
    section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]),
    section(3, [1, 0]),
    section(7, [1, ...name('bag'), 0x00, 0]),
    section(10, [1, ...uleb(body.length), ...body]),
  );
}

export interface WasmEmbeddingSum {
  /** Writes bias + Σ rows of `features` into `act`; false when `features` is too long for the buffer. */
  sum(features: Uint32Array, act: Float32Array): boolean;
}

/**
 * A SIMD embedding sum over a copy of `weights` (the embedding is copied into the module's memory),
 * or null where it cannot run: no WebAssembly SIMD, or a hidden size that is not a multiple of 4.
 */
export function createWasmEmbeddingSum(weights: MlpWeights): WasmEmbeddingSum | null {
  const { embedding, hiddenBias, hidden } = weights;
  if (hidden % 4 !== 0) return null;
  const featuresAt = embedding.length * 4;
  const biasAt = featuresAt + FEATURE_CAPACITY * 4;
  const outAt = biasAt + hidden * 4;
  const pages = Math.ceil((outAt + hidden * 4) / PAGE);
  const instance = instantiateWithMemory(moduleBytes(pages), pages);
  if (instance === null) return null;
  const bag = instance.exports.bag as (n: number, hidden: number, features: number, bias: number, out: number) => void;
  const { memory } = instance;
  new Float32Array(memory.buffer, 0, embedding.length).set(embedding);
  new Float32Array(memory.buffer, biasAt, hidden).set(hiddenBias);
  const featureBuffer = new Uint32Array(memory.buffer, featuresAt, FEATURE_CAPACITY);
  const out = new Float32Array(memory.buffer, outAt, hidden);
  return {
    sum(features: Uint32Array, act: Float32Array): boolean {
      if (features.length > FEATURE_CAPACITY) return false;
      featureBuffer.set(features);
      bag(features.length, hidden, featuresAt, biasAt, outAt);
      act.set(out);
      return true;
    },
  };
}
