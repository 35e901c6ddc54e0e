/**
 * 9001216: a framework's session cookie whose id is shorter than any that framework issues (PHP 26–32,
 * Java 32, ASP/ASP.NET 24, Django 32, Express and Laravel far longer) was chosen by the sender: the id
 * an attacker plants to fix a victim's session, or the planting request itself. Ordinary session
 * cookies, generic names (`sid`, `session_id`, ColdFusion's numeric `CFID`) and short values of other
 * cookies pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { BUNDLED_RULES, bundledGate, form, header, hitsOf, inspectedHitsOf, json, testPrefilterEntries } from './bundled-requests.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { Rule } from '../../src/signatures/rule.js';

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = await bundledGate();
});
const hitsWithCookie = (cookie: string): Array<[number, string]> => hitsOf(gate, { ...header('Cookie', cookie), url: '/account' });

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

const sids = (spec: RequestSpec): number[] => hitsOf(gate, spec).flatMap(([sid, effect]) => (effect === 'block' ? [sid] : []));

describe('9001217/9001218: a session id too short to have been issued, after a semicolon in the URI or a body value', () => {
  it.each([
    '/app/;jsessionid=pwn5186',
    '/shop;JSESSIONID=KZFWKDO9Y?item=3',
    '/login?ip=%3Bjsessionid%3Dsession2201',
    '/download?host=theme%3D3%3B%20PHPSESSID%3Dewm66',
    '/index.php/theme=4;%20laravel_session=owned_5504',
  ])('blocks the URI %s (9001217)', (url) => {
    expect(sids({ url })).toContain(9001217);
  });

  it.each([
    form('ip=%3Bjsessionid%3Dsession2201&submit=1'),
    form('sort=theme%3D5%3B+sessionid%3DP977IFZS&submit=1'),
    json('{"filter":";JSESSIONID=J6W22CM"}'),
  ])('blocks the body value %#  (9001218)', (spec) => {
    expect(sids(spec)).toContain(9001218);
  });

  it.each([
    // Tomcat's own URL rewriting: a 32-hex id, with or without a route suffix.
    { url: '/shop/cart;jsessionid=4F1C2A9B8E7D6C5B4A39281706F5E4D3.node2?add=1' },
    { url: '/app/;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9' },
    // Semicolon-separated parameters with other names, and short values of other cookies in a value.
    { url: '/search?q=shoes;page=2;sort=asc' },
    form('note=theme%3Ddark%3B+lang%3Den&submit=1'),
    form('cookie_string=PHPSESSID%3D9r1b3jh0q7u6m2e8c5d4a0s1kl%3B+theme%3Ddark'),
    json('{"css":"a{color:red;sessionid:none}"}'),
  ])('passes %j', (spec) => {
    expect(sids(spec)).not.toContain(9001217);
    expect(sids(spec)).not.toContain(9001218);
  });
});

/** Through the real inspector, which adds the marked form 9001219 reads. */
const markedHitsWithCookie = (cookie: string): Array<[number, string]> => inspectedHitsOf(gate, { ...header('Cookie', cookie), url: '/account' });

describe('9001219: a session cookie whose id is one short unit repeated (the inspector marks it)', () => {
  it.each([
    'theme=dark; sessionid=f213f213f213f213f213f213; Domain=.www.target.com; Path=/',
    'theme=dark; ;jsessionid=35d77b35d77b35d77b35d77b35d77b35d77b',
    'PHPSESSID=13be68d913be68d913be68d913be68d913be68d913be68d9',
    'a=1; session_id=888888888888888888',
    'connect.sid=08d99b08d99b08d99b08d99b',
    'x=8; CFID=dd7532dd7532dd7532dd7532',
  ])('blocks %s', (cookie) => {
    expect(markedHitsWithCookie(cookie)).toContainEqual([9001219, 'block']);
  });

  it.each([
    // Issued ids: random, whatever their length or alphabet.
    'PHPSESSID=9r1b3jh0q7u6m2e8c5d4a0s1kl; theme=dark',
    'JSESSIONID=4F1C2A9B8E7D6C5B4A39281706F5E4D3.node2',
    'sessionid=h2k9v1n4m8q3w7e5r6t0y2u1i9o8p3a5',
    // A repeated unit in a cookie that is not a session cookie, a unit longer than 8, a repeat under 12 characters.
    'tracking=abababababababab; theme=dark',
    'sid=0123456789a0123456789a',
    'session_id=9999999999; lang=en',
    // A repetition that does not fill the id.
    'PHPSESSID=f213f213f213f213f213f21x',
  ])('passes %s', (cookie) => {
    expect(markedHitsWithCookie(cookie).map(([s]) => s)).not.toContain(9001219);
  });
});

describe('9001219 in the prefilter', () => {
  let rules: readonly Rule[] = [];
  beforeAll(async () => {
    rules = (await loadRuleSet([BUNDLED_RULES])).rules;
  });
  testPrefilterEntries([9001219], () => rules);
});
