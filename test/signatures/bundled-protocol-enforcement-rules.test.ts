/**
 * Bundled rules of rev 2026-12-05x: protocol enforcement a WAF in front of NGINX is expected to hold (the
 * checks of ModSecurity CRS's protocol-enforcement and method-policy rules, as `drop` rules): a `Proxy`
 * request header (httpoxy), TRACE/TRACK/DEBUG, more than ten byte ranges, a NUL in the request target, an
 * EBCDIC body charset, a Transfer-Encoding that is not exactly `chunked` (a Host that is not `host[:port]`
 * the proxy refuses itself: test/proxy/host-header.test.ts). Each fires on its attack and stays quiet on
 * the legitimate request closest to it.
 */
import { describe } from 'vitest';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';
import type { RequestSpec } from './fixtures.js';

const { hits, rules } = useBundledRuleSet();
const withHeader = (name: string, value: string, spec: RequestSpec = {}): RequestSpec => ({ ...spec, headers: [...BROWSER, [name, value]] });
const post = (headers: Array<[string, string]>, body: string): RequestSpec => ({ method: 'POST', url: '/submit', headers: [...BROWSER, ...headers], body });

const CASES: RuleCase[] = [
  [9001270, 'block', 'a Proxy request header', withHeader('Proxy', 'http://203.0.113.9:8080'), withHeader('Proxy-Authorization', 'Basic dXNlcjpwYXNz')],
  [9001271, 'block', 'a TRACE request', { method: 'TRACE', url: '/' }, { method: 'OPTIONS', url: '/' }],
  [9001271, 'block', 'a DEBUG request', { method: 'DEBUG', url: '/default.aspx' }, { method: 'PROPFIND', url: '/dav/' }],
  [9001272, 'block', 'sixteen byte ranges', withHeader('Range', 'bytes=0-,5-0,5-1,5-2,5-3,5-4,5-5,5-6,5-7,5-8,5-9,5-10,5-11,5-12,5-13,5-14'), withHeader('Range', 'bytes=0-1023,2048-4095')],
  [9001273, 'block', 'a NUL before an extension in the path', { url: '/download.php%00.jpg' }, { url: '/download.php?file=a%2500b' }],
  [9001273, 'block', 'a NUL in a query value', { url: '/view?file=report.pdf%00.php' }, { url: '/view?file=report%20100.pdf' }],
  [9001274, 'block', 'a form body in ibm037', post([['Content-Type', 'application/x-www-form-urlencoded; charset=ibm037']], '%89%84%7E%F1'), post([['Content-Type', 'application/x-www-form-urlencoded; charset=windows-1252']], 'id=1')],
  [9001276, 'block', 'chunked, identity', post([['Transfer-Encoding', 'chunked, identity'], ['Content-Type', 'text/plain']], 'x'), post([['Transfer-Encoding', 'chunked'], ['Content-Type', 'text/plain']], 'x')],
  [9001276, 'block', 'xchunked', post([['Transfer-Encoding', 'xchunked'], ['Content-Type', 'text/plain']], 'x'), post([['transfer-encoding', 'Chunked'], ['Content-Type', 'text/plain']], 'x')],
];

describe('bundled protocol-enforcement rules (rev 2026-12-05x)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
