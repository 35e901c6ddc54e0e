/**
 * The embedding-bag sum (hidden bias + one embedding row per active feature) as a tiny WebAssembly
 * SIMD function, four hidden units per f32x4 lane group. It is the forward pass's hot loop: in plain
 * JS every float32 add is a float64 add plus a rounding; `f32x4.add` does four IEEE float32 adds at
 * once, with the same rounding, and each unit still adds the rows in feature order, so the sums are
 * bit-identical to the JS loop in mlp.ts (which remains the fallback and the reference in tests).
 *
 * Why several groups per pass over the features: one accumulator walking every feature is a chain of
 * dependent adds (each waits for the one before), and the feature index was read and multiplied once
 * per group: the 3-member ensemble (96 units, 24 groups) took ~3 µs a text where one member (8
 * groups) took ~1. A pass now sums up to six groups side by side, six independent chains over the
 * same row (its loads share the row's cache lines, its index is read once per pass); six measured
 * faster than 4 or 8, and 12 slower than one on long texts (`bench/forward-ab.ts`; twelve accumulators and their
 * operands likely spill out of x64's 16 vector registers). A unit's adds are in feature order either
 * way, so not a bit changes.
 *
 * The module is written out here byte by byte (about 300 bytes): no toolchain, nothing to fetch.
 *   bag(n, hidden, features, bias, out):
 *     for each pass of P groups (P = groupsPerPass, 4 units a group) starting at group j:
 *       acc0..P-1 = load(bias + 16(j..j+P-1)); for each of the n u32 feature indices f:
 *         acc_k += load(f * hidden * 4 + 16(j+k)) for k in 0..P-1
 *       store(out + 16(j..j+P-1), acc0..P-1)
 *     for each group j left over: the same with one accumulator
 * The embedding sits at offset 0 of the module's memory, followed by the feature buffer, the bias
 * and the output.
 */
import type { MlpWeights } from './mlp.js';
import { BLOCK, BR, BR_IF, END, I32, I32_ADD, I32_CONST, I32_GE_U, I32_MUL, I32_SHL, LOCAL_GET, LOCAL_SET, LOOP, PAGE, VOID, instantiateWithMemory, moduleOf, name, section, sleb, uleb } from '../wasm/module-writer.js';

// Opcodes only this module uses.

/** Feature indices one call takes at most (the extractor emits at most 16,384). */
const FEATURE_CAPACITY = 16_384;
const I32_LOAD = 0x28;
const I32_GT_U = 0x4b;
const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00];
const V128_STORE = [SIMD, 0x0b];
const F32X4_ADD = [SIMD, 0xe4, 0x01];
const V128 = 0x7b;

/** Lane groups (of 4 units) summed side by side in one pass over the features, at most (see above). */
const MAX_GROUPS_PER_PASS = 6;

/** Groups per pass for `groups` lane groups: passes of equal width, as few as MAX_GROUPS_PER_PASS allows (24 groups: 4 x 6, 8 groups: 2 x 4). */
function groupsPerPass(groups: number): number {
  return Math.ceil(groups / Math.ceil(groups / MAX_GROUPS_PER_PASS));
}

// Locals: 0 n, 1 hidden, 2 features, 3 bias, 4 out (params); 5 j (byte offset of the unit group),
// 6 end of features, 7 acc (the remaining groups' accumulator), 8 row stride in bytes, 9 feature
// pointer, 10 row address, 11.. the accumulators of a pass.
function moduleBytes(pages: number, perPass: number): Uint8Array {
  const get = (i: number): number[] => [LOCAL_GET, i];
  const set = (i: number): number[] => [LOCAL_SET, i];
  const int = (v: number): number[] => [I32_CONST, ...sleb(v)];
  const lanes = Array.from({ length: perPass }, (_, k) => k);
  const ACC = 11;
  const passBytes = perPass * 16;
  // v128.load / v128.store with a constant offset (alignment hint 0, as the single-group loop's).
  const load = (offset: number): number[] => [...V128_LOAD, 0, ...uleb(offset)];
  const store = (offset: number): number[] => [...V128_STORE, 0, ...uleb(offset)];
  const body = [
    ...[4, 2, I32, 1, V128, 3, I32, perPass, V128],
    ...get(1), ...int(2), I32_SHL, ...set(8),
    ...int(0), ...set(5),
    ...get(2), ...get(0), ...int(2), I32_SHL, I32_ADD, ...set(6),
    // Passes of eight groups while eight remain.
    BLOCK, VOID, LOOP, VOID,
    ...get(5), ...int(passBytes), I32_ADD, ...get(8), I32_GT_U, BR_IF, 1,
    ...lanes.flatMap((k) => [...get(3), ...get(5), I32_ADD, ...load(16 * k), ...set(ACC + k)]),
    ...get(2), ...set(9),
    BLOCK, VOID, LOOP, VOID,
    ...get(9), ...get(6), I32_GE_U, BR_IF, 1,
    ...get(9), I32_LOAD, 2, 0, ...get(8), I32_MUL, ...get(5), I32_ADD, ...set(10),
    ...lanes.flatMap((k) => [...get(ACC + k), ...get(10), ...load(16 * k), ...F32X4_ADD, ...set(ACC + k)]),
    ...get(9), ...int(4), I32_ADD, ...set(9),
    BR, 0,
    END, END,
    ...lanes.flatMap((k) => [...get(4), ...get(5), I32_ADD, ...get(ACC + k), ...store(16 * k)]),
    ...get(5), ...int(passBytes), I32_ADD, ...set(5),
    BR, 0,
    END, END,
    // The remaining groups, one at a time.
    BLOCK, VOID, LOOP, VOID,
    ...get(5), ...get(8), I32_GE_U, BR_IF, 1,
    ...get(3), ...get(5), I32_ADD, ...load(0), ...set(7),
    ...get(2), ...set(9),
    BLOCK, VOID, LOOP, VOID,
    ...get(9), ...get(6), I32_GE_U, BR_IF, 1,
    ...get(7),
    ...get(9), I32_LOAD, 2, 0, ...get(8), I32_MUL, ...get(5), I32_ADD, ...load(0),
    ...F32X4_ADD,
    ...set(7),
    ...get(9), ...int(4), I32_ADD, ...set(9),
    BR, 0,
    END, END,
    ...get(4), ...get(5), I32_ADD, ...get(7), ...store(0),
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
  const instance = instantiateWithMemory(moduleBytes(pages, groupsPerPass(hidden / 4)), pages);
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
