/**
 * 9001216: a framework's session cookie whose id is shorter than any that framework issues (PHP 26–32,
 * Java 32, ASP/ASP.NET 24, Django 32, Express and Laravel far longer) was chosen by the sender: the id
 * an attacker plants to fix a victim's session, or the planting request itself. Ordinary session
 * cookies, generic names (`sid`, `session_id`, ColdFusion's numeric `CFID`) and short values of other
 * cookies pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { buildInspection } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = (await loadRuleSet([RULES])).gate;
});
const hitsWithCookie = (cookie: string): Array<[number, string]> =>
  gate
    .evaluate(buildInspection({ url: '/account', headers: [['Host', 'shop.example.com'], ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'], ['Cookie', cookie]] }))
    .hits.map((h) => [h.sid, h.effect]);

describe('9001216: a session id too short to have been issued', () => {
  it.each([
    'PHPSESSID=ABC123',
    'theme=dark; JSESSIONID=attacker',
    'theme=dark; ;jsessionid=fixed',
    'ASP.NET_SessionId=12345678; Domain=.example.com; Path=/',
    'a=1; laravel_session=deadbeef',
    'sessionid=61190218',
  ])('blocks %s', (cookie) => {
    expect(hitsWithCookie(cookie)).toContainEqual([9001216, 'block']);
  });

  it.each([
    'PHPSESSID=9r1b3jh0q7u6m2e8c5d4a0s1kl; theme=dark',
    'JSESSIONID=4F1C2A9B8E7D6C5B4A39281706F5E4D3.node2',
    'ASP.NET_SessionId=qv0d2xkz4m1n3b5c7v9x1z3a',
    'sessionid=h2k9v1n4m8q3w7e5r6t0y2u1i9o8p3a5',
    'sid=1; session_id=7; CFID=4021; CFTOKEN=71829364',
    'theme=dark; lang=en; cart=3',
  ])('passes %s', (cookie) => {
    expect(hitsWithCookie(cookie).map(([s]) => s)).not.toContain(9001216);
  });
});
