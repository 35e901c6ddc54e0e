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
import { fnv1a } from '../model/tokenize.js';

export interface ValidationSplit {
  calibration: LabelledSample[];
  gate: LabelledSample[];
}

export function splitValidation(samples: readonly LabelledSample[]): ValidationSplit {
  const calibration: LabelledSample[] = [];
  const gate: LabelledSample[] = [];
  for (const s of samples) (s.label === 0 && (fnv1a(s.text) & 1) === 0 ? calibration : gate).push(s);
  return { calibration, gate };
}
