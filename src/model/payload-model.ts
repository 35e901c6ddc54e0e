import { EmbeddingBagEnsemble, isEnsemble, type PayloadWeights } from './ensemble.js';
import { FeatureExtractor } from './features.js';
import { EmbeddingBagMlp } from './mlp.js';
import type { ModelMetadata } from './model-files.js';
import type { PayloadModel } from './types.js';

/**
 * The shipped payload model: the shared feature extractor feeding the typed-array forward pass.
 * Synchronous and allocation-light (one Float32Array per batch), so the gate never waits on it.
 */
export class TypedArrayPayloadModel implements PayloadModel {
  readonly version: string;
  /** The operating point from validation (scores ≥ threshold are attacks). */
  readonly threshold: number;
  /** Longest text featurized at once; the gate scores longer forms in windows of this size. */
  readonly maxChars: number;
  private readonly extractor: FeatureExtractor;
  private readonly mlp: EmbeddingBagMlp | EmbeddingBagEnsemble;

  constructor(
    readonly metadata: ModelMetadata,
    /** Kept for fine-tuning (a retrain starts from the model in force): one MLP, or an ensemble's members. */
    readonly weights: PayloadWeights,
  ) {
    this.version = metadata.version;
    this.threshold = metadata.threshold;
    this.maxChars = metadata.features.maxChars;
    this.extractor = new FeatureExtractor(metadata.features);
    this.mlp = isEnsemble(weights) ? new EmbeddingBagEnsemble(weights) : new EmbeddingBagMlp(weights);
  }

  scoreText(text: string): number {
    return this.mlp.predict(this.extractor.extract(text));
  }

  score(texts: readonly string[]): Float32Array {
    const out = new Float32Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = this.scoreText(texts[i]);
    return out;
  }
}
