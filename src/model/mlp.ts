import { createWasmEmbeddingSum, type WasmEmbeddingSum } from './embedding-sum-wasm.js';

/**
 * The payload model's forward pass on plain typed arrays: an embedding bag (sum of one row per active
 * feature) → bias → ReLU → dot → sigmoid. This is the hot path: tfjs is used to train and as the
 * reference in tests, but one tfjs call costs more than this whole pass (~0.25 ms fixed overhead vs a
 * few µs), so serving never calls it.
 */
export interface MlpWeights {
  /** Rows of `hidden` floats, one per feature index: [dim × hidden], row-major. */
  embedding: Float32Array;
  /** [hidden] */
  hiddenBias: Float32Array;
  /** [hidden] */
  outputWeights: Float32Array;
  outputBias: number;
  dim: number;
  hidden: number;
}

const fround = Math.fround;

export interface EmbeddingBagOptions {
  /** Sum embedding rows with WebAssembly SIMD where available (default true); the JS loop otherwise. */
  simd?: boolean;
}

export class EmbeddingBagMlp {
  private readonly activations: Float32Array;
  private readonly simd: WasmEmbeddingSum | null;

  constructor(
    readonly weights: MlpWeights,
    options: EmbeddingBagOptions = {},
  ) {
    const { embedding, hiddenBias, outputWeights, dim, hidden } = weights;
    if (embedding.length !== dim * hidden) throw new Error(`embedding has ${embedding.length} floats, expected ${dim}×${hidden}`);
    if (hiddenBias.length !== hidden || outputWeights.length !== hidden) throw new Error(`hidden layer size mismatch (expected ${hidden})`);
    this.activations = new Float32Array(hidden);
    this.simd = options.simd === false ? null : createWasmEmbeddingSum(weights);
  }

  /** Whether the SIMD sum is in use. */
  get usesSimd(): boolean {
    return this.simd !== null;
  }

  /**
   * Hidden bias + the embedding rows of `features`, before the ReLU, in a buffer this object reuses (read
   * it before the next call): an ensemble (ensemble.ts) reads every member's units from one sum.
   */
  hiddenSums(features: Uint32Array): Float32Array {
    const act = this.activations;
    if (this.simd === null || !this.simd.sum(features, act)) this.sumRows(features, act);
    return act;
  }

  /** The pre-sigmoid output for one text's feature indices. */
  logit(features: Uint32Array): number {
    const { outputWeights, outputBias, hidden } = this.weights;
    return reluOutput(this.hiddenSums(features), outputWeights, outputBias, 0, hidden);
  }

  /** bias + the embedding rows of `features` into `act`, in plain JS (the SIMD sum's fallback and reference). */
  private sumRows(features: Uint32Array, act: Float32Array): void {
    const { embedding, hiddenBias, hidden } = this.weights;
    const n = features.length;
    // Eight hidden units at a time in locals, features inside: each unit still adds the rows in feature
    // order, and Math.fround rounds after every add exactly as a store into the Float32Array did, so the
    // sums are bit-identical to the plain loop, at half the cost (no load/store of act[j] per add).
    let j = 0;
    for (; j + 8 <= hidden; j += 8) {
      let s0 = hiddenBias[j], s1 = hiddenBias[j + 1], s2 = hiddenBias[j + 2], s3 = hiddenBias[j + 3];
      let s4 = hiddenBias[j + 4], s5 = hiddenBias[j + 5], s6 = hiddenBias[j + 6], s7 = hiddenBias[j + 7];
      for (let f = 0; f < n; f++) {
        const r = features[f] * hidden + j;
        s0 = fround(s0 + embedding[r]);
        s1 = fround(s1 + embedding[r + 1]);
        s2 = fround(s2 + embedding[r + 2]);
        s3 = fround(s3 + embedding[r + 3]);
        s4 = fround(s4 + embedding[r + 4]);
        s5 = fround(s5 + embedding[r + 5]);
        s6 = fround(s6 + embedding[r + 6]);
        s7 = fround(s7 + embedding[r + 7]);
      }
      act[j] = s0;
      act[j + 1] = s1;
      act[j + 2] = s2;
      act[j + 3] = s3;
      act[j + 4] = s4;
      act[j + 5] = s5;
      act[j + 6] = s6;
      act[j + 7] = s7;
    }
    for (; j < hidden; j++) {
      let s = hiddenBias[j];
      for (let f = 0; f < n; f++) s = fround(s + embedding[features[f] * hidden + j]);
      act[j] = s;
    }
  }

  /** Attack probability in [0,1]. */
  predict(features: Uint32Array): number {
    return sigmoid(this.logit(features));
  }
}

/** bias + Σ relu(act[k]) · weights[k] over units [from, to): one output of the hidden sums (an ensemble member's is a slice). */
export function reluOutput(act: Float32Array, weights: Float32Array, bias: number, from: number, to: number): number {
  let out = bias;
  for (let k = from; k < to; k++) {
    const a = act[k];
    if (a > 0) out += a * weights[k];
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
