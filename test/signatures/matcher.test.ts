import { describe, expect, it, vi } from 'vitest';
import { RuleEvaluator } from '../../src/signatures/match/evaluate-rule.js';
import { HDR, fires, gateFor } from './match-helpers.js';
import { buildInspection } from './fixtures.js';

const body = (b: string) => ({ method: 'POST', url: '/p', body: b });

describe('content search', () => {
  it('finds a case-sensitive content in the raw request', () => {
    expect(fires('content:"/admin";', { url: '/admin/x' })).toBe(true);
    expect(fires('content:"/ADMIN";', { url: '/admin/x' })).toBe(false);
  });

  it('honours nocase', () => {
    expect(fires('content:"/ADMIN"; nocase;', { url: '/admin/x' })).toBe(true);
  });

  it('treats offset and depth as absolute from the buffer start', () => {
    expect(fires('content:"bc"; offset:1; depth:2;', body('abcd'))).toBe(false); // raw buffer starts with POST
    expect(fires('content:"bc"; http_client_body; offset:1; depth:2;', body('abcd'))).toBe(true);
    expect(fires('content:"bc"; http_client_body; offset:2;', body('abcd'))).toBe(false);
    expect(fires('content:"cd"; http_client_body; depth:3;', body('abcd'))).toBe(false);
  });

  it('treats distance and within as relative to the previous match', () => {
    expect(fires('content:"a"; http_client_body; content:"c"; http_client_body; distance:1; within:1;', body('abc'))).toBe(true);
    expect(fires('content:"a"; http_client_body; content:"c"; http_client_body; distance:0; within:1;', body('abc'))).toBe(false);
  });

  it('backtracks: content:"a"; content:"b"; distance:0; within:1; matches "axab"', () => {
    expect(fires('content:"a"; http_client_body; content:"b"; http_client_body; distance:0; within:1;', body('axab'))).toBe(true);
  });

  it('searches a pcre again past its match when a later relative option rules that match out, as a content', () => {
    const rule = 'pcre:"/;uname\\s-a/P"; pcre:!"/^[^&]*?sid:\\d+;/RP";';
    expect(fires(rule, body('a=x;uname -a sid:1;&b=y;uname -a'))).toBe(true);
    expect(fires(rule, body('a=x;uname -a sid:1;&b=y;uname -a sid:2;'))).toBe(false);
  });

  it('accepts a negative distance', () => {
    expect(fires('content:"cd"; http_client_body; content:"bc"; http_client_body; distance:-3; within:2;', body('abcd'))).toBe(true);
  });

  it('negates a content over its whole window and never moves the cursor', () => {
    expect(fires('content:"user="; http_client_body; content:!"|0a|"; http_client_body; within:10;', body('user=abc'))).toBe(true);
    expect(fires('content:"user="; http_client_body; content:!"|0a|"; http_client_body; within:10;', body('user=a\nbc'))).toBe(false);
  });

  it('resets the cursor when the buffer changes', () => {
    // "b" is relative, but to the start of the body, not to the end of the uri match.
    expect(fires('content:"zzz"; http_uri; content:"b"; http_client_body; distance:0; within:2;', { method: 'POST', url: '/zzz', body: 'ab' })).toBe(true);
  });

  it('uses a Snort 3 sticky buffer for every following content', () => {
    expect(fires('http_uri; content:"/x"; content:"id=";', { url: '/x?id=1' }, 'snort3')).toBe(true);
    expect(fires('http_uri; content:"/x"; content:"Host";', { url: '/x?id=1' }, 'snort3')).toBe(false);
  });

  it('searches the normalized uri for http_uri and the bytes as sent for http_raw_uri', () => {
    expect(fires('content:"../"; http_uri;', { url: '/a/%2e%2e/b' })).toBe(true);
    expect(fires('content:"%2e%2e"; http_raw_uri;', { url: '/a/%2e%2e/b' })).toBe(true);
    expect(fires('content:"%2e%2e"; http_uri;', { url: '/a/%2e%2e/b' })).toBe(false);
  });

  it('searches one header value with http_header:field', () => {
    const req = { headers: [['Host', 'x'], ['User-Agent', 'sqlmap/1.7']] as Array<[string, string]> };
    expect(fires('http_header:field user-agent; content:"sqlmap",depth 6;', req, 'snort3')).toBe(true);
    expect(fires('http_header:field host; content:"sqlmap";', req, 'snort3')).toBe(false);
  });

  it('checks presence only for a fast_pattern:only content', () => {
    expect(fires('content:"abc"; http_client_body; fast_pattern:only; content:"a"; http_client_body; distance:0; within:1;', body('a abc'))).toBe(true);
  });

  it('anchors Suricata startswith/endswith', () => {
    expect(fires('http.uri; content:"/a"; startswith; content:".php"; endswith;', { url: '/a/b.php' }, 'suricata')).toBe(true);
    expect(fires('http.uri; content:".php"; endswith;', { url: '/a/b.php?x' }, 'suricata')).toBe(false);
  });
});

describe('pcre', () => {
  it('matches with perl flags on latin1 text', () => {
    expect(fires('pcre:"/union\\s+select/Ui";', { url: '/?q=1+UNION%20SELECT' })).toBe(true);
    expect(fires('pcre:"/^GET/";', { url: '/' })).toBe(true);
    expect(fires('pcre:"/\\xe9t\\xe9/";', { method: 'POST', url: '/', body: '\u00e9t\u00e9' })).toBe(true);
  });

  it('anchors a relative pcre at the cursor', () => {
    expect(fires('content:"id="; http_uri; pcre:"/^\\d+$/UR";', { url: '/x?id=42' })).toBe(true);
    expect(fires('content:"id="; http_uri; pcre:"/^\\d+$/UR";', { url: '/x?id=4a2' })).toBe(false);
  });

  it('selects buffers with U, P, H, C, M flags', () => {
    expect(fires('pcre:"/^POST$/M";', { method: 'POST', url: '/' })).toBe(true);
    expect(fires('pcre:"/passwd/P";', body('f=/etc/passwd'))).toBe(true);
    expect(fires('pcre:"/passwd/U";', body('f=/etc/passwd'))).toBe(false);
    expect(fires('pcre:"/session=admin/C";', { headers: [['Cookie', 'session=admin']] })).toBe(true);
    expect(fires('pcre:"/x-evil/Hi";', { headers: [['X-Evil', '1']] })).toBe(true);
  });

  it('handles negated pcre', () => {
    expect(fires('content:"/login"; http_uri; pcre:!"/csrf=/U";', { url: '/login?user=a' })).toBe(true);
    expect(fires('content:"/login"; http_uri; pcre:!"/csrf=/U";', { url: '/login?csrf=1' })).toBe(false);
  });

  it('finishes a catastrophic-backtracking pattern quickly (ReDoS)', () => {
    const started = performance.now();
    const hit = fires('content:"a"; pcre:"/^(a+)+$/P";', body(`${'a'.repeat(30000)}!`));
    expect(hit).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('overflow checks (one class repeated over 100 times) on native RE2', () => {
  it('matches an overflow check like instancename=[^&]{513}', () => {
    expect(fires('content:"instancename="; pcre:"/instancename=[^&\\x3b\\r\\n]{513}/i";', { url: `/x?instancename=${'A'.repeat(600)}` })).toBe(true);
    expect(fires('content:"instancename="; pcre:"/instancename=[^&\\x3b\\r\\n]{513}/i";', { url: `/x?instancename=${'A'.repeat(500)}` })).toBe(false);
  });
});

describe('lengths and positions', () => {
  it('rules out a rule whose length check fails before evaluating it (9001205: urilen:>2048 alone, on every request)', () => {
    const gate = gateFor(`${HDR} (msg:"very long URI"; urilen:>2048; sid:9001205;)\n${HDR} (content:"/"; http_uri; urilen:>4; sid:2;)`);
    const evaluate = vi.spyOn(RuleEvaluator.prototype, 'evaluate');
    try {
      expect(gate.evaluate(buildInspection({ url: '/abc' })).hits).toHaveLength(0);
      expect(evaluate).not.toHaveBeenCalled();
      expect(gate.evaluate(buildInspection({ url: `/${'a'.repeat(2048)}` })).hits.map((h) => h.sid)).toEqual([9001205, 2]);
      expect(gate.evaluate(buildInspection({ url: '/abcd' })).hits.map((h) => h.sid)).toEqual([2]);
    } finally {
      evaluate.mockRestore();
    }
  });

  it('checks urilen (inclusive range) and bufferlen (exclusive <>)', () => {
    expect(fires('content:"/"; urilen:2<>4;', { url: '/abc' })).toBe(true);
    expect(fires('content:"/"; urilen:>10;', { url: '/abc' })).toBe(false);
    expect(fires('http_uri; content:"/"; bufferlen:2<>4;', { url: '/abc' }, 'snort3')).toBe(false);
    expect(fires('http_uri; content:"/"; bufferlen:2<=>4;', { url: '/abc' }, 'snort3')).toBe(true);
  });

  it('checks isdataat absolute, relative and negated', () => {
    expect(fires('content:"user="; http_client_body; isdataat:5,relative;', body('user=123456'))).toBe(true);
    expect(fires('content:"user="; http_client_body; isdataat:5,relative;', body('user=12'))).toBe(false);
    expect(fires('content:"user="; http_client_body; isdataat:!5,relative;', body('user=12'))).toBe(true);
  });
});

describe('rule-level semantics', () => {
  it('checks the source network of the rule header', () => {
    const gate = gateFor('alert tcp 10.0.0.0/8 any -> any 80 (content:"x"; sid:1;)');
    expect(gate.evaluate(buildInspection({ url: '/x', ip: '10.2.3.4' })).hits).toHaveLength(1);
    expect(gate.evaluate(buildInspection({ url: '/x', ip: '::ffff:10.2.3.4' })).hits).toHaveLength(1);
    expect(gate.evaluate(buildInspection({ url: '/x', ip: '192.0.2.1' })).hits).toHaveLength(0);
  });

  it('lets a rule test a flowbit set by another rule on the same request', () => {
    const gate = gateFor(
      `${HDR} (content:"/setup"; http_uri; flowbits:set,seen_setup; flowbits:noalert; sid:1;)\n` +
        `${HDR} (content:"step=2"; http_uri; flowbits:isset,seen_setup; sid:2;)`,
    );
    expect(gate.evaluate(buildInspection({ url: '/setup?step=2' })).hits.map((h) => h.sid)).toEqual([2]);
    expect(gate.evaluate(buildInspection({ url: '/other?step=2' })).hits).toHaveLength(0);
  });

  it('fires detection_filter only after the count is exceeded in the window', () => {
    let now = 0;
    const gate = gateFor(`${HDR} (content:"/login"; http_uri; detection_filter:track by_src, count 2, seconds 60; sid:1;)`, undefined, { now: () => now });
    const req = buildInspection({ url: '/login' });
    expect([1, 2, 3].map(() => gate.evaluate(req).hits.length)).toEqual([0, 0, 1]);
    now = 61_000;
    expect(gate.evaluate(req).hits).toHaveLength(0);
  });

  it('limits alerts with threshold type limit', () => {
    const gate = gateFor(`${HDR} (content:"/x"; http_uri; threshold:type limit, track by_src, count 1, seconds 60; sid:1;)`, undefined, { now: () => 0 });
    const req = buildInspection({ url: '/x' });
    expect([1, 2].map(() => gate.evaluate(req).hits.length)).toEqual([1, 0]);
  });

  it('maps actions to effects: alert suspicious, drop block, pass allow', () => {
    const gate = gateFor(`alert tcp any any -> any 80 (content:"/a"; sid:1;)\ndrop tcp any any -> any 80 (content:"/a"; sid:2;)\npass tcp any any -> any 80 (content:"/a"; sid:3;)`);
    const effects = Object.fromEntries(gate.evaluate(buildInspection({ url: '/a' })).hits.map((h) => [h.sid, h.effect]));
    expect(effects).toEqual({ 1: 'suspicious', 2: 'block', 3: 'allow' });
  });

  it('reports the buffer, offset and target of the last match', () => {
    const gate = gateFor(`${HDR} (content:"id="; http_uri; content:"union"; http_uri; nocase; msg:"sqli"; classtype:web-application-attack; sid:1;)`);
    const inspection = buildInspection({ url: '/a?x=1&id=1%20UNION%20select', headers: [['Host', 'h']] });
    const [hit] = gate.evaluate(inspection).hits;
    expect(hit).toMatchObject({ buffer: 'uri', length: 5, priority: 1, msg: 'sqli' });
    expect(inspection.buffers.uri.substr(hit.offset, hit.length)).toBe('UNION');
    expect(inspection.targets[hit.targetIndex]).toMatchObject({ location: 'query', name: 'id' });
  });

  it('evaluates only candidates of the prefilter, plus rules without a fast pattern', () => {
    const gate = gateFor(`${HDR} (content:"/alpha"; http_uri; sid:1;)\n${HDR} (content:"/beta"; http_uri; sid:2;)\n${HDR} (pcre:"/\\d{3}/U"; sid:3;)`);
    expect(gate.stats.alwaysEvaluated).toBe(1);
    expect(gate.evaluate(buildInspection({ url: '/alpha' })).candidates).toBe(2);
  });
});
