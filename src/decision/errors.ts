import { defineError } from '../errors.js';

export const decisionOptionsInvalid = defineError(
  'WARDEN_DECISION_OPTIONS_INVALID',
  500,
  (path: string, problem: string) => `invalid decision options at ${path}: ${problem}`,
);
