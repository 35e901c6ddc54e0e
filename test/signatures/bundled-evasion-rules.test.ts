/**
 * Bundled rules of rev 2026-12-05p: evasions an attacker tries first, found by probing the full pipeline
 * (each was allowed before the rule). UNION SELECT glued to a number — `1e0union`, `1.union`, `\Nunion`:
 * MySQL ends a numeric literal where the keyword starts, so a `\bunion\b` filter never sees the word.
 * Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000190, 'block', 'scientific notation before UNION SELECT in a query value', q('id=1e0union+select+1%2C2'), q('q=the+1e0+union+of+two+select+committees')],
  [9000190, 'block', 'a decimal point before UNION with a comment', q('id=1.union%2F**%2Fselect+password+from+users'), q('q=EU+2.0+union+selected+members')],
  [9000190, 'block', 'MySQL \\N before UNION ALL SELECT', q('id=%5CNunion+all+select+1'), q('q=Union+Station+Select+Bus+No.+4')],
  [9000191, 'block', 'scientific notation before UNION SELECT in a form value', form('id=1e0union+select+1%2C2'), form('note=cost+1e0+units%3B+union+select+list+attached')],
  [9000191, 'block', 'a digit against UNION (SELECT in a JSON value', json('{"id":"7union(select 1)"}'), json('{"title":"2 Union Select Lane","zip":"10001"}')],
];

describe('bundled rules for evasions found by probing (rev 2026-12-05p)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
