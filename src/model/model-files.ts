/**
 * The on-disk form of a payload model, `models/<name>/`:
 * - `model.json`: metadata (format, version, feature config, architecture, threshold, weights file
 *   size and SHA-256, training summary);
 * - `weights.bin`: little-endian float32 — embedding [dim×hidden], hidden bias [hidden], output
 *   weights [hidden], output bias [1].
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureConfig } from './features.js';
import type { MlpWeights } from './mlp.js';

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
  architecture: { type: 'embedding-bag-mlp'; dim: number; hidden: number };
  /** The operating point: scores at or above it are attacks by the model's own validation. */
  threshold: number;
  weights: { file: string; floats: number; sha256: string };
  /** Free-form summary of the run (seed, epochs, data counts, metrics). */
  training: Record<string, unknown>;
}

export function weightFloats(dim: number, hidden: number): number {
  return dim * hidden + hidden + hidden + 1;
}

export function serializeWeights(w: MlpWeights): Buffer {
  const flat = new Float32Array(weightFloats(w.dim, w.hidden));
  flat.set(w.embedding, 0);
  flat.set(w.hiddenBias, w.dim * w.hidden);
  flat.set(w.outputWeights, w.dim * w.hidden + w.hidden);
  flat[flat.length - 1] = w.outputBias;
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
  weights: MlpWeights,
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
    architecture: { type: 'embedding-bag-mlp', dim: weights.dim, hidden: weights.hidden },
    threshold: meta.threshold,
    weights: { file: WEIGHTS_FILE, floats: bytes.byteLength / 4, sha256: sha256(bytes) },
    training: meta.training,
  };
  await writeFile(join(dir, WEIGHTS_FILE), bytes);
  await writeFile(join(dir, METADATA_FILE), JSON.stringify(metadata, null, 2) + '\n');
  return metadata;
}
