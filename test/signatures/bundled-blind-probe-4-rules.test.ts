/**
 * Bundled rules of rev 2026-12-06n: mechanisms blind attack set 4 (166 requests placed where exploits put
 * them, written before it was measured) showed passing the full pipeline. A name closed by a parenthesis
 * then a stacked destructive statement, `rm -rf` of a root after a short value, a double-encoded
 * dot-dot-slash in the path, a short framework session id as a query parameter. Each fires on its
 * attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { BROWSER, form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();
const path = (url: string) => ({ url, headers: BROWSER });

const CASES: RuleCase[] = [
  [9000188, 'block', 'a group-by value closed by a parenthesis then DROP TABLE', json('{"groupBy":"date); DROP TABLE audit_log; --"}'), json('{"sql":"CREATE TABLE t (id int); DROP TABLE t_old;","lang":"sql"}')],
  [9000188, 'block', 'a sort value closed twice then a stacked DELETE', q('sort=name))%3B%20delete%20from%20users--'), q('q=how+to+delete+from+a+table+with+a+join')],
  [9000389, 'block', 'a file name, a separator and rm -rf of the web root', json('{"filename":"db.sql; rm -rf /var/www/*","compress":true}'), json('{"comment":"quote it: rm -rf \\"$BUILD_DIR\\"/* not rm -rf $BUILD_DIR/*"}')],
  [9000389, 'block', 'a host value piped into rm -rf /', form('host=127.0.0.1%7Crm+-rf+%2F'), form('script=make+clean%3Brm+-rf+.%2Fdist+%2Ftmp%2Fcache')],
  [9000489, 'block', 'a double-encoded traversal in the path', path('/console/css/%252e%252e%252fconsole.portal'), path('/files/report%2520final.pdf')],
  [9000489, 'block', 'dot-dot then a double-encoded slash', path('/static/..%252f..%252fetc/passwd'), path('/search?q=%252e%252e%252f+meaning')],
  [9001289, 'block', 'a short PHPSESSID as a query parameter', q('PHPSESSID=attacker123'), q('PHPSESSID=9f3c2a1b7e6d5c4a3b2f1e0d9c8b7a6f')],
  [9001289, 'block', 'a short JSESSIONID after another parameter', q('lang=en&JSESSIONID=fixme'), q('q=jsessionid+fixation+explained')],
];

describe('bundled rules from blind attack set 4 (rev 2026-12-06n)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
