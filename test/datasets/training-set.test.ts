import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleTrainingSet, familyAttackCount, familyValidationTexts, heldBackForms, keptRepeatsFirst, payloadFormTexts, payloadHeldBackForms } from '../../datasets/training-set.js';
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

describe('heldBackForms (--attack-forms held-back: attack spellings serving no longer scores)', () => {
  it('adds the every-escape spelling of a form and its collapsed twin where the JS-escape decoder now leaves escapes as written', () => {
    const served = payloadFormTexts('| type C:\\Windows\\repair\\SAM');
    expect(served).toEqual(['| type C:\\Windows\\repair\\SAM']);
    expect(payloadHeldBackForms('| type C:\\Windows\\repair\\SAM')).toEqual(['| type C:\\Windows\\repair\\SAM', '| type C:\\Windows\repair\\SAM', '| type C:\\Windows epair\\SAM']);
    expect(payloadHeldBackForms('\\1UNION SELECT 2')).toEqual(['\\1UNION SELECT 2', '\u0001UNION SELECT 2']);
  });

  it("keeps a target's percent-escaped forms where its decoded form holds a %u or a % before a letter past Latin-1, as scored-forms did before session 21", () => {
    const raw = "x' LIKE '%25United%25' --";
    const decoded = ["x' LIKE '%United%' --"];
    expect(heldBackForms(raw, decoded)).toEqual([raw, decoded[0]]);
    // A decoded form with no escape remains at all is plain, then and now: the raw spelling stays out.
    expect(heldBackForms("x' OR '1'%3D'1", ["x' OR '1'='1"])).toEqual(["x' OR '1'='1"]);
  });

  it('is the served forms when nothing is held back', () => {
    for (const text of ["1' OR 1=1 --", '<script>alert(1)</script>', '..%2f..%2fetc%2fpasswd']) expect(payloadHeldBackForms(text)).toEqual(payloadFormTexts(text));
  });
});

describe('assembleTrainingSet with attackForms held-back', () => {
  const root = join(dir, 'shared');
  mkdirSync(join(root, 'tiny'), { recursive: true });
  const payloads = [
    { text: '| type C:\\Windows\\repair\\SAM', label: 'attack', category: 'cmdexe' },
    { text: '\\1UNION SELECT 2', label: 'attack', category: 'sqli' },
    { text: '<p style="x:expression\\28alert(1)\\29">', label: 'attack', category: 'xss' },
    { text: 'C:\\Users\\nina\\report.txt', label: 'benign', category: 'paths' },
  ];
  writeFileSync(join(root, 'tiny', 'mixed.payloads.ndjson'), payloads.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const options = { root, seed: 1, scale: 0, mutationsPerAttack: 1, synthesized: 20, maxPerBenignGroup: 10, familyAttacks: 3 };

  it('adds the held-back spellings of attacks (shared, mutated, synthesized, family) after every other text, with their origin, and none by default', () => {
    const served = assembleTrainingSet(options).texts;
    expect(assembleTrainingSet({ ...options, attackForms: 'served' }).texts).toEqual(served);
    const held = assembleTrainingSet({ ...options, attackForms: 'held-back' }).texts;
    expect(held.slice(0, served.length)).toEqual(served);
    const added = held.slice(served.length);
    expect(added.every((t) => t.label === 1)).toBe(true);
    expect(added).toEqual(
      expect.arrayContaining([
        { text: '| type C:\\Windows\repair\\SAM', label: 1, source: 'tiny', category: 'cmdexe' },
        { text: '| type C:\\Windows epair\\SAM', label: 1, source: 'tiny', category: 'cmdexe' },
        { text: '\u0001UNION SELECT 2', label: 1, source: 'tiny', category: 'sqli' },
      ]),
    );
    // A benign payload keeps its served forms only.
    expect(held.filter((t) => t.label === 0)).toEqual(served.filter((t) => t.label === 0));
  });
});
