import { describe, expect, it } from 'vitest';
import { proposeTuning, tuningFileOf, type TuneContext } from '../../../src/signatures/tune/propose-tuning.js';
import type { BenignHitMeasurement } from '../../../src/signatures/tune/measure-benign-hits.js';
import type { Rule } from '../../../src/signatures/rule.js';
import type { RuleEffect } from '../../../src/signatures/types.js';
import { HTTP, parseOne } from '../parse-helpers.js';

function rule(sid: number, action: 'alert' | 'drop', priority: number | null = null, classtype = 'web-application-attack'): Rule {
  return {
    gid: 1,
    sid,
    rev: 1,
    msg: `rule ${sid}`,
    classtype,
    priority,
    enabled: true,
    header: { action },
    references: [],
    metadata: [],
    detection: [],
    location: { file: '/x/local.rules', line: sid },
  } as unknown as Rule;
}

function measured(requests: number, hits: Record<string, number>): BenignHitMeasurement {
  return {
    requests,
    bySource: new Map([['warden-gen/link-values', requests]]),
    rules: new Map(Object.entries(hits).map(([k, n]) => [k, { hits: n, bySource: new Map([['warden-gen/link-values', n]]), examples: [] }])),
  };
}

const byAction = (r: Rule): RuleEffect => (r.header.action === 'drop' ? 'block' : 'suspicious');

describe('proposeTuning', () => {
  const rules = [rule(1, 'drop'), rule(2, 'drop'), rule(3, 'alert'), rule(4, 'alert'), rule(5, 'alert', 3)];
  const result = proposeTuning(rules, byAction, measured(10_000, { '1:1': 1, '1:3': 11, '1:4': 10 }), {});
  const of = (key: string) => result.find((t) => t.key === key)!;

  it('demotes a blocking rule that matched even one benign request to suspicious', () => {
    expect(of('1:1')).toMatchObject({ effect: 'block', proposed: 'suspicious', weight: 1, proposedWeight: 0.7, hits: 1 });
  });

  it('leaves a blocking rule without benign hits blocking', () => {
    expect(of('1:2')).toMatchObject({ effect: 'block', proposed: 'block', hits: 0 });
  });

  it('disables a suspicious rule above the rate limit and keeps one at the limit', () => {
    expect(of('1:3')).toMatchObject({ proposed: 'disabled', proposedWeight: 0, rate: 0.0011 });
    expect(of('1:4')).toMatchObject({ proposed: 'suspicious', rate: 0.001 });
  });

  it('weighs a suspicious rule by its priority as the decision does', () => {
    expect(of('1:5').weight).toBe(0.2);
  });

  it('lists rules by descending benign hits', () => {
    expect(result.map((t) => t.key).slice(0, 3)).toEqual(['1:3', '1:4', '1:1']);
  });

  it("never changes the operator's pins", () => {
    const pinned = proposeTuning(rules, byAction, measured(10_000, { '1:3': 500 }), { '1:3': 'block' });
    expect(pinned.find((t) => t.key === '1:3')).toMatchObject({ proposed: 'block', pinned: true });
  });

  it('writes only changed rules to the sidecar, with the pins kept', () => {
    const file = tuningFileOf(result, measured(10_000, {}), { '1:9': 'disabled' }, new Date(0));
    expect(Object.keys(file.rules).sort()).toEqual(['1:1', '1:3']);
    expect(file.rules['1:3']).toMatchObject({ effect: 'disabled', hits: 11 });
    expect(file.pinned).toEqual({ '1:9': 'disabled' });
  });
});

describe('calibrated weights of imported rules', () => {
  const cveRule = parseOne(`${HTTP} (msg:"app RCE"; flow:to_server; content:"/functionRouter"; http_uri; content:"T(java.lang.Runtime)"; http_header; reference:cve,2022-22963; classtype:web-application-attack; sid:2100001; rev:1;)`);
  const pathRule = parseOne(`${HTTP} (msg:"plugin SQLi"; flow:to_server; content:"/wp-content/plugins/foo/get.php"; http_uri; content:"UNION"; nocase; http_uri; classtype:web-application-attack; sid:2100002; rev:1;)`);
  const wordRule = parseOne(`${HTTP} (msg:"union select"; flow:to_server; content:"UNION SELECT"; nocase; http_uri; classtype:web-application-attack; sid:2100003; rev:1;)`);
  const policyRule = parseOne(`${HTTP} (msg:"curl UA"; flow:to_server; content:"curl/"; http_header; classtype:policy-violation; sid:2100004; rev:1;)`);
  const all = [cveRule, pathRule, wordRule, policyRule];
  const suspicious = (): RuleEffect => 'suspicious';
  const imported: TuneContext = { attack: null, calibrated: () => true };
  const tune = (benign: number, hits: Record<string, number>, context = imported) => {
    const out = proposeTuning(all, suspicious, measured(benign, hits), {}, {}, context);
    return (sid: number) => out.find((t) => t.key === `1:${sid}`)!;
  };

  it('lets an exploit-shaped rule (a CVE, or an application path plus a payload) with no benign hit block alone', () => {
    const of = tune(18_000, {});
    expect(of(2100001)).toMatchObject({ shape: 'exploit', shapeBecause: 'CVE-2022-22963', proposed: 'suspicious', blocksAlone: true });
    expect(of(2100001).proposedWeight).toBeGreaterThanOrEqual(0.9);
    expect(of(2100002)).toMatchObject({ shape: 'exploit', blocksAlone: true });
    expect(of(2100002).shapeBecause).toContain('/wp-content/plugins/foo/get.php');
    expect(of(2100001).weightSource).toMatch(/^rules tune: benign 0\/18000, attack none, exploit \(CVE-2022-22963\), LR /);
  });

  it('demotes a rule that fired on benign traffic: it never blocks alone, and more hits weigh less', () => {
    const one = tune(18_000, { '1:2100001': 1 })(2100001);
    expect(one).toMatchObject({ blocksAlone: false, proposedWeight: 0.6 });
    expect(one.weightSource).toContain('capped: benign-hits');
    const many = tune(18_000, { '1:2100001': 6 })(2100001);
    expect(many.proposedWeight).toBeLessThan(0.6);
    expect(many.proposedWeight).toBeGreaterThanOrEqual(0.5);
  });

  it('disables an imported rule that fires on benign traffic once a hit is no longer even odds of an attack', () => {
    const of = tune(18_000, { '1:2100004': 2, '1:2100001': 15, '1:2100002': 5 });
    expect(of(2100004)).toMatchObject({ proposed: 'disabled', proposedWeight: 0, weightSource: '' });
    expect(of(2100001)).toMatchObject({ proposed: 'disabled' }); // exploit-shaped, but 15 benign hits
    expect(of(2100001).reason).toContain('not even odds');
    expect(of(2100002)).toMatchObject({ proposed: 'suspicious', proposedWeight: 0.6 }); // 5 hits: still more likely an attack
  });

  it('disables a generic attack word that real traffic contains, even once: the model already judges those words', () => {
    const of = tune(100_000, { '1:2100003': 1 });
    expect(of(2100003)).toMatchObject({ shape: 'attack', proposed: 'disabled' });
    expect(of(2100003).reason).toContain('not exploit-shaped');
    expect(tune(100_000, { '1:2100001': 1 })(2100001)).toMatchObject({ proposed: 'suspicious', proposedWeight: 0.6 });
  });

  it('never raises a generic attack word or a policy rule above its priority severity, however clean', () => {
    const of = tune(100_000, {});
    expect(of(2100003)).toMatchObject({ shape: 'attack', proposedWeight: 0.7, blocksAlone: false });
    expect(of(2100004).shape).toBe('other');
    expect(of(2100004).proposedWeight).toBeLessThan(0.7);
  });

  it("reads ET's EXPLOIT category over a trojan-activity classtype (IoT exploits a botnet spreads with), with or without a CVE; other trojan-activity rules stay 'other'", () => {
    const iot = parseOne(`${HTTP} (msg:"ET EXPLOIT Router SOAP Command Execution - Outbound"; flow:to_server; content:"SOAPAction|3a| urn|3a|x"; http_header; content:"<NewInternalClient>"; http_client_body; classtype:trojan-activity; metadata:cve CVE_2014_8361; sid:2100005; rev:1;)`);
    const noCve = parseOne(`${HTTP} (msg:"Modem CWMP Exploit RCE"; flow:to_server; content:"SetNTPServers"; http_header; content:"NewNTPServer"; http_client_body; classtype:trojan-activity; metadata:former_category EXPLOIT; sid:2100006; rev:1;)`);
    const checkin = parseOne(`${HTTP} (msg:"ET TROJAN Bot check-in"; flow:to_server; content:"/gate.php"; http_uri; content:"id="; http_client_body; classtype:trojan-activity; metadata:cve CVE_2014_8361; sid:2100007; rev:1;)`);
    const out = proposeTuning([iot, noCve, checkin], suspicious, measured(18_000, {}), {}, {}, imported);
    const of = (sid: number) => out.find((t) => t.key === `1:${sid}`)!;
    expect(of(2100005)).toMatchObject({ shape: 'exploit', shapeBecause: 'CVE-2014-8361', blocksAlone: true });
    expect(of(2100006)).toMatchObject({ shape: 'exploit', shapeBecause: 'ET category EXPLOIT (classtype trojan-activity)', blocksAlone: true });
    expect(of(2100007)).toMatchObject({ shape: 'other', blocksAlone: false });
  });

  it("never lets a rule Talos enables in its max-detect-ips policy only block alone, whatever CVE it cites (SERVER-WEBAPP ksh access, sid 865: '/ksh' in any URI)", () => {
    const ksh = parseOne(`${HTTP} (msg:"SERVER-WEBAPP ksh access"; flow:to_server; content:"/ksh"; http_uri; metadata:policy max-detect-ips drop, ruleset community; reference:cve,1999-0509; classtype:attempted-recon; sid:2100008; rev:1;)`);
    const traversal = parseOne(`${HTTP} (msg:"SERVER-IIS traversal"; flow:to_server; content:"../.."; http_uri; metadata:policy max-detect-ips drop; reference:cve,1999-0229; classtype:web-application-attack; sid:2100009; rev:1;)`);
    const shipped = parseOne(`${HTTP} (msg:"OS-OTHER Bash CGI injection"; flow:to_server; content:"() {"; http_header; metadata:policy balanced-ips drop, policy max-detect-ips drop, policy security-ips drop; reference:cve,2014-6271; classtype:attempted-admin; sid:2100010; rev:1;)`);
    const out = proposeTuning([ksh, traversal, shipped], suspicious, measured(18_000, {}), {}, {}, imported);
    const of = (sid: number) => out.find((t) => t.key === `1:${sid}`)!;
    expect(of(2100008)).toMatchObject({ shape: 'other', shapeBecause: 'Talos policy max-detect-ips only', blocksAlone: false });
    expect(of(2100009)).toMatchObject({ shape: 'attack', blocksAlone: false, proposedWeight: 0.7 });
    expect(of(2100010)).toMatchObject({ shape: 'exploit', shapeBecause: 'CVE-2014-6271', blocksAlone: true });
    // With a benign hit it is a generic rule the model judges already: disabled (SERVER-IIS .cnf access on a forge's etc/mysql/my.cnf).
    expect(proposeTuning([ksh], suspicious, measured(18_000, { '1:2100008': 3 }), {}, {}, imported)[0]).toMatchObject({ proposed: 'disabled' });
  });

  it('does not trust a small benign sample: an exploit-shaped rule needs enough clean traffic to block alone', () => {
    expect(tune(500, {})(2100001).blocksAlone).toBe(false);
  });

  it('raises a generic rule with attack hits up to its cap, and counts them in the provenance', () => {
    const attack = measured(2_000, { '1:2100004': 400 });
    const of = tune(18_000, {}, { attack, calibrated: () => true });
    expect(of(2100004).attackHits).toBe(400);
    expect(of(2100004).proposedWeight).toBeGreaterThan(tune(18_000, {})(2100004).proposedWeight);
    expect(of(2100004).weightSource).toContain('attack 400/2000');
  });

  it('keeps the priority severity of rules it does not calibrate (the bundled set)', () => {
    const out = proposeTuning(all, suspicious, measured(18_000, {}), {}, {}, { attack: null, calibrated: () => false });
    expect(out.find((t) => t.key === '1:2100001')).toMatchObject({ proposedWeight: 0.7, weightSource: '', blocksAlone: false });
  });

  it('caps an exploit-shaped rule without benign hits below blocking when every literal it anchors on is everyday (ShopNx: /api/media + <script)', () => {
    const everyday: TuneContext = { attack: null, calibrated: () => true, everyday: (r) => (r.sid === 2100001 ? '/functionrouter, t(java.lang.runtime)' : null) };
    const of = tune(18_000, {}, everyday);
    expect(of(2100001)).toMatchObject({ proposed: 'suspicious', proposedWeight: 0.6, blocksAlone: false });
    expect(of(2100001).reason).toContain('every literal it anchors on is everyday');
    expect(of(2100001).weightSource).toContain('capped: everyday literals (/functionrouter, t(java.lang.runtime))');
    expect(of(2100002)).toMatchObject({ blocksAlone: true });
    // a benign hit already caps it: the literal check is only asked of rules that would block alone
    expect(tune(18_000, { '1:2100001': 1 }, everyday)(2100001).weightSource).toContain('capped: benign-hits');
  });

  it('keeps a rule with everyday literals blocking when it fired on the attack material (measured, not its shape alone: Shiro rememberMe= with bsize)', () => {
    const out = proposeTuning(all, suspicious, measured(18_000, {}), {}, {}, { attack: measured(2_000, { '1:2100001': 40 }), calibrated: () => true, everyday: () => 'rememberme=' });
    expect(out.find((t) => t.key === '1:2100001')).toMatchObject({ attackHits: 40, blocksAlone: true });
    expect(out.find((t) => t.key === '1:2100002')).toMatchObject({ attackHits: 0, blocksAlone: false, proposedWeight: 0.6 });
  });

  it("takes the operator's numeric pin as the weight", () => {
    const out = proposeTuning(all, suspicious, measured(18_000, { '1:2100003': 3 }), { '1:2100003': 0.9 }, {}, imported);
    expect(out.find((t) => t.key === '1:2100003')).toMatchObject({ pinned: true, proposed: 'suspicious', proposedWeight: 0.9, weightSource: 'pinned by the operator', blocksAlone: true });
  });

  it('writes every calibrated weight to the sidecar with its provenance and the attack material', () => {
    const attack = measured(2_000, {});
    const out = proposeTuning(all, suspicious, measured(18_000, {}), {}, {}, { attack, calibrated: () => true });
    const file = tuningFileOf(out, measured(18_000, {}), {}, new Date(0), attack);
    expect(file.rules['1:2100001']).toMatchObject({ effect: 'suspicious', hits: 0, attackHits: 0 });
    expect(file.rules['1:2100001'].weight).toBeGreaterThanOrEqual(0.9);
    expect(file.rules['1:2100001'].source).toContain('CVE-2022-22963');
    expect(file.attack).toEqual({ requests: 2_000, sources: { 'warden-gen/link-values': 2_000 } });
  });
});
