import { describe, expect, it } from 'vitest';
import { describeRule, formatAboutSummary } from '../../src/signatures/rule-about.js';
import { loadRuleSet } from '../../src/signatures/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOne, parseText } from './parse-helpers.js';

describe('what a rule says about itself', () => {
  it('keeps classtype, priority, CVEs from metadata and references, severity and deployment (ET style)', () => {
    const rule = parseOne(
      'alert http any any -> any any (msg:"ET EXPLOIT Log4j"; http.uri; content:"${jndi:"; reference:cve,2021-44228; reference:cve,CVE-2021-45046; ' +
        'classtype:attempted-admin; sid:2034647; rev:2; metadata:attack_target Server, cve CVE_2021_44228, deployment Perimeter, deployment Internal, signature_severity Major;)',
    );
    expect(describeRule(rule)).toEqual({
      classtype: 'attempted-admin',
      priority: 1,
      cves: ['CVE-2021-44228', 'CVE-2021-45046'],
      severity: 'Major',
      deployment: ['Perimeter', 'Internal'],
      policies: [],
    });
  });

  it('keeps the Talos policies that enable the rule (Snort 3 community style)', () => {
    const rule = parseOne(
      'alert http (msg:"SERVER-WEBAPP bash access"; http_uri; content:"/bash"; metadata:policy max-detect-ips drop, policy security-ips drop, ruleset community; sid:885;)',
    );
    expect(describeRule(rule).policies).toEqual(['max-detect-ips', 'security-ips']);
  });

  it('uses an explicit priority over the classtype default', () => {
    const rule = parseOne('alert http (http_uri; content:"/a"; classtype:misc-activity; priority:1; sid:1;)');
    expect(describeRule(rule)).toMatchObject({ classtype: 'misc-activity', priority: 1, cves: [], severity: null });
  });

  it('shows it on accepted report entries and sums it up', () => {
    const { entries } = parseText(
      ['alert http (http_uri; content:"/a"; metadata:cve CVE_2020_1234, signature_severity Critical; sid:1;)', 'alert http (http_uri; content:"/b"; reference:cve,2020-1234; sid:2;)'].join('\n'),
    );
    expect(entries[0].about).toMatchObject({ cves: ['CVE-2020-1234'], severity: 'Critical' });
    expect(formatAboutSummary(entries.flatMap((e) => (e.about ? [e.about] : [])))).toBe('2 accepted rules name a CVE (1 CVEs); signature_severity: Critical 1');
  });
});

describe('rules for other traffic', () => {
  it('are skipped with their code, not rejected', () => {
    const { entries } = parseText(
      ['alert udp any any -> any 53 (content:"a"; sid:1;)', 'alert tcp any 80 -> any any (flow:to_client; content:"a"; sid:2;)', 'alert tcp any any -> any 80 (content:"a"; byte_test:1,>,1,0; sid:3;)'].join('\n'),
    );
    expect(entries.map((e) => [e.sid, e.status, e.code])).toEqual([
      [1, 'skipped', 'WARDEN_SIGNATURES_NOT_HTTP'],
      [2, 'skipped', 'WARDEN_SIGNATURES_RESPONSE_SIDE'],
      [3, 'rejected', 'WARDEN_SIGNATURES_UNSUPPORTED_KEYWORD'],
    ]);
  });

  it('do not make a strict rule set fail', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-skip-')), 'pack.rules');
    writeFileSync(file, 'alert udp any any -> any 53 (content:"a"; sid:1;)\nalert tcp any any -> any 80 (content:"/x"; http_uri; sid:2;)\n');
    const { gate } = await loadRuleSet([file], { strict: true });
    expect(gate.ruleCount).toBe(1);
  });
});
