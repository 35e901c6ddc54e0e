/**
 * datasets/request-point.ts on an ensemble: the raw scale it calibrates on is the members' mean
 * probability (the shift moved back to where `training.rawThreshold` sits), and the model it writes
 * moves the shift alone, the members' weights and output biases untouched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRequestPoint } from '../../datasets/request-point.js';
import type { CalibrationRequests } from '../../datasets/request-calibration.js';
import { requestThreshold } from '../../datasets/request-calibration.js';
import { THRESHOLD_RESAMPLES } from '../../datasets/training-run.js';
import { stackMembers, type EnsembleWeights } from '../../src/model/ensemble.js';
import { moveOperatingPoint } from '../../src/model/evaluate.js';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor } from '../../src/model/features.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { EmbeddingBagMlp, type MlpWeights } from '../../src/model/mlp.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import { seededRandom } from '../../src/model/prng.js';

const features = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };
const logit = (p: number): number => Math.log(p / (1 - p));

function member(seed: number): MlpWeights {
  const r = seededRandom(seed);
  const f = (n: number): Float32Array => Float32Array.from({ length: n }, () => (r() - 0.5) * 2);
  return { embedding: f(features.dim * 8), hiddenBias: f(8), outputWeights: f(8), outputBias: Math.fround(r() - 0.5), dim: features.dim, hidden: 8 };
}

const TEXTS = ["1' or 1=1--", 'hello world', '${jndi:ldap://x/a}', '<svg onload=alert(1)>', 'blue shoes size 42', '../../etc/passwd', 'SELECT name FROM t', 'a|b|c'];
/** 400 requests: each carries one or two of the texts (a request's score is its highest text's). */
const CALIBRATION: CalibrationRequests = {
  texts: TEXTS,
  requests: Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? Uint32Array.of(i % TEXTS.length, (i * 7) % TEXTS.length) : Uint32Array.of(i % TEXTS.length))),
  groups: Array.from({ length: 400 }, () => 'test/calibration'),
};

describe('datasets/request-point.ts, an ensemble', () => {
  let dir: string;
  const members = [member(1), member(2)];
  /** Written as datasets/ensemble.ts writes one: the members' mean published at raw 0.35. */
  const published = 0.35;
  let ensemble: EnsembleWeights;
  const out: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s), calibration: () => Promise.resolve(CALIBRATION) };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-request-point-'));
    ensemble = moveOperatingPoint(stackMembers(members), PUBLISHED_THRESHOLD, published);
    await writeModelFiles(join(dir, 'ens'), ensemble, { version: 'ens-1', createdAt: '2026-12-05T00:00:00Z', features, threshold: PUBLISHED_THRESHOLD, training: { rawThreshold: published, textThreshold: 0.05 } });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("calibrates the members' mean probability and writes the ensemble with its shift moved there, members untouched", async () => {
    expect(await runRequestPoint(['--model', join(dir, 'ens'), '--out', join(dir, 'moved'), '--name', 'ens-2'], io), out.join('\n')).toBe(0);
    // The raw scale, recomputed from the members alone: their mean probability.
    const extractor = new FeatureExtractor(features);
    const mlps = members.map((m) => new EmbeddingBagMlp(m));
    const mean = (t: string): number => mlps.reduce((s, m) => s + m.predict(extractor.extract(t)), 0) / mlps.length;
    const point = requestThreshold(CALIBRATION, mean, { seed: 1, resamples: THRESHOLD_RESAMPLES });
    expect(point.threshold).toBeGreaterThan(0.05);
    expect(out.join('\n')).toContain(`ens-1: request point ${point.threshold.toFixed(4)}`);
    expect(out.join('\n')).toContain(`published at ${published.toFixed(4)}, per-text point 0.0500`);

    const moved = await loadPayloadModel(join(dir, 'moved'));
    const w = moved.weights as EnsembleWeights;
    expect(moved.version).toBe('ens-2');
    expect(moved.metadata.architecture).toMatchObject({ members: 2, combine: 'mean-probability' });
    expect(w.embedding).toEqual(ensemble.embedding);
    expect(w.outputBiases).toEqual(ensemble.outputBiases);
    expect(w.shift).toBeCloseTo(logit(PUBLISHED_THRESHOLD) - logit(point.threshold), 9);
    expect((moved.metadata.training as { rawThreshold: number }).rawThreshold).toBe(point.threshold);
    // Published at 0.8 exactly where the members' mean reaches the request point.
    for (const t of TEXTS) expect(logit(moved.scoreText(t))).toBeCloseTo(logit(mean(t)) + w.shift, 4);
  });

  it('never moves the ensemble below the per-text point it recorded', async () => {
    const high = join(dir, 'high');
    await writeModelFiles(high, ensemble, { version: 'ens-h', createdAt: '2026-12-05T00:00:00Z', features, threshold: PUBLISHED_THRESHOLD, training: { rawThreshold: published, textThreshold: 0.999 } });
    expect(await runRequestPoint(['--model', high, '--out', join(dir, 'high-moved'), '--name', 'ens-h2'], io)).toBe(0);
    const moved = (await loadPayloadModel(join(dir, 'high-moved'))).weights as EnsembleWeights;
    expect(moved.shift).toBeCloseTo(logit(PUBLISHED_THRESHOLD) - logit(0.999), 9);
  });
});
