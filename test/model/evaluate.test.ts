import { describe, expect, it } from 'vitest';
import { bootstrapThresholdForFpr, thresholdForFpr } from '../../src/model/evaluate.js';
import { seededRandom } from '../../src/model/prng.js';

/** 20,000 benign scores: a bulk near 0 and a thin tail towards 1, the shape a validation split has. */
function benignScores(seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: 20_000 }, () => {
    const u = random();
    return u < 0.995 ? u * 0.2 : 0.5 + random() * 0.5;
  });
}

describe('thresholdForFpr', () => {
  it('puts the threshold just above the highest benign score that must stay below it', () => {
    const scores = [0.1, 0.2, 0.95, 0.3, 0.9];
    expect(thresholdForFpr(scores, 0)).toBeCloseTo(0.95 + 1e-6, 9);
    expect(thresholdForFpr(scores, 0.2)).toBeCloseTo(0.9 + 1e-6, 9);
  });
});

describe('bootstrapThresholdForFpr', () => {
  it('is deterministic for a seed and lands between the neighbouring order statistics of the plain threshold', () => {
    const scores = benignScores(1);
    const a = bootstrapThresholdForFpr(scores, 0.0005, { seed: 3 });
    expect(bootstrapThresholdForFpr(scores, 0.0005, { seed: 3 })).toEqual(a);
    const sorted = [...scores].sort((x, y) => y - x);
    expect(a.threshold).toBeGreaterThan(sorted[30]);
    expect(a.threshold).toBeLessThan(sorted[2]);
    expect(a.low).toBeLessThanOrEqual(a.threshold);
    expect(a.high).toBeGreaterThanOrEqual(a.threshold);
    expect(a.high).toBeGreaterThan(a.low);
  });

  it('moves less than the plain order statistic when one benign text crosses it', () => {
    // 20,000 benign texts, 10 of them allowed above the threshold: a bulk near 0 and a tail of 30
    // evenly spaced on the logit scale. A retrain scores the text just below the plain threshold (rank
    // 11) as the highest of all: the plain threshold jumps a whole gap, the bootstrap mean part of one.
    const random = seededRandom(5);
    const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
    const logit = (p: number): number => Math.log(p / (1 - p));
    const tail = Array.from({ length: 30 }, (_, i) => sigmoid(7 - i * 0.2));
    const scores = [...tail, ...Array.from({ length: 19_970 }, () => random() * 0.2)];
    const crossed = scores.map((s, i) => (i === 10 ? sigmoid(7.5) : s));
    const plain = logit(thresholdForFpr(scores, 0.0005)) - logit(thresholdForFpr(crossed, 0.0005));
    const boot = logit(bootstrapThresholdForFpr(scores, 0.0005).threshold) - logit(bootstrapThresholdForFpr(crossed, 0.0005).threshold);
    expect(plain).toBeCloseTo(-0.2, 3);
    expect(boot).toBeLessThan(0);
    expect(boot).toBeGreaterThan(plain * 0.8);
  });

  it('answers 0.5 without benign scores, as the plain threshold did', () => {
    expect(bootstrapThresholdForFpr([], 0.0005).threshold).toBe(0.5);
  });
});
