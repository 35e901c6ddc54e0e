/**
 * Distillation: one MLP of the shipped shape trained on a teacher's probabilities (an ensemble's mean,
 * src/model/ensemble.ts) mixed with the hard labels, so it can learn what the ensemble agrees on at the
 * cost of one forward pass. The teacher is scored with the serving forward pass (TypedArrayPayloadModel),
 * i.e. its published probabilities, the ones the gate compares with the threshold.
 */
import type { LabelledSample } from './fit.js';
import { loadPayloadModel } from './load.js';

/** What model.json's training block records of a teacher: enough to tell which weights taught it. */
export interface TeacherRecord {
  dir: string;
  version: string;
  /** SHA-256 of the teacher's weights file, as its model.json states (checked on load). */
  sha256: string;
  members: number;
  /** Weight of the teacher's probability in the target; 1 − alpha is the label's. */
  alpha: number;
}

export interface Teacher {
  record: TeacherRecord;
  scoreText: (text: string) => number;
}

/** α·teacher + (1 − α)·label: the binary cross-entropy target of one training text. */
export function blendTarget(teacherScore: number, label: 0 | 1, alpha: number): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`teacher weight must be in [0,1], got ${alpha}`);
  if (!(teacherScore >= 0 && teacherScore <= 1)) throw new RangeError(`teacher score must be in [0,1], got ${teacherScore}`);
  return alpha * teacherScore + (1 - alpha) * label;
}

/** The samples with their soft targets (the label stays: the threshold is still picked on labels). */
export function withTeacherTargets(samples: readonly LabelledSample[], teacher: Pick<Teacher, 'scoreText' | 'record'>): LabelledSample[] {
  const { alpha } = teacher.record;
  return samples.map((s) => ({ ...s, target: blendTarget(teacher.scoreText(s.text), s.label, alpha) }));
}

/** Loads a model directory (one MLP or an ensemble) as a teacher; its errors are the loader's (WARDEN_MODEL_*). */
export async function loadTeacher(dir: string, alpha: number): Promise<Teacher> {
  const model = await loadPayloadModel(dir);
  const { metadata } = model;
  return {
    record: { dir, version: metadata.version, sha256: metadata.weights.sha256, members: metadata.architecture.members ?? 1, alpha },
    scoreText: (text) => model.scoreText(text),
  };
}
