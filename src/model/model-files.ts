/**
 * The on-disk form of a payload model, `models/<name>/`:
 * - `model.json`: metadata (format, version, feature config, architecture, threshold, weights file
 *   size and SHA-256, training summary);
 * - `weights.bin`: little-endian float32 — embedding [dim×hidden], hidden bias [hidden], output
 *   weights [hidden], output bias [1]. An ensemble of K members (`architecture.members`, ensemble.ts)
 *   has K·hidden wherever one MLP has hidden (row f holds member 1's row, then member 2's, …) and K
 *   output biases; one MLP's files are unchanged (no `members` key).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isEnsemble, type PayloadWeights } from './ensemble.js';
import type { FeatureConfig } from './features.js';

export const MODEL_FORMAT = 'warden-payload-model';
export const MODEL_FORMAT_VERSION = 1;
export const METADATA_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

export interface ModelMetadata {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  /** Shown in every ModelResult and decision log line. */
  version: string;
  createdAt: string;
  features: FeatureConfig;
  architecture: ModelArchitecture;
  /** The operating point: scores at or above it are attacks by the model's own validation. */
  threshold: number;
  weights: { file: string; floats: number; sha256: string };
  /** Free-form summary of the run (seed, epochs, data counts, metrics). */
  training: Record<string, unknown>;
}

export interface ModelArchitecture {
  type: 'embedding-bag-mlp';
  dim: number;
  /** Hidden units of one MLP (of each member of an ensemble). */
  hidden: number;
  /** An ensemble's member count (≥ 2); absent for one MLP. */
  members?: number;
  /** How an ensemble's members are combined: the mean of their probabilities. */
  combine?: 'mean-probability';
  /** An ensemble's operating-point shift (`EnsembleWeights.shift`). */
  shift?: number;
}

export function weightFloats(dim: number, hidden: number, members = 1): number {
  return members * (dim * hidden + hidden + hidden + 1);
}

export function serializeWeights(w: PayloadWeights): Buffer {
  const members = isEnsemble(w) ? w.members : 1;
  const width = members * w.hidden;
  const flat = new Float32Array(weightFloats(w.dim, w.hidden, members));
  flat.set(w.embedding, 0);
  flat.set(w.hiddenBias, w.dim * width);
  flat.set(w.outputWeights, w.dim * width + width);
  if (isEnsemble(w)) flat.set(w.outputBiases, w.dim * width + 2 * width);
  else flat[flat.length - 1] = w.outputBias;
  const bytes = Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength);
  // Float32Array uses platform order; the file is little-endian on every platform we run on, and the
  // loader checks the hash, so a big-endian writer would be caught rather than misread.
  return bytes;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function writeModelFiles(
  dir: string,
  weights: PayloadWeights,
  meta: Omit<ModelMetadata, 'format' | 'formatVersion' | 'weights' | 'architecture'>,
): Promise<ModelMetadata> {
  await mkdir(dir, { recursive: true });
  const bytes = serializeWeights(weights);
  const metadata: ModelMetadata = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    version: meta.version,
    createdAt: meta.createdAt,
    features: meta.features,
    architecture: architectureOf(weights),
    threshold: meta.threshold,
    weights: { file: WEIGHTS_FILE, floats: bytes.byteLength / 4, sha256: sha256(bytes) },
    training: meta.training,
  };
  await writeFile(join(dir, WEIGHTS_FILE), bytes);
  await writeFile(join(dir, METADATA_FILE), JSON.stringify(metadata, null, 2) + '\n');
  return metadata;
}

export function architectureOf(w: PayloadWeights): ModelArchitecture {
  const base = { type: 'embedding-bag-mlp', dim: w.dim, hidden: w.hidden } as const;
  return isEnsemble(w) ? { ...base, members: w.members, combine: 'mean-probability', shift: w.shift } : base;
}
