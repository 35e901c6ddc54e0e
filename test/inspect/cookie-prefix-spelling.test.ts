/**
 * cookie-prefix-spelling.ts: a cookie name a case-folding or URL-decoding server reads as __Host-/__Secure-
 * but the browser did not (blind attack set 8's __%48ost-session, __host-session) gets one more form on its
 * value target, what bundled rule 9001233 reads; the exact prefixes and other names get none.
 */
import { describe, expect, it } from 'vitest';
import { COOKIE_PREFIX_SPELLING_MARKER, COOKIE_PREFIX_VIA, isNamelessPrefixed, isPrefixLookAlike } from '../../src/inspect/cookie-prefix-spelling.js';
import { inspectRequest } from '../signatures/fixtures.js';

describe('isPrefixLookAlike', () => {
  it.each(['__%48ost-session', '__%68ost-sid', '__H%6fst-id', '%5F_Host-session', '_%5FSecure-sid', '__host-session', '__HOST-sid', '__secure-token', '__SECURE-id', '__%53ecure-x'])('%s is one', (n) => {
    expect(isPrefixLookAlike(n)).toBe(true);
  });
  it.each(['__Host-session', '__Secure-sid', '__Host-', '_host-x', '__hostname', '__stripe_mid', '__cf_bm', 'host-session', 'session', '__%', '__%zzost-x'])('%s is not', (n) => {
    expect(isPrefixLookAlike(n)).toBe(false);
  });
});

describe('the inspector', () => {
  it('marks the look-alike cookie only, named by its chain', () => {
    const inspection = inspectRequest({ url: '/admin', headers: [['Host', 'example.test'], ['Cookie', '__Host-session=k3j4h5g6f7d8; __%48ost-session=attacker; theme=dark']] });
    const values = inspection.targets.filter((t) => t.location === 'cookie' && t.role === 'value');
    const spoof = values.find((t) => t.name === '__%48ost-session');
    expect(spoof?.decoded).toContain(`${COOKIE_PREFIX_SPELLING_MARKER}__%48ost-session`);
    expect(spoof?.decodedVia?.at(-1)).toBe(COOKIE_PREFIX_VIA);
    expect(spoof?.decodedVia?.length).toBe(spoof?.decoded.length);
    for (const name of ['__Host-session', 'theme']) {
      expect(values.find((t) => t.name === name)?.decoded.some((f) => f.startsWith(COOKIE_PREFIX_SPELLING_MARKER))).toBe(false);
    }
  });
});

describe('a nameless cookie carrying a prefixed name (blind attack set 9)', () => {
  it.each([['', '__Host-session=attacker'], ['', '__Secure-sid=x1234567'], ['', '__host-sid=abcdefgh'], ['', '__%48ost-s=abcdefgh']])('%j=%s is one', (n, v) => {
    expect(isNamelessPrefixed(n, v)).toBe(true);
  });
  it.each([['', 'abcdefgh=1'], ['', '__Hostile=12345678'], ['theme', '__Host-session=x'], ['', 'short']])('%j=%s is not', (n, v) => {
    expect(isNamelessPrefixed(n, v)).toBe(false);
  });
  it('marks the nameless cookie, not the named ones beside it', () => {
    const inspection = inspectRequest({ url: '/account', headers: [['Host', 'example.test'], ['Cookie', '=__Host-session=attacker-tossed; theme=dark; __Host-sid=k3j4h5g6f7d8']] });
    const values = inspection.targets.filter((t) => t.location === 'cookie' && t.role === 'value');
    expect(values.find((t) => t.name === '')?.decoded).toContain(`${COOKIE_PREFIX_SPELLING_MARKER}=__Host-session`);
    for (const name of ['theme', '__Host-sid']) {
      expect(values.find((t) => t.name === name)?.decoded.some((f) => f.startsWith(COOKIE_PREFIX_SPELLING_MARKER))).toBe(false);
    }
  });
});
