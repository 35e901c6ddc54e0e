import { describe, expect, it } from 'vitest';
import { ATTACK_FAMILIES, synthesizeFamilyAttacks } from '../../../src/model/training-data/attack-families/index.js';
import { synthesizeAttacks } from '../../../src/model/training-data/attack-grammar.js';
import { generateAttackRecords } from '../../../datasets/attack-families.js';
import { recordProblem } from '../../../src/eval/record.js';
import { bodyProblem } from '../../datasets/body-check.js';

describe('attack family grammars (issue 14)', () => {
  const attacks = synthesizeFamilyAttacks(3, 200);

  it('names every family issue 14 lists, each once', () => {
    const names = ATTACK_FAMILIES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'shell-substitution', 'powershell', 'cmd-windows', 'script-oneliner', 'jvm-reflection', 'ognl', 'spel-el-mvel', 'jndi-log4shell', 'serialized-object',
        'php-injection', 'node-ssjs', 'prototype-pollution', 'sql-fragments', 'crlf-header-injection', 'session-fixation', 'ssrf-metadata', 'sensitive-file-probe',
      ]),
    );
  });

  it('is deterministic for a seed, and a family does not depend on the others', () => {
    expect(synthesizeFamilyAttacks(3, 200)).toEqual(attacks);
    expect(synthesizeFamilyAttacks(3, 200, ['ognl'])).toEqual(attacks.filter((a) => a.family === 'ognl'));
    expect(synthesizeFamilyAttacks(4, 50, ['ognl'])).not.toEqual(attacks.filter((a) => a.family === 'ognl').slice(0, 50));
  });

  it.each(ATTACK_FAMILIES.map((f) => [f.name] as const))('%s is a grammar, not a list: most of 200 draws are distinct', (name) => {
    const texts = attacks.filter((a) => a.family === name).map((a) => a.text);
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBeGreaterThan(name === 'sensitive-file-probe' || name === 'session-fixation' ? 60 : 100);
  });

  it('leaves the shipped training grammar untouched (the published recipe stays reproducible)', () => {
    expect(new Set(synthesizeAttacks(7, 2000).map((a) => a.category))).not.toContain('serialized-object');
  });
});

describe('attack family request records', () => {
  const records = generateAttackRecords(1, 40);

  it('are valid warden eval records labelled attack, one category per family', () => {
    for (const r of records) expect(recordProblem(r), r.id).toBeNull();
    expect(new Set(records.map((r) => r.category))).toEqual(new Set(ATTACK_FAMILIES.map((f) => f.name)));
    expect(records.every((r) => r.label === 'attack' && r.source === 'warden-attack-gen')).toBe(true);
  });

  it('carry bodies that match their Content-Type and wire-safe targets and headers', () => {
    for (const r of records) {
      // A malformed escape (`%%0a0a`) is a bypass attempt some decoders fall for: allowed in attacks.
      expect([null, 'bad percent-escape'], `${r.id}: ${r.body?.slice(0, 200)}`).toContain(bodyProblem(r));
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('are the same for the same seed', () => {
    expect(generateAttackRecords(1, 40)).toEqual(records);
  });
});
