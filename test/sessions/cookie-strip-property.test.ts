import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionCookieNames } from '../../src/sessions/cookie-names.js';
import { collectSessionCookies, withoutPairs } from '../../src/sessions/cookie-header.js';

const names = new SessionCookieNames(['PHPSESSID', 'JSESSIONID', 'ASPSESSIONID*']);
const sessionName = fc.constantFrom('PHPSESSID', 'phpsessid', 'JSESSIONID', 'ASPSESSIONIDQQGG', 'PHP%53ESSID');
const otherName = fc.constantFrom('theme', 'lang', '_ga', 'PHPSESSID2', 'xJSESSIONID', 'sid', 'Path', 'Expires');
const value = fc.constantFrom('a1', 'b2', 'c3', '"a1"', 'Thu, 01 Jan 2099 00:00:00 GMT', 'x=y', '');
const pair = fc.oneof(
  fc.record({ session: fc.constant(true), name: sessionName, value }),
  fc.record({ session: fc.constant(false), name: otherName, value }),
  fc.record({ session: fc.constant(false), name: fc.constant(''), value: fc.constantFrom('HttpOnly', '', 'Secure') }),
);
const separator = fc.constantFrom(';', '; ', ' ; ', ';;', ';\t');

describe('stripping unissued session cookies from any Cookie header', () => {
  it('removes exactly the session pairs whose value is unissued and keeps every other pair, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pair, separator), { minLength: 1, maxLength: 12 }), fc.subarray(['a1', 'b2', 'c3']), (pairs, issuedValues) => {
        const header = pairs.map(([p, sep], i) => (p.name === '' ? p.value : `${p.name}=${p.value}`) + (i < pairs.length - 1 ? sep : '')).join('');
        const found = collectSessionCookies(header, 0, names, null) ?? [];
        const strip = new Set(found.filter((c) => !issuedValues.includes(c.value)).map((c) => c.pair));
        const out = withoutPairs(header, strip);
        const kept = out === null ? [] : out.split('; ');
        const segments = header.split(';').map((s) => s.trim());
        // Every kept pair is an original segment, in the original order, and none of the stripped ones.
        const expected = segments.filter((s, i) => s !== '' && !strip.has(i));
        expect(kept).toEqual(expected);
        // No session pair with an unissued, non-empty value survives (names as PHP reads them, case-insensitively).
        for (const segment of kept) {
          const eq = segment.indexOf('=');
          if (eq < 0) continue;
          const n = decodeURIComponent(segment.slice(0, eq).trim());
          const v = segment.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
          if (names.matches(n) && v !== '') expect(issuedValues).toContain(v);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
