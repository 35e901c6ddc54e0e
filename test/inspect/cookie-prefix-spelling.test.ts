/**
 * cookie-prefix-spelling.ts: a cookie name a case-folding or URL-decoding server reads as __Host-/__Secure-
 * but the browser did not (blind attack set 8's __%48ost-session, __host-session) gets one more form on its
 * value target, what bundled rule 9001233 reads; the exact prefixes and other names get none.
 */
import { describe, expect, it } from 'vitest';
import { COOKIE_PREFIX_SPELLING_MARKER, COOKIE_PREFIX_VIA, isPrefixLookAlike } from '../../src/inspect/cookie-prefix-spelling.js';
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
