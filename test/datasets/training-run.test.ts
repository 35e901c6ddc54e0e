import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { RECIPE_FLAGS } from '../../src/cli/train-flags.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { calibrationFamiliesFlag, familyWeightsFlag, placeForRun, recipeFromArgs, splitForTraining, validationSamples, type Placement } from '../../datasets/training-run.js';
import { ALL_FAMILIES, CANDIDATE_FAMILY_WEIGHTS, familyAttackCount, type LabelledText } from '../../datasets/training-set.js';
import { synthesizeFamilyAttacks } from '../../src/model/training-data/attack-families/index.js';
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
    expect(r.assembly).toEqual({ root: '../shared/datasets', seed: 1, scale: 1, mutationsPerAttack: 1, maxPerBenignGroup: 8000, synthesized: 30000, benignFamilies: ALL_FAMILIES, familyAttacks: 2000, familyWeights: {}, exploitAttacks: 0, exploitCode: 'keep', benignRepeats: 'sampled', attackForms: 'served', contextWrap: 0 });
    expect(r.familySplit).toBe('random');
    expect(recipeFromArgs(parseArgs(['--context-wrap', '5000'], recipeArgs)).assembly.contextWrap).toBe(5000);
    expect(r.featureConfig.positionNgrams).toBeUndefined();
  });

  it('--benign-families v1.1 and --family-attacks 0 rebuild the corpus of payload-v1.1; an unknown family is refused by name', () => {
    const r = recipeFromArgs(parseArgs(['--benign-families', 'v1.1', '--family-attacks', '0'], recipeArgs));
    expect(r.assembly.benignFamilies).toEqual(V11_FAMILIES);
    expect(r.assembly.familyAttacks).toBe(0);
    expect(recipeFromArgs(parseArgs(['--benign-families', 'json-api,cloud-api'], recipeArgs)).assembly.benignFamilies).toEqual(['json-api', 'cloud-api']);
    expect(() => recipeFromArgs(parseArgs(['--benign-families', 'json-api,nope'], recipeArgs))).toThrow(/--benign-families: unknown family "nope"/);
  });

  it('--family-weights multiplies --family-attacks per family; unset or none draws every family alike (payload-v1.2); a bad item is refused by name', () => {
    expect(familyAttackCount(recipeFromArgs(parseArgs([], recipeArgs)).assembly, 'shell-substitution')).toBe(2000);
    expect(familyAttackCount(recipeFromArgs(parseArgs(['--family-weights', 'none'], recipeArgs)).assembly, 'shell-substitution')).toBe(2000);
    const candidate = Object.entries(CANDIDATE_FAMILY_WEIGHTS).map(([f, w]) => `${f}=${w}`).join(',');
    const measured = recipeFromArgs(parseArgs(['--family-weights', candidate], recipeArgs)).assembly;
    expect([familyAttackCount(measured, 'shell-substitution'), familyAttackCount(measured, 'cmd-windows'), familyAttackCount(measured, 'ognl')]).toEqual([4000, 3000, 2000]);
    const some = recipeFromArgs(parseArgs(['--family-attacks', '400', '--family-weights', 'ognl=1.5,cmd-windows=0'], recipeArgs)).assembly;
    expect([familyAttackCount(some, 'ognl'), familyAttackCount(some, 'cmd-windows'), familyAttackCount(some, 'shell-substitution')]).toEqual([600, 0, 400]);
    expect(() => familyWeightsFlag('ognl=2,nope=3')).toThrow(/--family-weights: "nope=3" is not family=weight/);
    expect(() => familyWeightsFlag('ognl')).toThrow(/--family-weights: "ognl"/);
    expect(() => familyWeightsFlag('ognl=-1')).toThrow(/--family-weights: "ognl=-1"/);
  });

  it('--exploit-attacks takes a record count per exploit template (0 by default), --exploit-code keep or skip; anything else is refused', () => {
    expect(recipeFromArgs(parseArgs(['--exploit-attacks', '200'], recipeArgs)).assembly.exploitAttacks).toBe(200);
    expect(() => recipeFromArgs(parseArgs(['--exploit-attacks', '-1'], recipeArgs))).toThrow(/--exploit-attacks/);
    expect(recipeFromArgs(parseArgs([], recipeArgs)).assembly.exploitCode).toBe('keep');
    expect(recipeFromArgs(parseArgs(['--exploit-code', 'skip'], recipeArgs)).assembly.exploitCode).toBe('skip');
    expect(() => recipeFromArgs(parseArgs(['--exploit-code', 'drop'], recipeArgs))).toThrow(expect.objectContaining({ code: 'WARDEN_CLI_BAD_FLAG_VALUE', message: '--exploit-code: must be keep or skip (got "drop")' }));
  });

  it('--benign-repeats takes sampled (the default, payload-v1.2) or kept and refuses anything else', () => {
    expect(recipeFromArgs(parseArgs(['--benign-repeats', 'kept'], recipeArgs)).assembly.benignRepeats).toBe('kept');
    expect(() => recipeFromArgs(parseArgs(['--benign-repeats', 'weighted'], recipeArgs))).toThrow(expect.objectContaining({ code: 'WARDEN_CLI_BAD_FLAG_VALUE', message: '--benign-repeats: must be sampled or kept (got "weighted")' }));
  });

  it('--attack-forms takes served (the default) or held-back and refuses anything else', () => {
    expect(recipeFromArgs(parseArgs(['--attack-forms', 'held-back'], recipeArgs)).assembly.attackForms).toBe('held-back');
    expect(() => recipeFromArgs(parseArgs(['--attack-forms', 'all'], recipeArgs))).toThrow(expect.objectContaining({ code: 'WARDEN_CLI_BAD_FLAG_VALUE', message: '--attack-forms: must be served or held-back (got "all")' }));
  });

  it('--calibration-families: unset leaves the run\'s benign families, all or a list names them, an unknown family is refused by name', () => {
    expect(calibrationFamiliesFlag(undefined)).toBeUndefined();
    expect(calibrationFamiliesFlag('all')).toEqual(ALL_FAMILIES);
    expect(calibrationFamiliesFlag('json-api,config-editor')).toEqual(['json-api', 'config-editor']);
    expect(() => calibrationFamiliesFlag('json-api,nope')).toThrow(/--calibration-families: unknown family "nope"/);
    expect(() => calibrationFamiliesFlag(',')).toThrow(/--calibration-families/);
  });

  it('--family-split takes random or whole and refuses anything else', () => {
    expect(recipeFromArgs(parseArgs(['--family-split', 'whole'], recipeArgs)).familySplit).toBe('whole');
    expect(() => recipeFromArgs(parseArgs(['--family-split', 'half'], recipeArgs))).toThrow(expect.objectContaining({ code: 'WARDEN_CLI_BAD_FLAG_VALUE', message: '--family-split: must be random or whole (got "half")' }));
  });

  it("draws a family's first attacks the same whatever its count or the other families' counts", () => {
    const few = synthesizeFamilyAttacks(5, 20, ['shell-substitution', 'ognl']);
    const more = synthesizeFamilyAttacks(5, (f) => (f === 'shell-substitution' ? 60 : 20), ['shell-substitution', 'ognl']);
    expect(more.filter((a) => a.family === 'shell-substitution')).toHaveLength(60);
    expect(more.filter((a) => a.family === 'shell-substitution').slice(0, 20)).toEqual(few.filter((a) => a.family === 'shell-substitution'));
    expect(more.filter((a) => a.family === 'ognl')).toEqual(few.filter((a) => a.family === 'ognl'));
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

  it('puts kept-out texts in validation, never in training, and leaves every other text where the plain split puts it', () => {
    const keptOut = new Set(texts.filter((_, i) => i % 7 === 0).map((t) => t.text));
    const plain = splitForTraining(texts, 1, (t) => (t.source === 'kept' ? 'fit' : 'drop'));
    const withKeepOut = splitForTraining(texts, 1, (t) => (t.source !== 'kept' ? 'drop' : keptOut.has(t.text) ? 'validate' : 'fit'));
    expect(withKeepOut.train.some((t) => keptOut.has(t.text))).toBe(false);
    expect(withKeepOut.train).toEqual(plain.train.filter((t) => !keptOut.has(t.text)));
    expect(withKeepOut.validation.filter((t) => !keptOut.has(t.text))).toEqual(plain.validation.filter((t) => !keptOut.has(t.text)));
    expect(withKeepOut.validation.filter((t) => keptOut.has(t.text))).toHaveLength(texts.filter((t) => t.source === 'kept' && keptOut.has(t.text)).length);
  });

  it('places a run\'s texts: held out before kept out, kept out before a whole family split', () => {
    const fam: LabelledText = { text: 'x$(id)', label: 1, source: 'family', category: 'shell-substitution' };
    const run = { isHeldOut: (t: LabelledText) => t.category === 'held', keptOut: new Set<string>(), familySplit: 'whole' as const };
    expect(placeForRun(fam, run)).toBe('train');
    expect(placeForRun(fam, { ...run, familySplit: 'random' })).toBe('fit');
    expect(placeForRun(fam, { ...run, keptOut: new Set(['1\u0000x$(id)']) })).toBe('validate');
    expect(placeForRun({ ...fam, category: 'held' }, run)).toBe('test');
    expect(placeForRun({ ...fam, source: 'mutation:x', category: 'held' }, run)).toBe('drop');
  });

  it('trains on a benign text traffic repeats (--benign-repeats kept) unless it is held out or kept out', () => {
    const snippet: LabelledText = { text: 'cd %USERPROFILE%\\Downloads && dir /s *.msi', label: 0, source: 'warden-gen', category: 'multipart-upload', repeated: true };
    const run = { isHeldOut: (t: LabelledText) => t.category === 'held', keptOut: new Set<string>(), familySplit: 'random' as const };
    expect(placeForRun(snippet, run)).toBe('train');
    expect(placeForRun({ ...snippet, repeated: undefined }, run)).toBe('fit');
    expect(placeForRun(snippet, { ...run, keptOut: new Set([`0\u0000${snippet.text}`]) })).toBe('validate');
    expect(placeForRun({ ...snippet, category: 'held' }, run)).toBe('test');
  });

  it('trains on texts placed in train whatever the split draws, leaving the others where the plain split puts them', () => {
    const whole = new Set(texts.filter((_, i) => i % 5 === 0).map((t) => t.text));
    const plain = splitForTraining(texts, 1, (t) => (t.source === 'kept' ? 'fit' : 'drop'));
    const withWhole = splitForTraining(texts, 1, (t) => (t.source !== 'kept' ? 'drop' : whole.has(t.text) ? 'train' : 'fit'));
    expect(withWhole.validation.some((t) => whole.has(t.text))).toBe(false);
    expect(withWhole.validation).toEqual(plain.validation.filter((t) => !whole.has(t.text)));
    expect(withWhole.train.filter((t) => whole.has(t.text))).toHaveLength(texts.filter((t) => t.source === 'kept' && whole.has(t.text)).length);
  });
});

describe('validationSamples', () => {
  it('marks a benign validation text ambiguous when a training or validation attack is the same text, case and path separators aside', () => {
    const t = (text: string, label: 0 | 1, source = 'warden-gen'): LabelledText => ({ text, label, source, category: 'c' });
    const split = {
      train: [t('C:/windows/system32/drivers/etc/hosts', 1, 'payloadsallthethings'), t('q=1', 0)],
      validation: [t('C:\\Windows\\System32\\drivers\\etc\\hosts', 0), t('/var/log/syslog', 0), t('/var/log/syslog', 1, 'payloadsallthethings'), t('/etc/hosts', 0)],
      heldOut: [t('/etc/hosts', 1, 'held')],
    };
    const samples = validationSamples(split);
    expect(samples.map((s) => s.ambiguous === true)).toEqual([true, true, false, false]);
    // The held-out attack is never looked at, and an ambiguous text keeps its label and group for the reports.
    expect(samples[0]).toMatchObject({ label: 0, group: 'warden-gen/c' });
  });
});
