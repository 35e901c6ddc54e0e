/**
 * Bundled rule of rev 2026-12-07q and Warden's keyword `warden_lookalike_host`: a redirect parameter whose
 * address names a host that starts with the request's own Host and goes on past it
 * (`returnTo=https://shop.example.test.evil.example.net/`), the spelling that passes a return-link check
 * written as `startsWith("https://shop.example.test")`. Blind attack sets 4 and 5 each sent one (read);
 * 9000592 reads protocol-relative and slash-less addresses, not an absolute https:// one.
 */
import { describe, expect, it } from 'vitest';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';
import type { RequestSpec } from './fixtures.js';
import { namesLookalikeHost } from '../../src/signatures/options/lookalike-host.js';
import { parseOne } from './parse-helpers.js';

const { hits, rules } = useBundledRuleSet();

/** A query on a site whose Host is `host`. */
const on = (host: string, query: string): RequestSpec => ({ url: `/login?${query}`, headers: [['Host', host], ...BROWSER.filter(([n]) => n !== 'Host')] });

const CASES: RuleCase[] = [
  [9000597, 'block', 'an absolute return link to the own host extended by a label', on('shop.example.test', 'returnTo=https%3A%2F%2Fshop.example.test.evil.example.net%2F'), on('shop.example.test', 'returnTo=https%3A%2F%2Fshop.example.test%2Faccount')],
  [9000597, 'block', 'the own host extended by a hyphen', on('app.example.test', 'next=https://app.example.test-login.example.net/'), on('app.example.test', 'next=https://eu.app.example.test/cart')],
  [9000597, 'block', 'the site of a www. Host extended', on('www.example-shop.com', 'redirect_uri=https://example-shop.com.evil.example/cb'), on('www.example-shop.com', 'redirect_uri=https://example-shop.com/cb')],
];

describe('bundled rule for a look-alike redirect host (rev 2026-12-07q)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);

  it('passes an absolute link to an unrelated host (another site the application may send to)', () => {
    expect(hits(on('shop.example.test', 'returnTo=https://partner.example.org/')).map(([s]) => s)).not.toContain(9000597);
  });
});

describe('warden_lookalike_host', () => {
  it('holds for a host that starts with the own host and goes on past a dot or hyphen, and for nothing else', () => {
    expect(namesLookalikeHost('next=https://shop.example.test.evil.example/', 'shop.example.test')).toBe(true);
    expect(namesLookalikeHost('next=//shop.example.test-x.example/', 'shop.example.test')).toBe(true);
    expect(namesLookalikeHost('next=https://user@shop.example.test.evil.example/', 'shop.example.test')).toBe(true);
    expect(namesLookalikeHost('next=https://example.com.evil.example/', 'www.example.com')).toBe(true);
    expect(namesLookalikeHost('next=https://shop.example.test/x', 'shop.example.test')).toBe(false);
    expect(namesLookalikeHost('next=https://m.shop.example.test/x', 'shop.example.test')).toBe(false);
    expect(namesLookalikeHost('next=https://shop.example.testing.example/', 'shop.example.test')).toBe(false);
    expect(namesLookalikeHost('next=https://evil.example/', 'shop.example.test')).toBe(false);
    expect(namesLookalikeHost('next=/local/path', 'shop.example.test')).toBe(false);
    expect(namesLookalikeHost('next=https://shop.example.test.evil.example/', '')).toBe(false);
  });

  it('parses as a detection option on the buffer of the pcre before it', () => {
    const rule = parseOne('drop http (msg:"x"; flow:to_server,established; http_uri; pcre:"/next=\\S+/"; warden_lookalike_host; service:http; sid:9100001;)');
    expect(rule.detection.at(-1)).toMatchObject({ kind: 'foreignHost', lookalike: true, buffer: rule.detection[0].buffer });
  });
});
