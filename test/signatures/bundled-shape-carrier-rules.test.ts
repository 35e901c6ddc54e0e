/**
 * Bundled rule of rev 2026-12-14j (session 33, adv33): the numeric-context breakout the shape carriers
 * (datasets/shape-carriers.ts) found the payload model blind to — a number, `OR`, and a column compared with a literal
 * (`id=1 OR status = 'active'`, 0.002: the model reads the condition it imitates). It fires on its attack and stays
 * quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000100, 'block', "id=1 OR status = 'active' in a query", q("id=1%20OR%20status%20%3D%20%27active%27"), q('q=1%20or%202%20rooms')],
  [9000100, 'block', 'a number OR a column IS NOT NULL in a form', form('user_id=42+or+deleted_at+is+not+null'), form('note=2+or+more+is+fine')],
  [9000100, 'block', "a number OR a column IN a list in JSON", json('{"account":"7 OR role IN (\'admin\',\'owner\')"}'), json('{"guests":"3 or 4","note":"table for 3 or 4 = fine"}')],
  [9000100, 'block', 'a number OR a column LIKE a pattern as a form value', form('page=1+OR+email+LIKE+%27%25%40corp.example%27'), form('q=1+or+something+like+that')],
];

describe('bundled rule of rev 2026-12-14j (a number, OR and a column compared)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
