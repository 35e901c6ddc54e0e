import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor } from '../../src/model/features.js';
import { EmbeddingBagMlp } from '../../src/model/mlp.js';
import { trainPayloadModel, type TrainingExample } from '../../src/model/train.js';

const examples: TrainingExample[] = [
  ...["1' or '1'='1", "admin'--", '1 union select 1,2,3--', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '../../etc/passwd', '; cat /etc/passwd', '$(id)'].map(
    (text) => ({ text, label: 1 as const }),
  ),
  ...["O'Brien", "it's fine, isn't it?", 'Tom & Jerry', 'a=1&b=2', '(555) 123-4567', '<p>hello</p>', '50% off!', 'C:\\Users\\me\\notes.txt'].map(
    (text) => ({ text, label: 0 as const }),
  ),
];
const featureConfig = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };

describe('trainPayloadModel', () => {
  it('learns a handful of examples, reports progress, and repeats itself for a seed', async () => {
    const progress: number[] = [];
    const options = { featureConfig, seed: 3, epochs: 30, hidden: 8, batchSize: 8, learningRate: 0.05, onProgress: (p: { epoch: number }) => progress.push(p.epoch) };
    const a = await trainPayloadModel(examples, options);
    const b = await trainPayloadModel(examples, { ...options, onProgress: undefined });
    expect(progress.at(-1)).toBe(30);
    expect(Array.from(a.weights.outputWeights)).toEqual(Array.from(b.weights.outputWeights));
    expect(Array.from(a.weights.embedding.slice(0, 4096))).toEqual(Array.from(b.weights.embedding.slice(0, 4096)));

    const mlp = new EmbeddingBagMlp(a.weights);
    const x = new FeatureExtractor(featureConfig);
    for (const e of examples) {
      const p = mlp.predict(x.extract(e.text));
      if (e.label === 1) expect(p, e.text).toBeGreaterThan(0.5);
      else expect(p, e.text).toBeLessThan(0.5);
    }
  });
});
