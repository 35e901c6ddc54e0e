/**
 * session-id-shape.ts: a session cookie whose id is one short unit repeated gets one more form on its
 * target (what bundled rule 9001219 reads); random ids, other cookies and short repeats do not.
 */
import { describe, expect, it } from 'vitest';
import { hasPaddingRun, isSessionCookieName, repeatedUnitLength, repeatedUnitSessionForm, REPEATED_UNIT_SESSION_MARKER, SESSION_ID_VIA } from '../../src/inspect/session-id-shape.js';
import { inspectRequest } from '../signatures/fixtures.js';

describe('repeatedUnitLength', () => {
  it.each([
    ['888888888888', 1],
    ['f213f213f213f213f213f213', 4],
    ['35d77b35d77b35d77b35d77b35d77b35d77b', 6],
    ['0f4d50f4d50f4d5', 5],
    ['13be68d913be68d9', 8],
  ])('%s is a unit of %i repeated', (v, p) => {
    expect(repeatedUnitLength(v)).toBe(p);
  });

  it.each([
    '9r1b3jh0q7u6m2e8c5d4a0s1kl', // a PHP id
    '4F1C2A9B8E7D6C5B4A39281706F5E4D3', // a Tomcat id
    '0123456789a0123456789a', // a unit of 11
    '57d457d4', // under 12 characters
    'f213f213f213f213f213f21x', // the repeat does not fill it
    'f213-f213-f213-f213', // not letters and digits
  ])('%s is not', (v) => {
    expect(repeatedUnitLength(v)).toBe(0);
  });
});

describe('hasPaddingRun', () => {
  it.each(['FIXED0000000000000000000000000000', 'attackerAAAAAAAAAAAAAAAA', 'x1zzzzzzzzzzzzzzzz'])('%s is a word padded to an id', (v) => {
    expect(hasPaddingRun(v)).toBe(true);
  });
  it.each([
    '4F1C2A9B8E7D6C5B4A39281706F5E4D3', // a Tomcat id
    '20241207000000000123', // digits only: a sequence or timestamp id
    'ab0000000c', // under 12 characters
    'FIXED0000000-000000000000', // not letters and digits
    `k${'0'.repeat(70)}`, // over 64: an encoded store, not an id
    'a1b2c3000000d4e5f6a7b8c9', // a run of 6
  ])('%s is not', (v) => {
    expect(hasPaddingRun(v)).toBe(false);
  });
  it('marks a session-named parameter holding one', () => {
    expect(repeatedUnitSessionForm('sessionToken', 'FIXED0000000000000000000000000000')).toBe(`${REPEATED_UNIT_SESSION_MARKER}sessionToken`);
    expect(repeatedUnitSessionForm('theme', 'FIXED0000000000000000000000000000')).toBeNull();
  });
});

describe('session cookie names', () => {
  it.each(['PHPSESSID', 'JSESSIONID', 'jsessionid', 'ASPSESSIONIDQADTCBSA', 'ASP.NET_SessionId', 'laravel_session', 'sessionid', 'session_id', 'sid', 'connect.sid', 'CFID', 'CFTOKEN', 'ci_session', 'osCsid', 'zenid'])('%s is one', (n) => {
    expect(isSessionCookieName(n)).toBe(true);
  });
  it.each(['theme', 'tracking', 'sidebar', '_ga', 'csrftoken', 'lang', 'guid', 'consider', 'zen'])('%s is not', (n) => {
    expect(isSessionCookieName(n)).toBe(false);
  });
  it('a repeated id in another cookie gets no form', () => {
    expect(repeatedUnitSessionForm('tracking', 'abababababababab')).toBeNull();
    expect(repeatedUnitSessionForm('PHPSESSID', 'abababababababab')).toBe(`${REPEATED_UNIT_SESSION_MARKER}PHPSESSID`);
  });
});

describe('the inspector', () => {
  it('adds the marked form to the session cookie target only, named by its chain', () => {
    const inspection = inspectRequest({ url: '/account', headers: [['Host', 'example.test'], ['Cookie', 'theme=dark; ;jsessionid=35d77b35d77b35d77b; lang=enenenenenenen']] });
    const session = inspection.targets.find((t) => t.location === 'cookie' && t.role === 'value' && t.name === 'jsessionid');
    expect(session?.decoded).toContain(`${REPEATED_UNIT_SESSION_MARKER}jsessionid`);
    expect(session?.decodedVia?.at(-1)).toBe(SESSION_ID_VIA);
    expect(session?.decodedVia?.length).toBe(session?.decoded.length);
    const lang = inspection.targets.find((t) => t.location === 'cookie' && t.role === 'value' && t.name === 'lang');
    expect(lang?.decoded.some((f) => f.startsWith(REPEATED_UNIT_SESSION_MARKER))).toBe(false);
  });

  it('marks a session-named query or form parameter holding such an id, and no other parameter', () => {
    const query = inspectRequest({ url: '/login?sid=deadbeefdeadbeef&page=abababababababab', headers: [['Host', 'example.test']] });
    const sid = query.targets.find((t) => t.location === 'query' && t.role === 'value' && t.name === 'sid');
    expect(sid?.decoded).toContain(`${REPEATED_UNIT_SESSION_MARKER}sid`);
    expect(sid?.decodedVia?.length).toBe(sid?.decoded.length);
    const page = query.targets.find((t) => t.location === 'query' && t.role === 'value' && t.name === 'page');
    expect(page?.decoded.some((f) => f.startsWith(REPEATED_UNIT_SESSION_MARKER))).toBe(false);
    const body = 'user=alice&pass=Summer2024&session_id=888888888888';
    const posted = inspectRequest({ method: 'POST', url: '/login', headers: [['Host', 'example.test'], ['Content-Type', 'application/x-www-form-urlencoded']], body });
    const field = posted.targets.find((t) => t.location === 'body' && t.role === 'value' && t.name === 'session_id');
    expect(field?.decoded).toContain(`${REPEATED_UNIT_SESSION_MARKER}session_id`);
  });
});
