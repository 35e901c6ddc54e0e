import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelCorrupt, modelMissing } from '../../src/model/errors.js';
import { DEFAULT_FEATURE_CONFIG, FEATURE_VERSION, FeatureExtractor } from '../../src/model/features.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { EmbeddingBagMlp, type MlpWeights } from '../../src/model/mlp.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { seededRandom } from '../../src/model/prng.js';

const features = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };

function weights(): MlpWeights {
  const r = seededRandom(5);
  const f = (n: number): Float32Array => Float32Array.from({ length: n }, () => r() - 0.5);
  return { embedding: f(features.dim * 8), hiddenBias: f(8), outputWeights: f(8), outputBias: 0.25, dim: features.dim, hidden: 8 };
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

describe('loadPayloadModel', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-model-'));
    await writeModelFiles(dir, weights(), { version: 'test-1', createdAt: '2026-11-24T00:00:00Z', features, threshold: 0.8, training: {} });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads model.json + weights and scores exactly like the forward pass on those weights', async () => {
    const model = await loadPayloadModel(dir);
    expect(model.version).toBe('test-1');
    expect(model.threshold).toBe(0.8);
    const mlp = new EmbeddingBagMlp(weights());
    const x = new FeatureExtractor(features);
    const texts = ["1' or 1=1--", 'hello'];
    const scores = model.score(texts);
    texts.forEach((t, i) => expect(scores[i]).toBeCloseTo(mlp.predict(x.extract(t)), 6));
  });

  it('says WARDEN_MODEL_MISSING for a missing directory or file', async () => {
    await expectCode(loadPayloadModel(join(dir, 'nope')), modelMissing.code);
    await rm(join(dir, 'weights.bin'));
    await expectCode(loadPayloadModel(dir), modelMissing.code);
  });

  it('says WARDEN_MODEL_CORRUPT for bad JSON, truncated or altered weights, and an incompatible feature version', async () => {
    const meta = await readFile(join(dir, 'model.json'), 'utf8');
    await writeFile(join(dir, 'model.json'), '{not json');
    await expectCode(loadPayloadModel(dir), modelCorrupt.code);

    await writeFile(join(dir, 'model.json'), meta.replace(`"version": ${FEATURE_VERSION}`, '"version": 999'));
    await expect(loadPayloadModel(dir)).rejects.toThrow(/feature version 999/);

    await writeFile(join(dir, 'model.json'), meta);
    const bytes = await readFile(join(dir, 'weights.bin'));
    bytes[100] ^= 0xff;
    await writeFile(join(dir, 'weights.bin'), bytes);
    await expect(loadPayloadModel(dir)).rejects.toThrow(/sha256/);

    await truncate(join(dir, 'weights.bin'), 64);
    await expectCode(loadPayloadModel(dir), modelCorrupt.code);
  });
});
