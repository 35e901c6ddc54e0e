/**
 * The fixed validation set, split in two by each text's hash (so any copy or order of the set splits
 * the same way):
 * - `calibration`: half of its benign texts, where a retrain picks the candidate's operating point so
 *   that it flags no more of them than the model in force does (train-from-logs.ts). The base texts a
 *   retrain calibrates on otherwise were in the shipped model's training, so a fine-tune calibrated
 *   there alone looked 0.04 % FPR and flagged 2–3× more fresh benign texts than the model it replaced.
 * - `gate`: every attack and the other half of the benign texts, the only part the promotion gate
 *   judges, so the gate never scores a candidate on texts its threshold was picked on.
 */
import type { LabelledSample } from '../model/fit.js';

export interface ValidationSplit {
  calibration: LabelledSample[];
  gate: LabelledSample[];
}

/** FNV-1a over UTF-16 code units: stable across runs and platforms, no crypto needed for a coin flip. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function splitValidation(samples: readonly LabelledSample[]): ValidationSplit {
  const calibration: LabelledSample[] = [];
  const gate: LabelledSample[] = [];
  for (const s of samples) (s.label === 0 && (textHash(s.text) & 1) === 0 ? calibration : gate).push(s);
  return { calibration, gate };
}
