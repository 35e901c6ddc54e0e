/**
 * Rules narrowed after blind benign set 11 (read, session 28): 9001208 took a line break then `Location` then a colon as
 * a response header in the URI, and an iCalendar event sent to a QR-code generator has one on every event
 * (`%0ALOCATION%3ARoom%202.14`). After a line break, `Location` now counts as a header only with what a redirect
 * takes after the colon: a scheme, a slash or backslash, or a dotted host; the other headers are as before.
 */
import { describe } from 'vitest';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const VEVENT = '/v1/create-qr-code/?data=BEGIN%3AVEVENT%0ASUMMARY%3AOffsite%0ALOCATION%3ARoom%202.14%5C%2C%20Bldg%20B%0AEND%3AVEVENT&size=300x300';

const CASES: RuleCase[] = [
  [9001208, 'block', 'CRLF then Location with a URL', { url: '/go?next=%0d%0aLocation:%20http://evil.example/' }, { url: VEVENT }],
  [9001208, 'block', 'CRLF then Location with a bare host', { url: '/go?next=%E5%98%8A%E5%98%8DLocation:evil.example' }, { url: '/v1/qr?data=BEGIN%3AVCARD%0AADR%3A%3B%3BMain%20St%0ALOCATION%3AFront%20desk%0AEND%3AVCARD' }],
  [9001208, 'block', 'CRLF then Location with a scheme-relative URL', { url: '/r?u=%0aLocation:%20//evil.example/' }, { url: '/cal/new?ics=LOCATION%3ABerlin%0ADTSTART%3A20270112' }],
  [9001208, 'block', 'CRLF then Location with an encoded URL', { url: '/r?u=%0aLocation:%20https%3A%2F%2Fevil.example' }, { url: '/cal/new?ics=SUMMARY%3Ax%0ALOCATION%3A%20Raum%203' }],
  [9001208, 'block', 'CRLF then Set-Cookie, unchanged', { url: '/lang/en%0d%0aSet-Cookie:%20sid=1' }, { url: VEVENT }],
];

describe('bundled rules narrowed after blind benign set 11 (rev 2026-12-11c)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
