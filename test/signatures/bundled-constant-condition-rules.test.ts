/**
 * Bundled rule of rev 2026-12-07v: a conditional on a constant comparison as a value, the ORDER BY / GROUP BY
 * injection of blind attack set 5 (read) that passed the full pipeline: a sort or group expression spliced
 * into SQL and probed true and false. It fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000140, 'block', 'IF(1=1,…) as a sort column, percent-encoded', q('sort=IF%281%3D1%2Cname%2Cprice%29'), q('sort=IF%28a%3D1%2Cname%2Cprice%29')],
  [9000140, 'block', 'IIF(2>1,…) in a form order field', form('order=IIF(2>1,created_at,id)'), form('note=if+2+>+1+then+ship+first')],
  [9000140, 'block', 'HAVING 1=1 in a JSON groupBy', json('{"groupBy":"status HAVING 1=1","limit":10}'), json('{"groupBy":"status","having":"count(*) > 1"}')],
  [9000140, 'block', 'CASE WHEN 1=1 in a sort parameter', q('sort=(CASE+WHEN+1%3D1+THEN+name+ELSE+price+END)'), q('q=in+case+when+1+item+is+missing')],
];

describe('bundled rule of rev 2026-12-07v (a conditional on a constant comparison)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
