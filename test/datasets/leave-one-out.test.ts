import { describe, expect, it } from 'vitest';
import { ATTACK_SOURCES, holdoutGroups, inGroup } from '../../datasets/holdout-groups.js';
import { renderLeaveOneOutMarkdown, verdictOf, type LeaveOneOutReport, type LeaveOneOutRow } from '../../datasets/leave-one-out-report.js';
import { FAMILIES } from '../../datasets/loaders.js';
import { DEFAULT_ATTACK_FAMILIES } from '../../src/model/training-data/attack-families/index.js';
import type { LabelledText } from '../../datasets/training-set.js';

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
  });
});
