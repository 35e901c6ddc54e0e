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

export class EmbeddingBagMlp {
  private readonly activations: Float32Array;

  constructor(readonly weights: MlpWeights) {
    const { embedding, hiddenBias, outputWeights, dim, hidden } = weights;
    if (embedding.length !== dim * hidden) throw new Error(`embedding has ${embedding.length} floats, expected ${dim}×${hidden}`);
    if (hiddenBias.length !== hidden || outputWeights.length !== hidden) throw new Error(`hidden layer size mismatch (expected ${hidden})`);
    this.activations = new Float32Array(hidden);
  }

  /** The pre-sigmoid output for one text's feature indices. */
  logit(features: Uint32Array): number {
    const { embedding, hiddenBias, outputWeights, outputBias, hidden } = this.weights;
    const act = this.activations;
    act.set(hiddenBias);
    for (let f = 0; f < features.length; f++) {
      const row = features[f] * hidden;
      for (let j = 0; j < hidden; j++) act[j] += embedding[row + j];
    }
    let out = outputBias;
    for (let j = 0; j < hidden; j++) {
      const a = act[j];
      if (a > 0) out += a * outputWeights[j];
    }
    return out;
  }

  /** Attack probability in [0,1]. */
  predict(features: Uint32Array): number {
    return sigmoid(this.logit(features));
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
