import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingBagEnsemble, memberWeights, stackMembers, type EnsembleWeights } from '../../src/model/ensemble.js';
import { moveOperatingPoint } from '../../src/model/evaluate.js';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor } from '../../src/model/features.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { EmbeddingBagMlp, sigmoid, type MlpWeights } from '../../src/model/mlp.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { seededRandom } from '../../src/model/prng.js';

const DIM = 1 << 10;

function randomWeights(hidden: number, seed: number): MlpWeights {
  const r = seededRandom(seed);
  const f = (n: number, s: number): Float32Array => Float32Array.from({ length: n }, () => (r() - 0.5) * s);
  return { embedding: f(DIM * hidden, 0.6), hiddenBias: f(hidden, 0.4), outputWeights: f(hidden, 2), outputBias: Math.fround((r() - 0.5) * 2), dim: DIM, hidden };
}

function randomSets(n: number, seed: number): Uint32Array[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const s = new Set<number>();
    const size = i === 0 ? 0 : 1 + Math.floor(r() * 60);
    while (s.size < size) s.add(Math.floor(r() * DIM));
    return Uint32Array.from([...s]);
  });
}

const logit = (p: number): number => Math.log(p / (1 - p));
const members = [randomWeights(8, 1), randomWeights(8, 2), randomWeights(8, 3)];
const sets = randomSets(50, 9);

describe('ensemble of payload MLPs (mean of the members\' probabilities)', () => {
  it('scores the mean of what each member scores alone, through the SIMD sum and the plain loop alike', () => {
    const ensemble = new EmbeddingBagEnsemble(stackMembers(members));
    const alone = members.map((m) => new EmbeddingBagMlp(m, { simd: false }));
    for (const s of sets) {
      const mean = alone.reduce((sum, m) => sum + m.predict(s), 0) / alone.length;
      // Every member's hidden sums are bit-identical in the stacked pass, so only float64 rounding of the mean remains.
      expect(ensemble.predict(s)).toBeCloseTo(mean, 12);
    }
  });

  it('moves the logit of the mean by its shift, and moveOperatingPoint puts a score of `to` at `from`', () => {
    const stacked = stackMembers(members);
    const plain = new EmbeddingBagEnsemble(stacked);
    const shifted = new EmbeddingBagEnsemble({ ...stacked, shift: 1.5 });
    for (const s of sets) expect(logit(shifted.predict(s))).toBeCloseTo(logit(plain.predict(s)) + 1.5, 9);
    const to = plain.predict(sets[7]);
    expect(new EmbeddingBagEnsemble(moveOperatingPoint(stacked, 0.8, to)).predict(sets[7])).toBeCloseTo(0.8, 12);
  });

  it('gives each member back unchanged (memberWeights of stackMembers)', () => {
    const stacked = stackMembers(members);
    members.forEach((m, i) => {
      const back = memberWeights(stacked, i);
      expect(back.embedding).toEqual(m.embedding);
      expect(back.hiddenBias).toEqual(m.hiddenBias);
      expect(back.outputWeights).toEqual(m.outputWeights);
      expect(back.outputBias).toBe(m.outputBias);
    });
  });

  it('refuses one member, or members of different shapes', () => {
    expect(() => stackMembers([members[0]])).toThrow(/at least two members/);
    expect(() => stackMembers([members[0], randomWeights(4, 5)])).toThrow(/differ in shape/);
  });

  it('saturates cleanly: every member sure gives 1 or 0, never NaN', () => {
    const sure = (bias: number): MlpWeights => ({ ...members[0], outputBias: bias });
    expect(new EmbeddingBagEnsemble({ ...stackMembers([sure(1e4), sure(1e4)]), shift: -3 }).predict(sets[3])).toBe(1);
    expect(new EmbeddingBagEnsemble({ ...stackMembers([sure(-1e4), sure(-1e4)]), shift: 3 }).predict(sets[3])).toBe(0);
  });
});

describe('an ensemble on disk (model.json architecture.members)', () => {
  const features = { ...DEFAULT_FEATURE_CONFIG, dim: DIM };
  const meta = { version: 'ens-1', createdAt: '2026-12-05T00:00:00Z', features, threshold: 0.8, training: {} };
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-ensemble-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads and scores as the in-memory ensemble; a one-MLP model.json stays without any ensemble key', async () => {
    const weights: EnsembleWeights = { ...stackMembers(members), shift: 0.75 };
    const written = await writeModelFiles(dir, weights, meta);
    expect(written.architecture).toEqual({ type: 'embedding-bag-mlp', dim: DIM, hidden: 8, members: 3, combine: 'mean-probability', shift: 0.75 });
    expect(written.weights.floats).toBe(3 * (DIM * 8 + 8 + 8 + 1));
    const model = await loadPayloadModel(dir);
    const x = new FeatureExtractor(features);
    const reference = new EmbeddingBagEnsemble(weights);
    for (const t of ["1' or 1=1--", 'hello', '<svg onload=alert(1)>']) expect(model.scoreText(t)).toBeCloseTo(reference.predict(x.extract(t)), 12);

    const one = join(dir, 'one');
    const single = await writeModelFiles(one, members[0], meta);
    expect(Object.keys(single.architecture).sort()).toEqual(['dim', 'hidden', 'type']);
    expect(single.weights.floats).toBe(DIM * 8 + 8 + 8 + 1);
    expect((await loadPayloadModel(one)).scoreText('hello')).toBe(sigmoid(new EmbeddingBagMlp(members[0]).logit(x.extract('hello'))));
  });

  it('says WARDEN_MODEL_CORRUPT for a member count, combination or shift it cannot use', async () => {
    await writeModelFiles(dir, stackMembers(members), meta);
    const good = await readFile(join(dir, 'model.json'), 'utf8');
    const edit = async (f: (a: Record<string, unknown>) => void): Promise<void> => {
      const m = JSON.parse(good) as { architecture: Record<string, unknown> };
      f(m.architecture);
      await writeFile(join(dir, 'model.json'), JSON.stringify(m));
    };
    await edit((a) => (a.members = 1));
    await expect(loadPayloadModel(dir)).rejects.toMatchObject({ code: 'WARDEN_MODEL_CORRUPT', message: expect.stringMatching(/members must be an integer in 2\.\.16/) as unknown });
    await edit((a) => (a.combine = 'mean-logit'));
    await expect(loadPayloadModel(dir)).rejects.toThrow(/combine must be "mean-probability"/);
    await edit((a) => (a.shift = 'x'));
    await expect(loadPayloadModel(dir)).rejects.toThrow(/shift must be a finite number/);
    await edit((a) => (a.members = 4));
    await expect(loadPayloadModel(dir)).rejects.toThrow(/weights.floats \d+ does not match the architecture/);
    await edit((a) => {
      delete a.members;
    });
    await expect(loadPayloadModel(dir)).rejects.toThrow(/belong to an ensemble/);
  });
});
