import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { modelCorrupt, modelMissing } from './errors.js';
import { FEATURE_VERSION } from './features.js';
import type { EnsembleWeights } from './ensemble.js';
import type { MlpWeights } from './mlp.js';
import { METADATA_FILE, MODEL_FORMAT, MODEL_FORMAT_VERSION, sha256, weightFloats, type ModelMetadata } from './model-files.js';
import { TypedArrayPayloadModel } from './payload-model.js';

async function readOrMissing(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') throw modelMissing(dir, file);
    throw modelCorrupt(dir, `cannot read ${file}: ${(err as Error).message}`);
  }
}

function isPowerOfTwo(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/** Checks every field the loader relies on; returns the first problem, or null. */
function metadataProblem(m: Partial<ModelMetadata>): string | null {
  if (m.format !== MODEL_FORMAT) return `model.json "format" must be "${MODEL_FORMAT}"`;
  if (m.formatVersion !== MODEL_FORMAT_VERSION) return `model.json "formatVersion" ${String(m.formatVersion)} is not supported (expected ${MODEL_FORMAT_VERSION})`;
  if (typeof m.version !== 'string' || m.version === '') return 'model.json "version" must be a non-empty string';
  const f = m.features;
  if (typeof f !== 'object' || f === null) return 'model.json "features" is missing';
  if (f.version !== FEATURE_VERSION) return `feature version ${String(f.version)} does not match this Warden's feature extractor (version ${FEATURE_VERSION}); retrain with \`warden train\``;
  if (!isPowerOfTwo(f.dim)) return 'features.dim must be a power of two';
  if (!Number.isInteger(f.tokenNgrams) || f.tokenNgrams < 0 || f.tokenNgrams > 4) return 'features.tokenNgrams must be an integer in 0..4';
  if (!Array.isArray(f.charNgrams) || !f.charNgrams.every((n) => Number.isInteger(n) && n >= 1 && n <= 8)) return 'features.charNgrams must be integers in 1..8';
  if (!Number.isInteger(f.maxChars) || f.maxChars < 16) return 'features.maxChars must be an integer ≥ 16';
  if (f.positionNgrams !== undefined && (!Number.isInteger(f.positionNgrams) || f.positionNgrams < 0 || f.positionNgrams > 2)) return 'features.positionNgrams must be an integer in 0..2';
  const a = m.architecture;
  if (typeof a !== 'object' || a === null || a.type !== 'embedding-bag-mlp') return 'architecture.type must be "embedding-bag-mlp"';
  if (a.dim !== f.dim) return 'architecture.dim differs from features.dim';
  if (!Number.isInteger(a.hidden) || a.hidden < 1 || a.hidden > 1024) return 'architecture.hidden must be an integer in 1..1024';
  if (a.members !== undefined) {
    if (!Number.isInteger(a.members) || a.members < 2 || a.members > 16) return 'architecture.members must be an integer in 2..16 (leave it out for one MLP)';
    if (a.combine !== 'mean-probability') return 'architecture.combine must be "mean-probability" for an ensemble';
    if (typeof a.shift !== 'number' || !Number.isFinite(a.shift)) return 'architecture.shift must be a finite number for an ensemble';
  } else if (a.combine !== undefined || a.shift !== undefined) return 'architecture.combine and architecture.shift belong to an ensemble (architecture.members)';
  if (typeof m.threshold !== 'number' || !(m.threshold > 0 && m.threshold < 1)) return 'threshold must be a number in (0,1)';
  const w = m.weights;
  if (typeof w !== 'object' || w === null || typeof w.file !== 'string' || typeof w.sha256 !== 'string') return 'model.json "weights" must name a file and its sha256';
  if (w.file.includes('/') || w.file.includes('\\')) return 'weights.file must be a file name inside the model directory';
  const floats = weightFloats(a.dim, a.hidden, a.members);
  if (w.floats !== floats) return `weights.floats ${String(w.floats)} does not match the architecture (${floats})`;
  return null;
}

/**
 * Loads `models/<name>/` (model.json + weights file) into a ready-to-score model. Every way the files
 * can be wrong ends in WARDEN_MODEL_MISSING or WARDEN_MODEL_CORRUPT with the reason, so the caller can
 * apply its configured fallback (signatures only, or refuse to start) with a message that says why.
 */
export async function loadPayloadModel(dir: string): Promise<TypedArrayPayloadModel> {
  const root = resolve(dir);
  const metaBytes = await readOrMissing(root, METADATA_FILE);
  let meta: Partial<ModelMetadata>;
  try {
    meta = JSON.parse(metaBytes.toString('utf8')) as Partial<ModelMetadata>;
  } catch (err) {
    throw modelCorrupt(root, `model.json is not JSON (${(err as Error).message})`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw modelCorrupt(root, 'model.json is not an object');
  const problem = metadataProblem(meta);
  if (problem !== null) throw modelCorrupt(root, problem);
  const metadata = meta as ModelMetadata;

  const bytes = await readOrMissing(root, metadata.weights.file);
  if (bytes.byteLength !== metadata.weights.floats * 4) {
    throw modelCorrupt(root, `${metadata.weights.file} has ${bytes.byteLength} bytes, expected ${metadata.weights.floats * 4}`);
  }
  if (sha256(bytes) !== metadata.weights.sha256) throw modelCorrupt(root, `${metadata.weights.file} does not match its sha256 in model.json`);

  // Copy into an aligned buffer: a Buffer from the pool may start at an offset not divisible by 4.
  const flat = new Float32Array(metadata.weights.floats);
  new Uint8Array(flat.buffer).set(bytes);
  for (let i = 0; i < flat.length; i++) {
    if (!Number.isFinite(flat[i])) throw modelCorrupt(root, `${metadata.weights.file} holds a non-finite weight at float ${i}`);
  }
  const { dim, hidden, members, shift } = metadata.architecture;
  const width = (members ?? 1) * hidden;
  const e = dim * width;
  const embedding = flat.subarray(0, e);
  const hiddenBias = flat.subarray(e, e + width);
  const outputWeights = flat.subarray(e + width, e + 2 * width);
  if (members === undefined) {
    const weights: MlpWeights = { embedding, hiddenBias, outputWeights, outputBias: flat[e + 2 * hidden], dim, hidden };
    return new TypedArrayPayloadModel(metadata, weights);
  }
  const ensemble: EnsembleWeights = { members, hidden, dim, embedding, hiddenBias, outputWeights, outputBiases: flat.subarray(e + 2 * width), shift: shift ?? 0 };
  return new TypedArrayPayloadModel(metadata, ensemble);
}
