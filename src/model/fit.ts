/**
 * One training run end to end, shared by `warden train` and `datasets/train-model.ts`: train on the
 * training texts, score the validation texts with the serving forward pass, pick the threshold for the
 * allowed benign false-positive rate, and move the output bias so that threshold is published at
 * PUBLISHED_THRESHOLD.
 */
import { FeatureExtractor, type FeatureConfig } from './features.js';
import { shiftOperatingPoint, thresholdForFpr, type ScoredText } from './evaluate.js';
import { EmbeddingBagMlp, type MlpWeights } from './mlp.js';
import { PUBLISHED_THRESHOLD } from './operating-point.js';
import { trainPayloadModel, type TrainProgress } from './train.js';

export interface LabelledSample {
  text: string;
  label: 0 | 1;
  /** Where it came from (`source/category`), for per-group metrics. */
  group: string;
}

export interface FitOptions {
  featureConfig: FeatureConfig;
  seed: number;
  epochs: number;
  hidden: number;
  learningRate: number;
  l2: number;
  /** Benign false-positive rate allowed on validation when picking the threshold. */
  maxFpr: number;
  onProgress?: (p: TrainProgress) => void;
  /** Fine-tune from these weights (see TrainOptions.init). */
  init?: MlpWeights;
}

export interface FitResult {
  /** Weights with the operating point moved to PUBLISHED_THRESHOLD. */
  weights: MlpWeights;
  /** The threshold on the unshifted scores. */
  rawThreshold: number;
  /** Scores a text with the unshifted model (the scale `rawThreshold` is on). */
  scoreRaw: (text: string) => number;
  backend: string;
  elapsedMs: number;
  finalLoss: number;
}

export function scoreSamples(samples: readonly LabelledSample[], score: (text: string) => number): ScoredText[] {
  return samples.map((s) => ({ text: s.text, label: s.label, group: s.group, score: score(s.text) }));
}

export async function fitPayloadModel(train: readonly LabelledSample[], validation: readonly LabelledSample[], options: FitOptions): Promise<FitResult> {
  const result = await trainPayloadModel(
    train.map((t) => ({ text: t.text, label: t.label })),
    {
      featureConfig: options.featureConfig,
      seed: options.seed,
      epochs: options.epochs,
      hidden: options.hidden,
      learningRate: options.learningRate,
      l2: options.l2,
      onProgress: options.onProgress,
      init: options.init,
    },
  );
  const mlp = new EmbeddingBagMlp(result.weights);
  const extractor = new FeatureExtractor(options.featureConfig);
  const scoreRaw = (text: string): number => mlp.predict(extractor.extract(text));
  const benign = validation.filter((v) => v.label === 0).map((v) => scoreRaw(v.text));
  const rawThreshold = benign.length > 0 ? thresholdForFpr(benign, options.maxFpr) : 0.5;
  return {
    weights: shiftOperatingPoint(result.weights, rawThreshold, PUBLISHED_THRESHOLD),
    rawThreshold,
    scoreRaw,
    backend: result.backend,
    elapsedMs: result.elapsedMs,
    finalLoss: result.finalLoss,
  };
}
