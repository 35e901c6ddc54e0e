import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../src/sessions/set-cookie.js';

const NOW = Date.parse('2026-12-05T07:00:00Z');

describe('Set-Cookie lines', () => {
  it('reads the name and value before the first ; and ignores the attributes it does not need', () => {
    expect(parseSetCookie('PHPSESSID=abc123; path=/; HttpOnly; SameSite=Lax', NOW)).toEqual({ name: 'PHPSESSID', value: 'abc123', lifetimeMs: null });
  });

  it('gives the lifetime from Max-Age, which wins over Expires', () => {
    expect(parseSetCookie('sid=1; Expires=Sat, 05 Dec 2026 08:00:00 GMT; Max-Age=60', NOW)?.lifetimeMs).toBe(60_000);
    expect(parseSetCookie('sid=1; Expires=Sat, 05 Dec 2026 08:00:00 GMT', NOW)?.lifetimeMs).toBe(3_600_000);
    // Not an integer: ignored (RFC 6265 §5.2.2), Expires then applies.
    expect(parseSetCookie('sid=1; Max-Age=1e3; expires=Sat, 05 Dec 2026 07:00:10 GMT', NOW)?.lifetimeMs).toBe(10_000);
  });

  it('takes a deletion (a logout) for no id', () => {
    expect(parseSetCookie('PHPSESSID=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0; path=/', NOW)).toBeNull();
    expect(parseSetCookie('sid=x; Max-Age=-1', NOW)).toBeNull();
    expect(parseSetCookie('sid=x; expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBeNull();
  });

  it('sets no id with an empty value, no = or an empty name', () => {
    expect(parseSetCookie('sid=; Path=/', NOW)).toBeNull();
    expect(parseSetCookie('sid=""', NOW)).toBeNull();
    expect(parseSetCookie('novalue; Path=/a=b', NOW)).toBeNull();
    expect(parseSetCookie('=x', NOW)).toBeNull();
  });

  it('drops one pair of quotes, as the client will send the value back', () => {
    expect(parseSetCookie('JSESSIONID="q1"; Path=/', NOW)?.value).toBe('q1');
  });
});
