import { describe, expect, it } from 'vitest';
import { importRuleSources } from '../../src/signatures/import-rules.js';
import { HTTP } from './parse-helpers.js';

const rule = (sid: number, rev: number, content = 'x'): string => `${HTTP} (content:"${content}"; sid:${sid}; rev:${rev};)`;

describe('one gid:sid, one rule', () => {
  it('keeps the higher rev and rejects the other, naming where the winner is and why it wins', () => {
    const { rules, report } = importRuleSources([
      { file: 'a.rules', text: rule(5, 3, 'new') },
      { file: 'b.rules', text: rule(5, 1, 'old') },
    ]);
    expect(rules.map((r) => `${r.location.file}:${r.rev}`)).toEqual(['a.rules:3']);
    expect(report.entries[0]).toMatchObject({ file: 'a.rules', status: 'accepted', code: null });
    expect(report.entries[1]).toMatchObject({ file: 'b.rules', line: 1, status: 'rejected', code: 'WARDEN_SIGNATURES_DUPLICATE_SID' });
    expect(report.entries[1].reason).toContain('a.rules:1 (rev 3)');
    expect(report.entries[1].reason).toContain('higher rev');
  });

  it('on equal revs keeps the rule loaded first: earlier file, then earlier line', () => {
    const { rules, report } = importRuleSources([
      { file: 'a.rules', text: `${rule(7, 2, 'first')}\n${rule(7, 2, 'second')}` },
      { file: 'b.rules', text: rule(7, 2, 'third') },
    ]);
    expect(rules.map((r) => `${r.location.file}:${r.location.line}`)).toEqual(['a.rules:1']);
    expect(report.entries.map((e) => e.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(report.entries[2].reason).toContain('a.rules:1 (rev 2)');
    expect(report.entries[2].reason).toContain('same rev, loaded first');
  });

  it('an operator rule reusing a bundled gid:sid with a higher rev loads, warned that it replaces the bundled rule', () => {
    const bundled = importRuleSources([{ file: 'signatures/warden.rules', text: rule(9000301, 2) }]).rules;
    const { rules, report } = importRuleSources([{ file: 'mine.rules', text: rule(9000301, 5, 'mine') }], { loaded: bundled });
    expect(rules).toHaveLength(1);
    expect(report.entries[0]).toMatchObject({ status: 'warning', code: 'WARDEN_SIGNATURES_REPLACES_SID' });
    expect(report.entries[0].reason).toContain('signatures/warden.rules:1 (rev 2)');
    expect(report.entries[0].reason).toContain('use 9100000 and up');
  });

  it('an operator rule reusing a loaded gid:sid with an equal or lower rev does not load, naming the rule that does', () => {
    const loaded = importRuleSources([{ file: 'et/emerging-web.rules', text: rule(2019728, 4) }]).rules;
    const { rules, report } = importRuleSources([{ file: 'local.rules', text: `${rule(2019728, 4, 'a')}\n${rule(9100001, 1)}` }], { loaded });
    expect(rules.map((r) => r.sid)).toEqual([9100001]);
    expect(report.entries[0]).toMatchObject({ status: 'rejected', code: 'WARDEN_SIGNATURES_DUPLICATE_SID' });
    expect(report.entries[0].reason).toContain('et/emerging-web.rules:1 (rev 4)');
    expect(report.entries[0].reason).not.toContain('9000000');
  });

  it('says revs are not comparable when a Snort 2.9 copy of an ET sid beats its Suricata copy (ET Open 2000005: 2010 Snort rev 8 over the 2019 Suricata rewrite rev 7)', () => {
    const suricata = 'alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"x"; http.uri; content:"/x"; sid:2000005; rev:7;)';
    const snort2 = 'alert tcp $EXTERNAL_NET any -> $HOME_NET $HTTP_PORTS (msg:"x"; content:"/x"; http_uri; sid:2000005; rev:8;)';
    const { rules, report } = importRuleSources([
      { file: 'et-suricata/emerging-web.rules', text: suricata },
      { file: 'et-snort/emerging-web.rules', text: snort2 },
    ], { flavours: { 'et-suricata/emerging-web.rules': 'suricata', 'et-snort/emerging-web.rules': 'snort2' } });
    expect(rules.map((r) => r.flavour)).toEqual(['snort2']);
    expect(report.entries[0]).toMatchObject({ status: 'rejected', code: 'WARDEN_SIGNATURES_DUPLICATE_SID' });
    expect(report.entries[0].reason).toContain('a snort2 and a suricata copy of one sid');
    expect(report.entries[0].reason).toContain('load one flavour');
    // one flavour's duplicates say nothing of flavours
    const same = importRuleSources([{ file: 'a.rules', text: rule(5, 3) }, { file: 'b.rules', text: rule(5, 1) }]).report;
    expect(same.entries[1].reason).not.toContain('flavour');
  });
});
