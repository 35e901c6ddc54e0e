import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { familyAttackCount, familyValidationTexts, keptRepeatsFirst } from '../../datasets/training-set.js';
import { seededRandom } from '../../src/model/prng.js';
import { synthesizeFamilyAttacks } from '../../src/model/training-data/attack-families/index.js';
import { keepOutKey, keptOutKeys } from '../../datasets/training-run.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-training-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('familyValidationTexts (what a --family-split whole run validates the attack families on)', () => {
  const options = { root: '/nonexistent', seed: 1, scale: 0, mutationsPerAttack: 0, synthesized: 0, maxPerBenignGroup: 1, familyAttacks: 40, familyWeights: { 'shell-substitution': 2 } };

  it("draws a tenth of each family's training count from another seed, labelled attacks of that family", () => {
    const texts = familyValidationTexts(options);
    expect(new Set(texts.map((t) => t.category)).size).toBeGreaterThanOrEqual(15);
    expect(texts.every((t) => t.label === 1 && t.source === 'family')).toBe(true);
    const drawn = synthesizeFamilyAttacks(1 ^ 0xfa11, (f) => familyAttackCount({ familyAttacks: 4, familyWeights: options.familyWeights }, f));
    expect(drawn.filter((a) => a.family === 'shell-substitution')).toHaveLength(8);
    expect(drawn.filter((a) => a.family === 'ognl')).toHaveLength(4);
    // Every validation text is a screened form of one of those draws, not of the training seed's.
    const training = new Set(synthesizeFamilyAttacks(1, (f) => familyAttackCount(options, f)).map((a) => a.text));
    expect(drawn.some((a) => !training.has(a.text))).toBe(true);
  });
});

describe('keptOutKeys (--keep-out)', () => {
  it('reads labelled texts gzip\'d or not, keyed by label and exact text', async () => {
    const lines = `${JSON.stringify({ text: "1' or 1=1--", label: 1, group: 'a' })}\n${JSON.stringify({ text: 'hello', label: 0 })}\n`;
    writeFileSync(join(dir, 'v.ndjson.gz'), gzipSync(lines));
    writeFileSync(join(dir, 'v.ndjson'), lines);
    for (const file of ['v.ndjson.gz', 'v.ndjson']) {
      const keys = await keptOutKeys(join(dir, file));
      expect(keys.has(keepOutKey({ label: 1, text: "1' or 1=1--" }))).toBe(true);
      expect(keys.has(keepOutKey({ label: 0, text: 'hello' }))).toBe(true);
      expect(keys.has(keepOutKey({ label: 1, text: 'hello' }))).toBe(false);
    }
  });

  it('refuses a line without text and label, naming the file and line', async () => {
    writeFileSync(join(dir, 'bad.ndjson'), `${JSON.stringify({ text: 'x', label: 0 })}\n{"text":"y"}\n`);
    await expect(keptOutKeys(join(dir, 'bad.ndjson'))).rejects.toThrow(/bad\.ndjson:2/);
  });
});

describe('keptRepeatsFirst (--benign-repeats kept: which benign texts of a group over the cap are kept)', () => {
  const carried = new Map<string, number>([
    ['one-a', 1],
    ['snippet', 18],
    ['one-b', 1],
    ['error message', 40],
    ['one-c', 1],
    ['twice', 2],
    ['one-d', 1],
  ]);

  it('keeps every text when the group is under the cap', () => {
    expect(keptRepeatsFirst(carried, 7, seededRandom(1)).sort()).toEqual([...carried.keys()].sort());
  });

  it('keeps the texts more than one request carries first, most repeated first, then a seeded sample of the rest', () => {
    const kept = keptRepeatsFirst(carried, 5, seededRandom(1));
    expect(kept.slice(0, 3)).toEqual(['error message', 'snippet', 'twice']);
    expect(kept).toHaveLength(5);
    expect(kept.slice(3).every((t) => t.startsWith('one-'))).toBe(true);
    expect(keptRepeatsFirst(carried, 5, seededRandom(1))).toEqual(kept);
  });

  it('keeps only the most repeated when they alone fill the cap', () => {
    expect(keptRepeatsFirst(carried, 2, seededRandom(1))).toEqual(['error message', 'snippet']);
  });
});
