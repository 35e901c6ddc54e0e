import type { FlagSpec } from './args.js';

/** Flags read by retrainContext (src/retrain/retrain-config.ts): where the config, traffic log and labels are. */
export const RETRAIN_CONTEXT_FLAGS: Readonly<Record<string, FlagSpec>> = {
  config: { kind: 'string' },
  logs: { kind: 'string' },
  labels: { kind: 'string' },
};

/** Flags read by weakLabelOptions (WEAK_LABEL_FLAGS_HELP says what they mean). */
export const WEAK_LABEL_FLAGS: Readonly<Record<string, FlagSpec>> = {
  'bad-source-flagged': { kind: 'integer', min: 0 },
  'min-clean-requests': { kind: 'integer', min: 0 },
  'min-clean-span': { kind: 'string' },
  'max-per-source': { kind: 'integer', min: 0 },
};
