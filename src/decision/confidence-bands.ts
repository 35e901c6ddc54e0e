import { CONFIDENCE_ORDER, type Confidence } from './types.js';
import type { ConfidenceBands } from './options.js';

export function confidenceOf(score: number, bands: ConfidenceBands): Confidence {
  if (score >= bands.critical) return 'critical';
  if (score >= bands.high) return 'high';
  if (score >= bands.medium) return 'medium';
  if (score >= bands.low) return 'low';
  return 'none';
}

/** The lowest score with this confidence (0 for `none`). */
export function bandFloor(confidence: Confidence, bands: ConfidenceBands): number {
  return confidence === 'none' ? 0 : bands[confidence];
}

export function confidenceAtLeast(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCE_ORDER.indexOf(confidence) >= CONFIDENCE_ORDER.indexOf(minimum);
}
