/**
 * Bundled rules of rev 2026-12-06i (issue 14's benign side, session 19): three rules that fired on benign
 * requests narrowed by mechanism, each still firing on the nearest attack.
 * - 9000592 rev 2 (`warden_foreign_host`): a protocol-relative return link to the request's own Host, a
 *   subdomain of it or the site of a `www.` Host is a return to the site itself, not an open redirect
 *   (a hand-written blind benign request, `returnUrl=//www.example-shop.com/p/1`, was blocked).
 * - 9000101 rev 2: UNION SELECT followed by a select list (a GA4 beacon's `search_term=union select mattress`
 *   alerted, and with the model's 0.86 blocked).
 * - 9000108 rev 2: WAITFOR DELAY followed by a time literal (a documentation search `WAITFOR DELAY syntax
 *   sql server` alerted).
 */
import { describe, expect, it } from 'vitest';
import { BROWSER, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';
import type { RequestSpec } from './fixtures.js';
import { hostOfHeader, namesOwnHost } from '../../src/signatures/options/foreign-host.js';

const { hits, rules } = useBundledRuleSet();

/** A query on a site whose Host is `host`. */
const on = (host: string, query: string): RequestSpec => ({ url: `/login?${query}`, headers: [['Host', host], ...BROWSER.filter(([n]) => n !== 'Host')] });

const CASES: RuleCase[] = [
  [9000592, 'block', 'a protocol-relative address to another host', on('www.example-shop.com', 'returnUrl=%2F%2Fevil.example%2Fp%2F1'), on('www.example-shop.com', 'returnUrl=%2F%2Fwww.example-shop.com%2Fp%2F1')],
  [9000592, 'block', 'the own host as a prefix of a foreign one', on('shop.example.com', 'next=//shop.example.com.evil.example/'), on('shop.example.com', 'next=//shop.example.com/cart')],
  [9000592, 'block', 'the own host as a user name before @', on('shop.example.com', 'next=//shop.example.com:x@evil.example/'), on('shop.example.com', 'next=//shop.example.com:443/cart')],
  [9000592, 'block', 'a foreign copy of the parameter after an own-host one', on('shop.example.com', 'next=//shop.example.com/&next=//evil.example/'), on('shop.example.com', 'next=//shop.example.com/&next=//m.shop.example.com/')],
  [9000592, 'block', 'a lookalike ending in the site name', on('www.example-shop.com', 'return_to=//evilexample-shop.com/'), on('www.example-shop.com', 'return_to=//help.example-shop.com/faq')],
  [9000592, 'block', 'a redirect to another host on a site whose Host has a port', on('shop.example.com:8443', 'redirect=//evil.example'), on('shop.example.com:8443', 'redirect=//shop.example.com:8443/orders')],
  [9000101, 'suspicious', 'UNION SELECT of a column list', q('id=1+union+select+username%2Cpassword+from+users'), q('q=union+select+mattress')],
  [9000101, 'suspicious', 'UNION ALL SELECT of NULLs', q('id=-1+union+all+select+null%2Cnull--'), q('q=european+union+select+committee+report')],
  [9000101, 'suspicious', 'UNION SELECT of a function', q('id=1+union+select+version()'), q('term=union+select+sofa')],
  [9000101, 'suspicious', 'UNION SELECT of a number', q('cat=2+UNION+SELECT+1'), q('q=credit+union+select+savings')],
  [
    9000101,
    'suspicious',
    'UNION SELECT of a number written with an encoded plus',
    q('id=2%2Bunion%2Bselect%2B1%2C2'),
    q('v=2&en=view_search_results&ep.search_term=union%20select%20mattress&dl=https%3A%2F%2Fwww.example-shop.com%2Fsearch%3Fq%3Dunion%2Bselect%2Bmattress'),
  ],
  [9000108, 'suspicious', 'WAITFOR DELAY with a time literal', q("id=1%3Bwaitfor+delay+'0%3A0%3A5'--"), q('query=WAITFOR+DELAY+syntax+sql+server')],
  [9000108, 'suspicious', 'WAITFOR DELAY with a variable', q('id=1;WAITFOR%20DELAY%20@t'), q('q=waitfor+delay+vs+sleep')],
];

describe('bundled rules narrowed by mechanism (rev 2026-12-06i)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});

describe('warden_foreign_host', () => {
  it('reads the host of a Host header without its port or trailing dot', () => {
    expect(hostOfHeader('Shop.Example.com:8443')).toBe('shop.example.com');
    expect(hostOfHeader('shop.example.com.')).toBe('shop.example.com');
    expect(hostOfHeader('[::1]:8080')).toBe('[::1]');
  });

  it('takes the own host, its subdomains and a www. Host\'s site as own, and nothing else', () => {
    expect(namesOwnHost('next=//shop.example.com/x', 'shop.example.com')).toBe(true);
    expect(namesOwnHost('next=\\/m.shop.example.com', 'shop.example.com')).toBe(true);
    expect(namesOwnHost('next=//example-shop.com/', 'www.example-shop.com')).toBe(true);
    expect(namesOwnHost('next=//help.example-shop.com/', 'www.example-shop.com')).toBe(true);
    expect(namesOwnHost('next=//example.com/', 'shop.example.com')).toBe(false);
    expect(namesOwnHost('next=//evil.example/', 'shop.example.com')).toBe(false);
    expect(namesOwnHost('next=//shop.example.com%40evil.example/', 'shop.example.com')).toBe(false);
    expect(namesOwnHost('next=//shop.example.com@evil.example/', 'shop.example.com')).toBe(false);
    expect(namesOwnHost('next=//www.com/', 'www.com')).toBe(true);
    expect(namesOwnHost('next=//x.com/', 'www.com')).toBe(false);
    expect(namesOwnHost('next=/local/path', 'shop.example.com')).toBe(false);
    expect(namesOwnHost('next=//shop.example.com/', '')).toBe(false);
  });

  it('holds when the rule before it has no match to read', () => {
    expect(hits(on('shop.example.com', 'next=%2Faccount')).map(([s]) => s)).not.toContain(9000592);
  });
});
