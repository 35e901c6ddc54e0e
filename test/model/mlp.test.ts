import { describe, expect, it } from 'vitest';
import { EmbeddingBagMlp, type MlpWeights } from '../../src/model/mlp.js';
import { seededRandom } from '../../src/model/prng.js';
import { tfjsPredict } from '../../src/model/tfjs-embedding-bag.js';
import { loadTfRuntime } from '../../src/model/tfjs-runtime.js';

function randomWeights(dim: number, hidden: number, seed: number): MlpWeights {
  const r = seededRandom(seed);
  const f = (n: number, s: number): Float32Array => Float32Array.from({ length: n }, () => (r() - 0.5) * s);
  return { embedding: f(dim * hidden, 0.6), hiddenBias: f(hidden, 0.4), outputWeights: f(hidden, 2), outputBias: (r() - 0.5) * 2, dim, hidden };
}

function randomSets(dim: number, n: number, seed: number): Uint32Array[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const s = new Set<number>();
    const size = i === 0 ? 0 : 1 + Math.floor(r() * 60);
    while (s.size < size) s.add(Math.floor(r() * dim));
    return Uint32Array.from([...s].sort((a, b) => a - b));
  });
}

describe('EmbeddingBagMlp (typed-array forward pass)', () => {
  it('equals the tfjs forward pass on the same weights to 1e-5', async () => {
    const { tf } = await loadTfRuntime();
    const weights = randomWeights(1024, 16, 7);
    const sets = randomSets(1024, 40, 8);
    const reference = tfjsPredict(tf, weights, sets);
    const mlp = new EmbeddingBagMlp(weights);
    sets.forEach((s, i) => expect(Math.abs(mlp.predict(s) - reference[i])).toBeLessThan(1e-5));
  });

  it('gives bit-identical logits to the plain per-feature loop (rows added in feature order, float32 after each add)', () => {
    // The loop the shipped model was validated with; the blocked version must not change a single bit.
    const plainLogit = (w: MlpWeights, features: Uint32Array): number => {
      const act = Float32Array.from(w.hiddenBias);
      for (const f of features) for (let j = 0; j < w.hidden; j++) act[j] += w.embedding[f * w.hidden + j];
      let out = w.outputBias;
      for (let j = 0; j < w.hidden; j++) if (act[j] > 0) out += act[j] * w.outputWeights[j];
      return out;
    };
    // 96: the 3-member ensemble's width (four passes of 6 lane groups); 64 and 52: passes, then groups one
    // at a time; 32: one member (two passes of 4); 12 and 4: one short pass; 5 and 1: the JS loop alone.
    for (const hidden of [96, 64, 52, 36, 32, 12, 4, 5, 1]) {
      const weights = randomWeights(512, hidden, hidden);
      const simd = new EmbeddingBagMlp(weights);
      const js = new EmbeddingBagMlp(weights, { simd: false });
      expect(simd.usesSimd).toBe(hidden % 4 === 0);
      expect(js.usesSimd).toBe(false);
      const r = seededRandom(hidden + 100);
      for (let k = 0; k < 200; k++) {
        // Unsorted, as the extractor emits them (first-occurrence order), and up to 1500 long.
        const features = Uint32Array.from({ length: Math.floor(r() * 1500) }, () => Math.floor(r() * 512));
        const expected = plainLogit(weights, features);
        expect(Object.is(simd.logit(features), expected)).toBe(true);
        expect(Object.is(js.logit(features), expected)).toBe(true);
      }
    }
  });

  it('sums with WebAssembly SIMD when the hidden size is a multiple of 4, the JS loop otherwise', () => {
    // Node 20 has WebAssembly SIMD on by default; the shipped model has 32 hidden units.
    expect(new EmbeddingBagMlp(randomWeights(64, 32, 1)).usesSimd).toBe(true);
    expect(new EmbeddingBagMlp(randomWeights(64, 12, 1)).usesSimd).toBe(true);
    expect(new EmbeddingBagMlp(randomWeights(64, 5, 1)).usesSimd).toBe(false);
  });

  it('falls back to the JS loop for more features than the SIMD buffer holds, with the same logit', () => {
    const weights = randomWeights(256, 8, 3);
    const r = seededRandom(4);
    const features = Uint32Array.from({ length: 20_000 }, () => Math.floor(r() * 256));
    expect(new EmbeddingBagMlp(weights).logit(features)).toBe(new EmbeddingBagMlp(weights, { simd: false }).logit(features));
  });

  it('rejects weights whose shapes disagree with dim × hidden', () => {
    const w = randomWeights(64, 4, 1);
    expect(() => new EmbeddingBagMlp({ ...w, hidden: 5 })).toThrow(/expected/);
  });
});
