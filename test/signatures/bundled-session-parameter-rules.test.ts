/**
 * Bundled rules 9001291/9001292 of rev 2026-12-07q: a query or form parameter of a session name whose id
 * is one short unit repeated (`?sid=deadbeefdeadbeef`, a login form's `sid=` beside the credentials), an
 * id no CSPRNG writes; the inspector marks it (src/inspect/session-id-shape.ts) as it marks 9001219's
 * cookies. Blind attack set 5 sent one in a login form (read). A random id in the same parameter, and a
 * repeated value in a parameter of another name, pass.
 */
import { describe } from 'vitest';
import { form, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9001291, 'block', 'a repeated-unit sid in a link', q('sid=deadbeefdeadbeef&next=%2Faccount'), q('sid=9f3c2a1b7e6d5c4a&next=%2Faccount')],
  [9001291, 'block', 'a session_id of one digit repeated', q('session_id=888888888888'), q('page=888888888888')],
  [9001292, 'block', 'a repeated-unit sid posted with the credentials', form('user=alice&pass=Summer2024&sid=deadbeefdeadbeef'), form('user=alice&pass=Summer2024&sid=4be1c07f9a2d63e8')],
];

describe('bundled rules for a repeated-unit session id as a parameter (rev 2026-12-07q)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
