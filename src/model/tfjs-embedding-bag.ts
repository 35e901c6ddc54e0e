import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import type { MlpWeights } from './mlp.js';
import type { Tf } from './tfjs-runtime.js';

/** A batch of feature sets padded to one length: index 0 with mask 0 fills the gaps. */
export interface PaddedBatch {
  indices: Int32Array;
  mask: Float32Array;
  rows: number;
  width: number;
}

export function padFeatureSets(sets: readonly Uint32Array[]): PaddedBatch {
  let width = 1;
  for (const s of sets) if (s.length > width) width = s.length;
  const indices = new Int32Array(sets.length * width);
  const mask = new Float32Array(sets.length * width);
  sets.forEach((s, r) => {
    indices.set(s, r * width);
    mask.fill(1, r * width, r * width + s.length);
  });
  return { indices, mask, rows: sets.length, width };
}

/**
 * A padded batch as tensors. Made outside the loss closure: tfjs disposes the closure's own tensors
 * after the forward pass, and the gradient below still needs these.
 */
export interface BatchTensors {
  indices: Tensor;
  mask: Tensor;
  rows: number;
  width: number;
}

export function batchTensors(tf: Tf, batch: PaddedBatch): BatchTensors {
  return {
    indices: tf.tensor1d(batch.indices, 'int32'),
    mask: tf.tensor3d(batch.mask, [batch.rows, batch.width, 1]),
    rows: batch.rows,
    width: batch.width,
  };
}

/**
 * Sum of embedding rows per text, as a tfjs op with its own gradient: tfjs's gather gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks, so the gradient is a ScatterNd (which sums
 * duplicate indices) of the upstream gradient into the rows that were read.
 */
export function embeddingBag(tf: Tf, embedding: Tensor2D | Variable, batch: BatchTensors): Tensor2D {
  const [dim, hidden] = embedding.shape as [number, number];
  const { rows, width, indices, mask } = batch;
  const bag = tf.customGrad<Tensor2D>((...inputs) => {
    const e = inputs[0] as Tensor;
    const gathered = tf.gather(e, indices).reshape([rows, width, hidden]);
    const value = gathered.mul(mask).sum(1) as Tensor2D;
    const gradFunc = (dy: Tensor2D): Tensor => {
      const updates = dy.reshape([rows, 1, hidden]).mul(mask).reshape([rows * width, hidden]);
      return tf.scatterND(indices.reshape([rows * width, 1]), updates, [dim, hidden]);
    };
    return { value, gradFunc };
  });
  return bag(embedding as Tensor);
}

/** The model's logits in tfjs: the reference the typed-array forward pass is tested against. */
export function tfjsLogits(
  tf: Tf,
  params: { embedding: Tensor2D | Variable; hiddenBias: Tensor; outputWeights: Tensor2D | Variable; outputBias: Tensor },
  batch: BatchTensors,
): Tensor {
  const hidden = embeddingBag(tf, params.embedding, batch).add(params.hiddenBias).relu();
  return hidden.matMul(params.outputWeights as Tensor2D).add(params.outputBias).reshape([batch.rows]);
}

/** Scores feature sets with tfjs on exported weights; used by tests to check `EmbeddingBagMlp`. */
export function tfjsPredict(tf: Tf, weights: MlpWeights, sets: readonly Uint32Array[]): Float32Array {
  return tf.tidy(() => {
    const params = {
      embedding: tf.tensor2d(weights.embedding, [weights.dim, weights.hidden]),
      hiddenBias: tf.tensor1d(weights.hiddenBias),
      outputWeights: tf.tensor2d(weights.outputWeights, [weights.hidden, 1]),
      outputBias: tf.scalar(weights.outputBias),
    };
    return tfjsLogits(tf, params, batchTensors(tf, padFeatureSets(sets))).sigmoid().dataSync() as Float32Array;
  });
}
