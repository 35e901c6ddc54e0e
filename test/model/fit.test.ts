import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { fitPayloadModel, type LabelledSample } from '../../src/model/fit.js';

const sample = (text: string, label: 0 | 1, ambiguous?: boolean): LabelledSample => ({ text, label, group: 'g', ...(ambiguous ? { ambiguous } : {}) });
const train: LabelledSample[] = [
  ...["1' or '1'='1", "admin'--", '1 union select 1,2,3--', '<script>alert(1)</script>', '../../etc/passwd', '; cat /etc/passwd', '/etc/passwd', '$(id)'].map((t) => sample(t, 1)),
  ...["O'Brien", 'Tom & Jerry', 'a=1&b=2', '(555) 123-4567', '<p>hello</p>', '50% off!', 'blue shoes', 'hello world'].map((t) => sample(t, 0)),
];
const options = { featureConfig: { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 }, seed: 3, epochs: 30, hidden: 8, learningRate: 0.05, l2: 1e-6, maxFpr: 0 };

describe('fitPayloadModel', () => {
  it('leaves a benign validation text marked ambiguous out of the operating point, and counts it', async () => {
    const benign = ['red shoes', 'hello there', 'Tom and Jerry'].map((t) => sample(t, 0));
    const plain = await fitPayloadModel(train, [...benign, sample('/etc/passwd', 0)], options);
    const marked = await fitPayloadModel(train, [...benign, sample('/etc/passwd', 0, true)], options);
    const score = marked.scoreRaw('/etc/passwd');
    // maxFpr 0: without the mark the threshold must clear the attack-like benign text (up to the 0.999
    // cap); with it, it need not.
    expect(plain.rawThreshold).toBeGreaterThanOrEqual(Math.min(0.999, score));
    expect(marked.rawThreshold).toBeLessThan(score);
    expect(marked.ambiguousBenign).toBe(1);
    expect(plain.ambiguousBenign).toBe(0);
    expect(marked.thresholdInterval).toEqual([marked.rawThreshold, marked.rawThreshold]);
  });

  it('averages the threshold over bootstrap resamples when asked, and reports their spread', async () => {
    const benign = Array.from({ length: 400 }, (_, i) => sample(i % 40 === 0 ? `select the ${i} best` : `blue shoes ${i}`, 0));
    const plain = await fitPayloadModel(train, benign, { ...options, maxFpr: 0.01 });
    const boot = await fitPayloadModel(train, benign, { ...options, maxFpr: 0.01, thresholdResamples: 50 });
    expect(boot.rawThreshold).not.toBe(plain.rawThreshold);
    expect(boot.thresholdInterval[0]).toBeLessThan(boot.thresholdInterval[1]);
    expect(boot.rawThreshold).toBeGreaterThanOrEqual(boot.thresholdInterval[0]);
    expect(boot.rawThreshold).toBeLessThanOrEqual(boot.thresholdInterval[1]);
  });
});
