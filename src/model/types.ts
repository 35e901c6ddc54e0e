import type { Inspection } from '../inspect/types.js';
import type { SignatureResult } from '../signatures/types.js';
import type { SliceClock } from '../inspect/work-clock.js';

export interface TargetScore {
  /** Index into `Inspection.targets`. */
  targetIndex: number;
  /** Attack probability in [0,1]: the max over the target's raw and decoded forms. */
  score: number;
  /** Which form scored highest ('raw' or the decoded form itself, truncated for logs). */
  form: string;
}

export interface ModelResult {
  /** Scores of the targets that reached the model, highest first. */
  scores: TargetScore[];
  maxScore: number;
  /** Targets sent to the model / targets in the request: what the lexical screen let through. */
  screened: number;
  total: number;
  modelVersion: string;
}

/** Scores a batch of strings; one implementation shared by training, evaluation and serving. */
export interface PayloadModel {
  readonly version: string;
  score(texts: readonly string[]): Float32Array | Promise<Float32Array>;
}

export interface ModelGate {
  /** With a `clock` (the proxy's requests), a gate may wait for the request's next turn between steps (src/inspect/work-clock.ts); the result is the same. */
  evaluate(inspection: Inspection, signatures: SignatureResult, clock?: SliceClock): Promise<ModelResult>;
}
