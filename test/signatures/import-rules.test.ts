import { describe, expect, it } from 'vitest';
import { importRuleSources, importRuleSourcesInTurns } from '../../src/signatures/import-rules.js';
import { HTTP } from './parse-helpers.js';

const rule = (sid: number, rev: number, content = 'x'): string => `${HTTP} (content:"${content}"; sid:${sid}; rev:${rev};)`;

describe('importing again, as a reload does', () => {
  it('keeps the rules of a file whose text did not change and parses the changed file anew', () => {
    const first = importRuleSources([
      { file: 'a.rules', text: rule(11, 1, 'alpha') },
      { file: 'b.rules', text: rule(12, 1, 'beta') },
    ]);
    const again = importRuleSources([
      { file: 'a.rules', text: rule(11, 1, 'alpha') },
      { file: 'b.rules', text: rule(12, 2, 'beta-edited') },
    ]);
    expect(again.rules[0]).toBe(first.rules[0]);
    expect(again.rules[1]).not.toBe(first.rules[1]);
    expect(again.rules.map((r) => `${r.sid}:${r.rev}`)).toEqual(['11:1', '12:2']);
  });

  it('reports each import on its own: a duplicate resolved in the last import is not carried into the next', () => {
    const first = importRuleSources([
      { file: 'a.rules', text: rule(5, 1, 'old') },
      { file: 'b.rules', text: rule(5, 3, 'new') },
    ]);
    expect(first.report.entries.map((e) => e.status)).toEqual(['rejected', 'accepted']);
    // b.rules no longer reuses sid 5: a.rules, unchanged and not parsed again, now loads.
    const again = importRuleSources([
      { file: 'a.rules', text: rule(5, 1, 'old') },
      { file: 'b.rules', text: rule(6, 1, 'new') },
    ]);
    expect(again.report.entries.map((e) => [e.file, e.status, e.code])).toEqual([
      ['a.rules', 'accepted', null],
      ['b.rules', 'accepted', null],
    ]);
    expect(again.rules.map((r) => r.sid)).toEqual([5, 6]);
  });

  it('parses a file anew when the settings it is parsed with change (variables, flavour)', () => {
    const text = `${HTTP} (content:"gamma"; sid:21;)`;
    const first = importRuleSources([{ file: 'c.rules', text }], { variables: { HTTP_PORTS: '80' }, servedPorts: [80] });
    const other = importRuleSources([{ file: 'c.rules', text }], { variables: { HTTP_PORTS: '[9999]' }, servedPorts: [80] });
    expect(first.rules).toHaveLength(1);
    expect(other.rules).toHaveLength(0);
    expect(other.report.entries[0]).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_NOT_HTTP' });
    const snort3 = importRuleSources([{ file: 'c.rules', text: rule(22, 1) }], { flavour: 'snort3' });
    const snort2 = importRuleSources([{ file: 'c.rules', text: rule(22, 1) }], { flavour: 'snort2' });
    expect(snort2.rules[0]).not.toBe(snort3.rules[0]);
  });
});

describe('importing in turns (a reload on the event loop the proxy serves from)', () => {
  it('pauses inside a long file it parses, not only between files, and imports what the import at once does', async () => {
    // 600 statements: a refreshed pack's file of thousands took seconds in one piece.
    const text = Array.from({ length: 600 }, (_, i) => rule(20_000 + i, 1, `turns-${i}`)).join('\n');
    let pauses = 0;
    const inTurns = await importRuleSourcesInTurns([{ file: 'turns.rules', text }], {}, async () => {
      pauses++;
    });
    // Two pieces of 250 inside the file, one after it, one before the sids are resolved.
    expect(pauses).toBe(4);
    const atOnce = importRuleSources([{ file: 'turns-again.rules', text }]);
    expect(inTurns.rules.map((r) => r.sid)).toEqual(atOnce.rules.map((r) => r.sid));
    expect(inTurns.report.entries.map((e) => e.status)).toEqual(atOnce.report.entries.map((e) => e.status));
  });
});
