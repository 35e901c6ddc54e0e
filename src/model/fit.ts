/**
 * One training run end to end, shared by `warden train` and `datasets/train-model.ts`: train on the
 * training texts, score the validation texts with the serving forward pass, pick the threshold for the
 * allowed benign false-positive rate (optionally averaged over bootstrap resamples; texts marked
 * ambiguous left out), and move the output bias so that threshold is published at
 * PUBLISHED_THRESHOLD.
 */
import { FeatureExtractor, type FeatureConfig } from './features.js';
import { bootstrapThresholdForFpr, shiftOperatingPoint, thresholdForFpr, type ScoredText, type ThresholdEstimate } from './evaluate.js';
import { EmbeddingBagMlp, type MlpWeights } from './mlp.js';
import { PUBLISHED_THRESHOLD } from './operating-point.js';
import { trainPayloadModel, type TrainProgress } from './train.js';

export interface LabelledSample {
  text: string;
  label: 0 | 1;
  /** Where it came from (`source/category`), for per-group metrics. */
  group: string;
  /**
   * A benign text the corpus also labels an attack (a bare `/var/log/syslog` is a search in one
   * corpus and a file-inclusion payload in another): no threshold classifies it right both ways, so it
   * does not set the operating point. It is still scored and reported.
   */
  ambiguous?: boolean;
  /** Soft training target (TrainingExample.target); the threshold is still picked on the labels. */
  target?: number;
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
  /**
   * Bootstrap resamples the threshold is averaged over (`bootstrapThresholdForFpr`; the corpus recipe
   * uses 200). 0 or unset: the plain order statistic, which keeps the validation FPR at most `maxFpr`
   * on a small calibration set (`warden train --from-logs`), where a bootstrap mean would not.
   */
  thresholdResamples?: number;
  onProgress?: (p: TrainProgress) => void;
  /** Fine-tune from these weights (see TrainOptions.init). */
  init?: MlpWeights;
}

export interface FitResult {
  /** Weights with the operating point moved to PUBLISHED_THRESHOLD. */
  weights: MlpWeights;
  /** The threshold on the unshifted scores, picked on the benign validation texts not marked ambiguous. */
  rawThreshold: number;
  /** 10th–90th percentile of the bootstrap resamples' thresholds (the operating point's own noise); both the threshold without resamples. */
  thresholdInterval: [number, number];
  /** Benign validation texts left out of the threshold because the corpus also labels them attacks. */
  ambiguousBenign: number;
  /** Scores a text with the unshifted model (the scale `rawThreshold` is on). */
  scoreRaw: (text: string) => number;
  backend: string;
  elapsedMs: number;
  finalLoss: number;
}

export function scoreSamples(samples: readonly LabelledSample[], score: (text: string) => number): ScoredText[] {
  return samples.map((s) => ({ text: s.text, label: s.label, group: s.group, score: score(s.text) }));
}

/**
 * The raw threshold a fit is published at: the benign validation texts not marked ambiguous, at FPR ≤
 * `maxFpr` (bootstrap-averaged with `thresholdResamples`). Exported so that what is not one fit (an
 * ensemble of fine-tuned members, scored as one) is calibrated by this same rule, not a second one.
 */
export function validationThreshold(
  validation: readonly LabelledSample[],
  scoreRaw: (text: string) => number,
  options: Pick<FitOptions, 'maxFpr' | 'thresholdResamples' | 'seed'>,
): ThresholdEstimate {
  const benign = validation.filter((v) => v.label === 0 && v.ambiguous !== true).map((v) => scoreRaw(v.text));
  const resamples = options.thresholdResamples ?? 0;
  const plain = benign.length > 0 ? thresholdForFpr(benign, options.maxFpr) : 0.5;
  return resamples > 0 ? bootstrapThresholdForFpr(benign, options.maxFpr, { seed: options.seed, resamples }) : { threshold: plain, low: plain, high: plain };
}

export async function fitPayloadModel(train: readonly LabelledSample[], validation: readonly LabelledSample[], options: FitOptions): Promise<FitResult> {
  const result = await trainPayloadModel(
    train.map((t) => (t.target === undefined ? { text: t.text, label: t.label } : { text: t.text, label: t.label, target: t.target })),
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
  const estimate = validationThreshold(validation, scoreRaw, options);
  const rawThreshold = estimate.threshold;
  return {
    weights: shiftOperatingPoint(result.weights, rawThreshold, PUBLISHED_THRESHOLD),
    rawThreshold,
    thresholdInterval: [estimate.low, estimate.high],
    ambiguousBenign: validation.filter((v) => v.label === 0 && v.ambiguous === true).length,
    scoreRaw,
    backend: result.backend,
    elapsedMs: result.elapsedMs,
    finalLoss: result.finalLoss,
  };
}
