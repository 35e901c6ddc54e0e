/**
 * The fixed validation set, split in two by each text's hash (so any copy or order of the set splits
 * the same way):
 * - `calibration`: half of its benign texts, where a retrain picks the candidate's operating point so
 *   that it flags no more of them than the model in force does (train-from-logs.ts). The base texts a
 *   retrain calibrates on otherwise were in the shipped model's training, so a fine-tune calibrated
 *   there alone looked 0.04 % FPR and flagged 2–3× more fresh benign texts than the model it replaced.
 * - `gate`: every attack and the other half of the benign texts, the only part the promotion gate
 *   judges, so the gate never scores a candidate on texts its threshold was picked on.
 *
 * Both halves are judged only on the texts the lexical screen sends to the model (`screenedForModel`):
 * a text the screen stops is never scored in a request, so what a model makes of it is no evidence.
 */
import type { LabelledSample } from '../model/fit.js';
import { mayCarryAttack } from '../model/screen.js';
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

export interface ScreenedSamples {
  /** The texts the screen passes: the ones a model is judged on. */
  scored: LabelledSample[];
  /** Texts of each class the screen stops, left out of every count. */
  screenedOut: { attacks: number; benign: number };
}

/**
 * The samples the runtime's lexical screen (`mayCarryAttack`, the gate's default) sends to the model.
 * A model judged on every text was judged on ones no request ever lets it score: candidates of session 28
 * were refused for 4 base benign texts, JSON number arrays (`[1,55,56]`, 0.93–0.98) the screen never
 * passes, while they flagged none the screen passes (datasets/README.md).
 */
export function screenedForModel(samples: readonly LabelledSample[]): ScreenedSamples {
  const scored: LabelledSample[] = [];
  const screenedOut = { attacks: 0, benign: 0 };
  for (const s of samples) {
    if (mayCarryAttack(s.text)) scored.push(s);
    else if (s.label === 1) screenedOut.attacks++;
    else screenedOut.benign++;
  }
  return { scored, screenedOut };
}

/** `screenedOut` in words, for a check's detail or a progress line. */
export function describeScreenedOut(n: ScreenedSamples['screenedOut']): string {
  return `${n.attacks} attacks and ${n.benign} benign texts the screen never sends to the model left out`;
}
