import { defineError } from '../errors.js';

export const modelMissing = defineError('WARDEN_MODEL_MISSING', 500, (dir: string, file: string) => `payload model not found: ${file} is missing in ${dir}`);

export const modelCorrupt = defineError(
  'WARDEN_MODEL_CORRUPT',
  500,
  (dir: string, problem: string) => `payload model in ${dir} is corrupt or incompatible: ${problem}`,
);

export const trainingDataInvalid = defineError('WARDEN_MODEL_TRAINING_DATA', 400, (where: string, problem: string) => `training data ${where}: ${problem}`);
