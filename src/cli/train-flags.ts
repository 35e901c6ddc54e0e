import type { FlagSpec } from './args.js';

/** The flags recipeFromArgs reads, for the command tables of `warden train`, datasets/train-model.ts and datasets/leave-one-out.ts. */
export const RECIPE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  data: { kind: 'string' },
  seed: { kind: 'integer', min: 0 },
  epochs: { kind: 'integer', min: 1 },
  hidden: { kind: 'integer', min: 1 },
  'max-fpr': { kind: 'number', min: 0, max: 1 },
  l2: { kind: 'number', min: 0 },
  lr: { kind: 'number', min: 0 },
  'dim-log2': { kind: 'integer', min: 4, max: 24 },
  'token-ngrams': { kind: 'integer', min: 1, max: 5 },
  'char-ngrams': { kind: 'string' },
  scale: { kind: 'number', min: 0 },
  mutations: { kind: 'number', min: 0 },
  'max-per-group': { kind: 'integer', min: 1 },
  synthesized: { kind: 'integer', min: 0 },
  'benign-families': { kind: 'string' },
  'family-attacks': { kind: 'integer', min: 0 },
  'family-weights': { kind: 'string' },
  'family-split': { kind: 'string' },
  'exploit-attacks': { kind: 'integer', min: 0 },
  'exploit-code': { kind: 'string' },
  'benign-repeats': { kind: 'string' },
  'attack-forms': { kind: 'string' },
  'position-ngrams': { kind: 'integer', min: 0, max: 2 },
  'context-wrap': { kind: 'integer', min: 0 },
};

/** Flags that only `warden train --data DIR` (datasets/train-model.ts) reads. */
export const CORPUS_TRAINING_FLAGS: Readonly<Record<string, FlagSpec>> = {
  holdout: { kind: 'string' },
  'keep-out': { kind: 'string' },
  'request-calibration': { kind: 'string' },
  'calibration-families': { kind: 'string' },
  report: { kind: 'string' },
  name: { kind: 'string' },
  teacher: { kind: 'string' },
  'teacher-weight': { kind: 'number', min: 0, max: 1 },
};
