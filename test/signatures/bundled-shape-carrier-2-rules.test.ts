/**
 * Bundled rule of rev 2026-12-14k (session 33, adv33): the second known gap of the shape carriers
 * (datasets/shape-carriers.ts) — a path with a backtick command substitution as a segment, which the payload model
 * reads as the path around it (`/data/exports/`date +%s``, 0.08) and 9000317 leaves to it when the command is none
 * of its reconnaissance list. It fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000300, 'block', 'date in backticks as an export folder in JSON', json('{"output_dir":"/data/exports/`date +%s`"}'), json('{"output_dir":"/data/exports/2026-12-07"}')],
  [9000300, 'block', 'curl in backticks as a file path in a form', form('file=%2Fhome%2Fapp%2F%60curl+-s+x.example%60'), form('note=run+%60make%60+in+%2Fhome%2Fapp%2F')],
  [9000300, 'block', 'a substitution then a file name in a query', q('path=%2Fvar%2Ftmp%2F%60sleep%205%60.log'), q('path=%2Fvar%2Ftmp%2Fsleep-5.log')],
];

describe('bundled rule of rev 2026-12-14k (a backtick substitution as a path segment)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
