import { describe, expect, it } from 'vitest';
import { RULE_ACTIONS } from '../../src/signatures/rule.js';
import { compileRules } from '../../src/signatures/compile/compile-rules.js';
import { parseText } from './parse-helpers.js';
import { buildInspection } from './fixtures.js';

describe('statements a rule file is cut into', () => {
  it('ends an unterminated rule where the next rule starts, and names its own line and sid', () => {
    const { entries } = parseText(
      ['alert http (msg:"a"; http_uri; content:"/a"; sid:11;', 'alert http (msg:"b"; http_uri; content:"/b"; sid:12;)', ''].join('\n'),
    );
    expect(entries).toMatchObject([
      { line: 1, sid: 11, status: 'rejected', code: 'WARDEN_SIGNATURES_UNTERMINATED', msg: 'a' },
      { line: 2, sid: 12, status: 'accepted' },
    ]);
    expect(entries[0].reason).toContain('before the next rule at line 2');
  });

  it('names the sid of a rule broken by an unbalanced quote, and keeps the rule after it', () => {
    const { entries } = parseText('alert tcp any any -> any 80 (msg:"a"; content:"x; sid:21; rev:3;)\nalert tcp any any -> any 80 (content:"y"; sid:22;)');
    expect(entries).toMatchObject([
      { line: 1, gid: 1, sid: 21, rev: 3, status: 'rejected', code: 'WARDEN_SIGNATURES_SYNTAX' },
      { line: 2, sid: 22, status: 'accepted' },
    ]);
  });

  it('reports a line that is not a rule, variable or comment, with its line number', () => {
    const { entries } = parseText('# comment\n\nthis is not a rule\nalert tcp any any -> any 80 (content:"y"; sid:31;)\nconfig detection: search-method ac');
    expect(entries).toMatchObject([
      { line: 3, sid: null, status: 'rejected', code: 'WARDEN_SIGNATURES_NOT_A_RULE' },
      { line: 4, sid: 31, status: 'accepted' },
      { line: 5, sid: null, status: 'rejected', code: 'WARDEN_SIGNATURES_NOT_A_RULE' },
    ]);
    expect(entries[0].reason).toContain('this is not a rule');
  });

  it('reports a misspelt action under its sid instead of skipping the line', () => {
    const { entries } = parseText('alret tcp any any -> any 80 (content:"y"; sid:41;)');
    expect(entries).toMatchObject([{ line: 1, sid: 41, status: 'rejected', code: 'WARDEN_SIGNATURES_SYNTAX' }]);
    expect(entries[0].reason).toContain("unknown action 'alret'");
  });
});

describe('rule actions', () => {
  const expected: Record<string, string> = {
    alert: 'suspicious',
    log: 'suspicious',
    pass: 'allow',
    drop: 'block',
    reject: 'block',
    sdrop: 'block',
    block: 'block',
    react: 'block',
    rewrite: 'block',
    rejectsrc: 'block',
    rejectdst: 'block',
    rejectboth: 'block',
  };

  // Suricata's reject variants go with its own syntax (full header, dotted buffers); the rest as Snort 3.
  const ruleWith = (action: string): string =>
    action.startsWith('reject') && action !== 'reject'
      ? `${action} http any any -> any any (msg:"m"; http.uri; content:"/act"; sid:50;)`
      : `${action} http (msg:"m"; http_uri; content:"/act"; sid:50;)`;

  it.each(RULE_ACTIONS.map((a) => [a]))('maps %s to an effect by default', (action) => {
    const { rules, entries } = parseText(ruleWith(action));
    expect(entries).toHaveLength(1);
    expect(entries[0].status).not.toBe('rejected');
    const hits = compileRules(rules).evaluate(buildInspection({ url: '/act' })).hits;
    expect(hits.map((h) => h.effect)).toEqual([expected[action]]);
  });

  it('reports a three-rule file with one block rule as three statements', () => {
    const { entries } = parseText(
      ['alert http (http_uri; content:"/a"; sid:61;)', 'block http (http_uri; content:"/b"; sid:62;)', 'alert http (http_uri; content:"/c"; sid:63;)'].join('\n'),
    );
    expect(entries.map((e) => [e.sid, e.status])).toEqual([
      [61, 'accepted'],
      [62, 'accepted'],
      [63, 'accepted'],
    ]);
  });

  it('accepts rewrite with replace: with a warning that Warden blocks instead of editing', () => {
    const { entries } = parseText('rewrite http (http_uri; content:"/r"; replace:"/s"; sid:70;)');
    expect(entries).toMatchObject([{ sid: 70, status: 'warning' }]);
    expect(entries[0].reason).toContain("action 'rewrite'");
  });

  it('still refuses replace: under an action that does not rewrite', () => {
    const { entries } = parseText('alert http (http_uri; content:"/r"; replace:"/s"; sid:71;)');
    expect(entries).toMatchObject([{ sid: 71, status: 'rejected', code: 'WARDEN_SIGNATURES_UNSUPPORTED_KEYWORD' }]);
  });
});
