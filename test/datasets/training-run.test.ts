import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { RECIPE_FLAGS } from '../../src/cli/train-flags.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { recipeFromArgs, splitForTraining, type Placement } from '../../datasets/training-run.js';
import { ALL_FAMILIES, type LabelledText } from '../../datasets/training-set.js';
import { V11_FAMILIES } from '../../datasets/families/index.js';

const recipeArgs = { name: 'train', flags: RECIPE_FLAGS };

const texts: LabelledText[] = Array.from({ length: 2000 }, (_, i) => ({
  text: `t${i}`,
  label: (i % 2) as 0 | 1,
  source: i % 3 === 0 ? 'kept' : i % 3 === 1 ? 'held' : 'mutation:held',
  category: 'c',
}));

describe('recipeFromArgs', () => {
  it("takes train-model.ts's defaults when no flag is given", () => {
    const r = recipeFromArgs(parseArgs([], recipeArgs));
    expect(r).toMatchObject({ seed: 1, epochs: 4, hidden: 32, maxFpr: 0.0005, l2: 1e-6, learningRate: 0.01 });
    expect(r.featureConfig).toEqual(DEFAULT_FEATURE_CONFIG);
    expect(r.assembly).toEqual({ root: '../shared/datasets', seed: 1, scale: 1, mutationsPerAttack: 1, maxPerBenignGroup: 8000, synthesized: 30000, benignFamilies: ALL_FAMILIES, familyAttacks: 2000 });
    expect(r.featureConfig.positionNgrams).toBeUndefined();
  });

  it('--benign-families v1.1 and --family-attacks 0 rebuild the corpus of payload-v1.1; an unknown family is refused by name', () => {
    const r = recipeFromArgs(parseArgs(['--benign-families', 'v1.1', '--family-attacks', '0'], recipeArgs));
    expect(r.assembly.benignFamilies).toEqual(V11_FAMILIES);
    expect(r.assembly.familyAttacks).toBe(0);
    expect(recipeFromArgs(parseArgs(['--benign-families', 'json-api,cloud-api'], recipeArgs)).assembly.benignFamilies).toEqual(['json-api', 'cloud-api']);
    expect(() => recipeFromArgs(parseArgs(['--benign-families', 'json-api,nope'], recipeArgs))).toThrow(/--benign-families: unknown family "nope"/);
  });

  it('--position-ngrams adds position features to the feature config', () => {
    expect(recipeFromArgs(parseArgs(['--position-ngrams', '2'], recipeArgs)).featureConfig.positionNgrams).toBe(2);
  });

  it('reads --scale, --epochs, --char-ngrams none and --dim-log2', () => {
    const r = recipeFromArgs(parseArgs(['--scale', '0.3', '--epochs', '2', '--char-ngrams', 'none', '--dim-log2', '12', '--seed', '7'], recipeArgs));
    expect(r.epochs).toBe(2);
    expect(r.assembly).toMatchObject({ scale: 0.3, seed: 7 });
    expect(r.featureConfig.charNgrams).toEqual([]);
    expect(r.featureConfig.dim).toBe(4096);
  });

  it('rejects a flag that is not a number, naming the flag', () => {
    expect(() => recipeFromArgs(parseArgs(['--epochs', 'many'], recipeArgs))).toThrow(/--epochs: must be an integer >= 1 \(got "many"\)/);
  });
});

describe('splitForTraining', () => {
  const place = (t: LabelledText): Placement => (t.source === 'kept' ? 'fit' : t.source === 'held' ? 'test' : 'drop');

  it('measures held-out texts, drops the dropped ones and splits the rest about 90/10', () => {
    const s = splitForTraining(texts, 1, place);
    expect(s.heldOut.every((t) => t.source === 'held')).toBe(true);
    expect(s.heldOut).toHaveLength(667);
    expect([...s.train, ...s.validation].every((t) => t.source === 'kept')).toBe(true);
    expect(s.train.length + s.validation.length).toBe(667);
    expect(s.validation.length).toBeGreaterThan(30);
    expect(s.validation.length).toBeLessThan(110);
  });

  it('gives the same validation split for the same seed whatever is held out elsewhere', () => {
    const a = splitForTraining(texts, 1, place);
    const b = splitForTraining(texts, 1, (t) => (t.source === 'kept' ? 'fit' : 'drop'));
    expect(b.validation).toEqual(a.validation);
    expect(splitForTraining(texts, 2, place).validation).not.toEqual(a.validation);
  });
});
