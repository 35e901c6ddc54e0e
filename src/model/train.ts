/**
 * Trains the payload model from labelled strings with tfjs (fastest backend that loads), then exports
 * the weights to typed arrays for `EmbeddingBagMlp`. Deterministic for a seed on one backend: the
 * initialisation, the shuffle and the batches all come from seeded streams.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs';
import { FeatureExtractor, type FeatureConfig } from './features.js';
import type { MlpWeights } from './mlp.js';
import { seededRandom, shuffleInPlace } from './prng.js';
import { batchTensors, padFeatureSets, tfjsLogits } from './tfjs-embedding-bag.js';
import { loadTfRuntime } from './tfjs-runtime.js';

export interface TrainingExample {
  text: string;
  /** 1 = attack, 0 = benign. */
  label: 0 | 1;
  /** Loss weight (default 1): lets small sources count without repeating them. */
  weight?: number;
  /**
   * Soft target in [0,1] the cross-entropy is taken against instead of the label (distillation:
   * src/model/distill.ts). Unset: the label, and the run is the plain one bit for bit.
   */
  target?: number;
}

export interface TrainOptions {
  featureConfig: FeatureConfig;
  seed: number;
  epochs: number;
  hidden: number;
  batchSize?: number;
  learningRate?: number;
  /** L2 penalty on the embedding rows a batch touches: keeps rare features near zero (no evidence). */
  l2?: number;
  onProgress?: (p: TrainProgress) => void;
  /**
   * Start from these weights instead of zeros (fine-tuning: a retrain keeps what the current model
   * learned from the full corpus and adjusts it to the new texts). Must match dim and hidden.
   */
  init?: MlpWeights;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  elapsedMs: number;
}

export interface TrainResult {
  weights: MlpWeights;
  backend: string;
  elapsedMs: number;
  finalLoss: number;
}

/** Featurizes texts once (copies: the extractor's view is reused). */
export function featurizeAll(texts: readonly string[], config: FeatureConfig): Uint32Array[] {
  const extractor = new FeatureExtractor(config);
  return texts.map((t) => extractor.extract(t).slice());
}

/**
 * Shuffled batches of similar length: a batch is padded to its longest feature set, so mixing a
 * 1,500-feature rich-text body with 20-feature values wastes most of the work. Examples are shuffled,
 * sorted by length within large chunks, cut into batches, and the batches shuffled again.
 */
function planBatches(order: number[], features: readonly Uint32Array[], batchSize: number, random: () => number): number[][] {
  shuffleInPlace(order, random);
  const chunk = batchSize * 32;
  const plan: number[][] = [];
  for (let c = 0; c < order.length; c += chunk) {
    const part = order.slice(c, c + chunk).sort((a, b) => features[a].length - features[b].length);
    for (let b = 0; b < part.length; b += batchSize) plan.push(part.slice(b, b + batchSize));
  }
  return shuffleInPlace(plan, random);
}

export async function trainPayloadModel(examples: readonly TrainingExample[], options: TrainOptions): Promise<TrainResult> {
  const { tf, backend } = await loadTfRuntime();
  const started = performance.now();
  const { featureConfig, seed, epochs, hidden } = options;
  const batchSize = options.batchSize ?? 512;
  const l2 = options.l2 ?? 0;
  const dim = featureConfig.dim;
  const random = seededRandom(seed);

  const features = featurizeAll(
    examples.map((e) => e.text),
    featureConfig,
  );
  const positives = examples.reduce((s, e) => s + e.label * (e.weight ?? 1), 0);
  const total = examples.reduce((s, e) => s + (e.weight ?? 1), 0);
  const prior = Math.min(0.99, Math.max(0.01, positives / Math.max(total, 1)));

  // Embeddings start at zero: a feature never seen in training adds nothing, so an unfamiliar value
  // is scored on the evidence it shares with training data, not on random weights.
  const init = options.init;
  if (init !== undefined && (init.dim !== dim || init.hidden !== hidden)) throw new Error(`initial weights are ${init.dim}×${init.hidden}, training ${dim}×${hidden}`);
  const embedding = tf.variable(init ? tf.tensor2d(init.embedding, [dim, hidden]) : tf.zeros([dim, hidden]), true, 'embedding');
  const hiddenBias = tf.variable(init ? tf.tensor1d(init.hiddenBias) : tf.fill([hidden], 0.1), true, 'hiddenBias');
  const outputWeights = tf.variable(init ? tf.tensor2d(init.outputWeights, [hidden, 1]) : tf.randomNormal([hidden, 1], 0, 1 / Math.sqrt(hidden), 'float32', seed), true, 'outputWeights');
  const outputBias = tf.variable(tf.scalar(init ? init.outputBias : Math.log(prior / (1 - prior))), true, 'outputBias');
  const vars: Variable[] = [embedding, hiddenBias, outputWeights, outputBias];
  const optimizer = tf.train.adam(options.learningRate ?? 0.005);

  const order = examples.map((_, i) => i);
  const batches = Math.ceil(order.length / batchSize);
  let finalLoss = NaN;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const plan = planBatches(order, features, batchSize, random);
    let lossSum = 0;
    for (let b = 0; b < plan.length; b++) {
      const ids = plan[b];
      const padded = padFeatureSets(ids.map((i) => features[i]));
      const labels = Float32Array.from(ids, (i) => examples[i].target ?? examples[i].label);
      const weights = Float32Array.from(ids, (i) => examples[i].weight ?? 1);
      const loss = tf.tidy(() => {
        const y = tf.tensor1d(labels);
        const w = tf.tensor1d(weights);
        const batch = batchTensors(tf, padded);
        const cost = optimizer.minimize(
          () => {
            const logits = tfjsLogits(tf, { embedding, hiddenBias, outputWeights, outputBias }, batch);
            let l = tf.losses.sigmoidCrossEntropy(y, logits, w) as Tensor;
            if (l2 > 0) l = l.add(tf.sum(tf.square(embedding)).mul(l2));
            return l as ReturnType<typeof tf.scalar>;
          },
          true,
          vars,
        );
        return cost === null ? NaN : cost.dataSync()[0];
      });
      lossSum += loss;
      options.onProgress?.({ epoch, epochs, batch: b + 1, batches, loss: lossSum / (b + 1), elapsedMs: performance.now() - started });
    }
    finalLoss = lossSum / batches;
  }

  const weights: MlpWeights = {
    embedding: new Float32Array(embedding.dataSync()),
    hiddenBias: new Float32Array(hiddenBias.dataSync()),
    outputWeights: new Float32Array(outputWeights.dataSync()),
    outputBias: outputBias.dataSync()[0],
    dim,
    hidden,
  };
  for (const v of vars) v.dispose();
  optimizer.dispose();
  return { weights, backend, elapsedMs: performance.now() - started, finalLoss };
}
