import { describe, expect, it } from 'vitest';
import { ATTACK_SOURCES, holdoutGroups, inGroup } from '../../datasets/holdout-groups.js';
import { renderLeaveOneOutMarkdown, verdictOf, type LeaveOneOutReport, type LeaveOneOutRow } from '../../datasets/leave-one-out-report.js';
import { FAMILIES } from '../../datasets/loaders.js';
import { DEFAULT_ATTACK_FAMILIES } from '../../src/model/training-data/attack-families/index.js';
import { familyValidationTexts, type LabelledText } from '../../datasets/training-set.js';
import { NOTHING_HELD_OUT } from '../../datasets/holdout-groups.js';
import { calibrationFor, splitForGroup, together } from '../../datasets/leave-one-out.js';
import { placeForRun, splitForTraining, type TrainingRecipe } from '../../datasets/training-run.js';
import type { CalibrationRequests } from '../../datasets/request-calibration.js';

const text = (source: string, category: string, label: 0 | 1): LabelledText => ({ text: `${source} ${category}`, label, source, category });
const group = (name: string) => holdoutGroups().find((g) => g.name === name)!;

describe('holdout groups', () => {
  it('has one group per generated family, shared benign source, attack source, attack category and attack family', () => {
    const names = holdoutGroups().map((g) => g.name);
    for (const f of FAMILIES) expect(names).toContain(`warden-gen/${f.name}`);
    for (const f of DEFAULT_ATTACK_FAMILIES) expect(names).toContain(`family:${f}`);
    for (const s of ATTACK_SOURCES) expect(names).toContain(`source:${s}`);
    expect(names).toEqual(expect.arrayContaining(['tinyshakespeare', 'libinjection/free-text', 'apache-access-log', 'category:sqli', 'category:open-redirect', 'category:nosqli+ldap']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('holding out a family measures only that family and trains on the others', () => {
    const g = group('warden-gen/json-api');
    expect(g.place(text('warden-gen', 'json-api', 0))).toBe('test');
    expect(g.place(text('warden-gen', 'webhook', 0))).toBe('fit');
    expect(g.place(text('libinjection', 'sqli', 1))).toBe('fit');
  });

  it('holding out an attack source keeps its mutations out of training too, and its benign texts in', () => {
    const g = group('source:libinjection');
    expect(g.place(text('libinjection', 'sqli', 1))).toBe('test');
    expect(g.place(text('mutation:libinjection', 'sqli', 1))).toBe('drop');
    expect(g.place(text('libinjection', 'free-text', 0))).toBe('fit');
    expect(g.place(text('mutation:payloadsallthethings', 'sqli', 1))).toBe('fit');
  });

  it('holding out an attack family measures its grammar only; the other families and the older grammar stay in training', () => {
    const g = group('family:powershell');
    expect(g.place(text('family', 'powershell', 1))).toBe('test');
    expect(g.place(text('family', 'cmd-windows', 1))).toBe('fit');
    expect(g.place(text('synthetic', 'cmdexe', 1))).toBe('fit');
    expect(g.place(text('warden-gen', 'cloud-api', 0))).toBe('fit');
  });

  it('holding out a category drops its mutations and the synthesized attacks of that category', () => {
    const ssti = group('category:ssti');
    expect(ssti.place(text('payloadsallthethings', 'ssti', 1))).toBe('test');
    expect(ssti.place(text('gotestwaf-testcases', 'ssti', 1))).toBe('test');
    expect(ssti.place(text('mutation:payloadsallthethings', 'ssti', 1))).toBe('drop');
    expect(ssti.place(text('synthetic', 'ssti', 1))).toBe('drop');
    expect(ssti.place(text('synthetic', 'open-redirect', 1))).toBe('fit');
    expect(ssti.place(text('synthetic', 'sqli', 1))).toBe('fit');
    expect(group('category:nosqli+ldap').place(text('synthetic', 'ldap', 1))).toBe('drop');
    expect(inGroup(ssti, text('synthetic', 'ssti', 1))).toBe(false);
  });
});

describe('a leave-one-out run trains what train-model.ts trains, minus the held-out groups', () => {
  const recipe: Pick<TrainingRecipe, 'seed' | 'familySplit' | 'assembly'> = {
    seed: 3,
    familySplit: 'whole',
    assembly: { root: '/nonexistent', seed: 3, scale: 0, mutationsPerAttack: 0, synthesized: 0, maxPerBenignGroup: 10, familyAttacks: 30 },
  };
  // A corpus with what the shipped recipe's options act on: repeated benign texts, attack-family texts, the rest.
  const corpus: LabelledText[] = Array.from({ length: 600 }, (_, i): LabelledText => {
    if (i % 5 === 0) return { text: `ts-${i}`, label: 0, source: 'warden-gen', category: 'tech-notation', ...(i % 2 === 0 ? { repeated: true as const } : {}) };
    if (i % 5 === 1) return { text: `ss-${i}`, label: 0, source: 'warden-gen', category: 'site-search', ...(i % 3 === 0 ? { repeated: true as const } : {}) };
    if (i % 5 === 2) return { text: `ps-${i}`, label: 1, source: 'family', category: i % 2 ? 'powershell' : 'ognl' };
    if (i % 5 === 3) return { text: `li-${i}`, label: 1, source: 'libinjection', category: 'sqli' };
    return { text: `mu-${i}`, label: 1, source: 'mutation:libinjection', category: 'sqli' };
  });

  it('with nothing held out, is the split of train-model.ts (repeats and family texts trained on, fresh family draws validated)', () => {
    const trainModel = splitForTraining(corpus, recipe.seed, (t) => placeForRun(t, { isHeldOut: () => false, keptOut: new Set(), familySplit: 'whole' }));
    trainModel.validation.push(...familyValidationTexts(recipe.assembly));
    const mine = splitForGroup(corpus, NOTHING_HELD_OUT, recipe);
    expect(mine).toEqual(trainModel);
    expect(mine.train.filter((t) => t.repeated)).toHaveLength(corpus.filter((t) => t.repeated).length);
    expect(mine.validation.some((t) => t.source === 'family' && t.category === 'powershell')).toBe(true);
    expect(mine.train.filter((t) => t.source === 'family')).toHaveLength(corpus.filter((t) => t.source === 'family').length);
  });

  it('measures a held-out benign family whole, its repeated texts too, and leaves every other text where train-model.ts puts it', () => {
    const g = group('warden-gen/tech-notation');
    const mine = splitForGroup(corpus, g, recipe);
    const base = splitForGroup(corpus, NOTHING_HELD_OUT, recipe);
    expect(mine.heldOut).toEqual(corpus.filter((t) => t.category === 'tech-notation'));
    expect(mine.heldOut.some((t) => t.repeated)).toBe(true);
    expect([...mine.train, ...mine.validation].some((t) => t.category === 'tech-notation')).toBe(false);
    // The split draws only over the texts not held out, so which of them validate may differ; what is trained or validated on does not.
    const key = (ts: LabelledText[]) => ts.map((t) => t.text).sort();
    expect(key([...mine.train, ...mine.validation])).toEqual(key([...base.train, ...base.validation].filter((t) => t.category !== 'tech-notation')));
    expect(mine.train.filter((t) => t.repeated || t.source === 'family')).toEqual(base.train.filter((t) => (t.repeated || t.source === 'family') && t.category !== 'tech-notation'));
  });

  it('holds an attack family out of training and out of the fresh draws validation gets; the other families stay whole in training', () => {
    const mine = splitForGroup(corpus, group('family:powershell'), recipe);
    expect(mine.heldOut).toEqual(corpus.filter((t) => t.category === 'powershell'));
    expect([...mine.train, ...mine.validation].some((t) => t.category === 'powershell')).toBe(false);
    expect(mine.train.filter((t) => t.category === 'ognl')).toHaveLength(corpus.filter((t) => t.category === 'ognl').length);
    expect(mine.validation.some((t) => t.source === 'family' && t.category === 'ognl')).toBe(true);
    expect(splitForGroup(corpus, group('family:powershell'), { ...recipe, familySplit: 'random' }).validation.some((t) => t.source === 'family' && t.category === 'ognl')).toBe(
      splitForTraining(corpus, recipe.seed, (t) => placeForRun(t, { isHeldOut: () => false, keptOut: new Set(), familySplit: 'random' })).validation.some((t) => t.category === 'ognl'),
    );
  });

  it("leaves the held-out benign families of a run out of its request calibration, and only those", () => {
    const cal: CalibrationRequests = {
      texts: ['a', 'b', 'c'],
      requests: [Uint32Array.of(0), Uint32Array.of(1), Uint32Array.of(1, 2)],
      groups: ['warden-gen/tech-notation', 'warden-gen/site-search', 'warden-gen/json-api'],
    };
    const run = together([group('family:powershell'), group('warden-gen/tech-notation'), group('warden-gen/site-search')]);
    expect(run.families).toEqual(['tech-notation', 'site-search']);
    expect(calibrationFor(cal, run)).toEqual({ texts: ['b', 'c'], requests: [Uint32Array.of(0, 1)], groups: ['warden-gen/json-api'] });
    expect(calibrationFor(cal, group('family:powershell'))).toBe(cal);
    expect(calibrationFor(undefined, run)).toBeUndefined();
  });
});

const row = (over: Partial<LeaveOneOutRow>): LeaveOneOutRow => ({
  group: 'warden-gen/tokens',
  kind: 'benign',
  alsoDropped: '',
  heldOut: { count: 1000, rate: 0.999 },
  trainedOn: { count: 100, rate: 1 },
  validation: { tpr: 0.99, tnr: 0.999, attacks: 10, benign: 10 },
  rawThreshold: 0.8,
  trainSeconds: 60,
  worst: [],
  ...over,
});
const marks = { minTnr: 0.995, minTpr: 0.9 };

describe('leave-one-out verdicts', () => {
  it('passes a group at or above its mark when held out', () => {
    expect(verdictOf(row({}), marks)).toBe('pass');
  });

  it('warns when a group is passed only when trained on', () => {
    expect(verdictOf(row({ heldOut: { count: 1000, rate: 0.98 } }), marks)).toBe('warning');
    expect(verdictOf(row({ kind: 'attack-category', heldOut: { count: 100, rate: 0.6 }, trainedOn: { count: 10, rate: 0.95 } }), marks)).toBe('warning');
  });

  it('says so when a group is below its mark even when trained on', () => {
    expect(verdictOf(row({ heldOut: { count: 1000, rate: 0.98 }, trainedOn: { count: 100, rate: 0.99 } }), marks)).toBe('fail');
  });

  it('renders the warnings and the worst errors of the groups below the mark', () => {
    const report: LeaveOneOutReport = {
      date: '2026-11-25',
      command: 'npx tsx datasets/leave-one-out.ts --only tokens',
      recipe: { seed: 1, scale: 0.3, epochs: 2, hidden: 32, mutations: 0.5, synthesized: 12000, maxPerGroup: 8000, maxFpr: 0.001 },
      marks,
      calibration: null,
      rows: [row({ heldOut: { count: 1000, rate: 0.98 }, worst: [{ score: 0.99, group: 'warden-gen/tokens', text: 'a|b`c' }] }), row({ group: 'source:libinjection', kind: 'attack-source' })],
    };
    const md = renderLeaveOneOutMarkdown(report);
    expect(md).toContain('| warden-gen/tokens | 98.00 (1000) | 100.00 (100) |');
    expect(md).toContain('Passed only when trained on (warnings): warden-gen/tokens.');
    expect(md).toContain("- warden-gen/tokens `0.990` warden-gen/tokens: `a|b'c`");
    expect(md).toContain('Attack sources (TPR');
    expect(md).not.toContain('request point');
  });

  it("states the newer recipe options it ran with: family weights, whole family split, kept repeats, exploit records, request point", () => {
    const report: LeaveOneOutReport = {
      date: '2026-12-05',
      command: 'npx tsx datasets/leave-one-out.ts',
      recipe: { seed: 1, scale: 0.2, epochs: 2, hidden: 32, mutations: 0.5, synthesized: 6000, maxPerGroup: 8000, maxFpr: 0.0005, familyAttacks: 400, familyWeights: { 'serialized-object': 2 }, familySplit: 'whole', benignRepeats: 'kept', exploitAttacks: 40, exploitCode: 'skip', requestCalibration: true },
      marks,
      calibration: null,
      rows: [row({ rawThreshold: 0.999, textThreshold: 0.968, heldOut: { count: 500, rate: 0.5 }, heldOutAtTextThreshold: { count: 500, rate: 0.7 } })],
    };
    const md = renderLeaveOneOutMarkdown(report);
    expect(md).toContain('| warden-gen/tokens | 50.00 (500) | 70.00 (500) | 100.00 (100) | 99.00 / 99.90 | 0.999 (0.968) |');
    expect(md).toContain('400 attacks per attack family (weights serialized-object ×2), attack-family texts all trained on (validated on fresh draws), benign texts traffic repeats kept and trained on, 40 exploit-generator records per template (whole-program fields skipped)');
    expect(md).toContain('raised to the request point');
  });
});
