import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/eval/record.js';
import { parseArgs } from '../../src/cli/args.js';
import { RECIPE_FLAGS } from '../../src/cli/train-flags.js';
import { FeatureExtractor } from '../../src/model/features.js';
import { EmbeddingBagMlp } from '../../src/model/mlp.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import { fitAndScore, recipeFromArgs } from '../../datasets/training-run.js';
import type { LabelledText } from '../../datasets/training-set.js';
import { calibrationSeed, gateTextsOfRequests, MAX_REQUEST_FPR, requestCalibrationFlag, requestScores, requestThreshold, withoutFamilies, type CalibrationRequests } from '../../datasets/request-calibration.js';
import { generateBenign } from '../../datasets/loaders.js';

function jsonPost(id: string, body: Record<string, string>): RequestRecord {
  return {
    id,
    source: 'test',
    label: 'benign',
    category: 'calibration',
    method: 'POST',
    path: '/api/settings',
    query: '',
    headers: { Host: 'example.test', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** `requests` requests holding text 0 (scores low), of which `lump` hold text 1 as well (scores high). */
function lumpy(requests: number, lump: number): CalibrationRequests {
  return {
    texts: ['plain', 'lump'],
    requests: Array.from({ length: requests }, (_, i) => (i < lump ? Uint32Array.of(0, 1) : Uint32Array.of(0))),
    groups: Array.from({ length: requests }, () => 'test/calibration'),
  };
}
const lumpScore = (t: string): number => (t === 'lump' ? 0.99 : 0.1);

describe('gateTextsOfRequests', () => {
  it('keeps per request what the model gate sends to the model: a screened value, not a plain word nor a path mentioned by a setting', async () => {
    const cal = await gateTextsOfRequests([
      jsonPost('a', { q: "1' OR '1'='1", name: 'alice' }),
      jsonPost('b', { name: 'alice', log_file: '/var/log/nginx/access.log' }),
      jsonPost('c', { q: "1' OR '1'='1" }),
    ]);
    expect(cal.requests).toHaveLength(3);
    const textsOf = (r: number): string[] => [...cal.requests[r]].map((i) => cal.texts[i]);
    expect(textsOf(0)).toContain("1' OR '1'='1");
    expect(textsOf(0)).not.toContain('alice');
    expect(textsOf(1)).toEqual([]);
    // A text two requests carry is stored once and counted for each.
    expect(textsOf(2)).toEqual(textsOf(0).filter((t) => t !== 'alice'));
    expect(cal.texts.filter((t) => t === "1' OR '1'='1")).toHaveLength(1);
  });
});

describe('requestThreshold', () => {
  it('counts requests, not distinct texts: a text in 5 of 20,000 requests is above the point (2 allowed), in 2 of them it is not', () => {
    const five = requestThreshold(lumpy(20_000, 5), lumpScore, { seed: 1, resamples: 0 });
    expect(five.threshold).toBeGreaterThan(0.99);
    expect(five.flagged).toBe(0);
    const two = requestThreshold(lumpy(20_000, 2), lumpScore, { seed: 1, resamples: 0 });
    expect(two.threshold).toBeLessThanOrEqual(0.99);
    expect(two.flagged).toBe(2);
    expect(Math.floor(20_000 * MAX_REQUEST_FPR)).toBe(2);
  });

  it("scores a request by its highest text, and a request nothing of which reaches the model as 0", () => {
    const cal: CalibrationRequests = { texts: ['a', 'b'], requests: [Uint32Array.of(0, 1), Uint32Array.of()], groups: ['g', 'g'] };
    expect([...requestScores(cal, (t) => (t === 'a' ? 0.2 : 0.7))]).toEqual([0.7, 0]);
  });

  it('with resamples it reports the bootstrap mean and the 10–90 % range around it, deterministic for a seed', () => {
    const scores = (t: string): number => (t === 'lump' ? 0.99 : 0.1);
    const a = requestThreshold(lumpy(20_000, 3), scores, { seed: 3, resamples: 50 });
    const b = requestThreshold(lumpy(20_000, 3), scores, { seed: 3, resamples: 50 });
    expect(a).toEqual(b);
    expect(a.interval[0]).toBeLessThanOrEqual(a.threshold);
    expect(a.interval[1]).toBeGreaterThanOrEqual(a.threshold);
  });
});

describe('calibration seed and flag', () => {
  it('derives a seed no measurement in the READMEs uses', () => {
    for (const seed of [1, 2, 3]) expect([1, 5, 7, 11, 31, 99, 123, 4242, 7777, 8191]).not.toContain(calibrationSeed(seed));
    expect(calibrationSeed(1)).toBe(calibrationSeed(1));
  });

  it('--request-calibration is on by default, off on request, anything else refused by name', () => {
    expect(requestCalibrationFlag(undefined)).toBe(true);
    expect(requestCalibrationFlag('on')).toBe(true);
    expect(requestCalibrationFlag('off')).toBe(false);
    expect(() => requestCalibrationFlag('maybe')).toThrow(expect.objectContaining({ code: 'WARDEN_CLI_BAD_FLAG_VALUE', message: '--request-calibration: must be on or off (got "maybe")' }));
  });
});

describe('fitAndScore with calibration requests', () => {
  const text = (t: string, label: 0 | 1): LabelledText => ({ text: t, label, source: 'test', category: 'c' });
  const attacks = ["1' or '1'='1", "admin'--", '1 union select 1,2,3--', '<script>alert(1)</script>', '../../etc/passwd', '; cat /etc/passwd', '/etc/passwd', '$(id)'];
  const benign = ["O'Brien", 'Tom & Jerry', 'a=1&b=2', '(555) 123-4567', '<p>hello</p>', '50% off!', 'blue shoes', 'hello world'];
  const split = { train: [...attacks.map((t) => text(t, 1)), ...benign.map((t) => text(t, 0))], validation: [text('red shoes', 0), text('hello there', 0), text('; ls -la', 1)], heldOut: [] };
  const recipe = recipeFromArgs(parseArgs(['--dim-log2', '10', '--hidden', '8', '--epochs', '30', '--lr', '0.05', '--seed', '3'], { name: 'train', flags: RECIPE_FLAGS }));
  // 10 of 20,000 requests carry an attack-like benign text; 2 may be flagged.
  const calibration: CalibrationRequests = {
    texts: ['blue shoes', 'cat food'],
    requests: Array.from({ length: 20_000 }, (_, i) => (i < 10 ? Uint32Array.of(0, 1) : Uint32Array.of(0))),
    groups: Array.from({ length: 20_000 }, () => 'test/calibration'),
  };

  it('raises the operating point to the request threshold and moves the published weights with it', async () => {
    const run = await fitAndScore(split, recipe, () => {}, calibration);
    const without = await fitAndScore(split, recipe, () => {});
    expect(without.requestPoint).toBeUndefined();
    expect(without.fit.rawThreshold).toBe(without.textThreshold);
    expect(run.textThreshold).toBe(without.textThreshold);
    const lump = run.fit.scoreRaw('cat food');
    expect(lump).toBeGreaterThan(run.textThreshold);
    expect(run.requestPoint!.threshold).toBeGreaterThan(run.textThreshold);
    expect(run.fit.rawThreshold).toBe(run.requestPoint!.threshold);
    // The plain order statistic clears the 10 requests; the bootstrap mean weighs resamples with fewer.
    expect(run.requestPoint!.plain).toBeGreaterThan(lump);
    // Published: the raw threshold lands at 0.8, so every text keeps its side of the operating point.
    const published = new EmbeddingBagMlp(run.fit.weights);
    const extractor = new FeatureExtractor(recipe.featureConfig);
    const score = (t: string): number => published.predict(extractor.extract(t));
    for (const t of [...attacks, ...benign, 'cat food']) expect(score(t) >= PUBLISHED_THRESHOLD - 1e-4).toBe(run.fit.scoreRaw(t) >= run.fit.rawThreshold - 1e-5);
  });
});

describe('withoutFamilies', () => {
  it('gives the calibration requests generated without the named families: one generation serves every leave-one-out run', async () => {
    const families = ['site-search', 'tech-notation', 'api-selectors'];
    const all = await gateTextsOfRequests(generateBenign({ seed: 5, scale: 0.02, families }));
    const without = await gateTextsOfRequests(generateBenign({ seed: 5, scale: 0.02, families: ['site-search', 'api-selectors'] }));
    expect(all.groups).toContain('warden-gen/tech-notation');
    const filtered = withoutFamilies(all, ['tech-notation']);
    expect(filtered).toEqual(without);
    expect(filtered.requests.length).toBeLessThan(all.requests.length);
    expect(withoutFamilies(all, [])).toBe(all);
  });
});
