import { describe, expect, it } from 'vitest';
import { SessionCookieNames, decodedCookieName } from '../../src/sessions/cookie-names.js';
import { collectSessionCookies, rewriteCookieHeaders, withoutPairs, type SessionCookie } from '../../src/sessions/cookie-header.js';
import { DEFAULT_SESSION_COOKIES } from '../../src/sessions/config.js';

const names = new SessionCookieNames(DEFAULT_SESSION_COOKIES);
const found = (value: string, n = names): SessionCookie[] => collectSessionCookies(value, 0, n, null) ?? [];
const brief = (cs: SessionCookie[]) => cs.map((c) => `${c.name}=${c.value}@${c.pair}`);

describe('session cookie names', () => {
  it('matches names without regard to ASCII case, and prefixes written NAME*', () => {
    expect(names.matches('PHPSESSID')).toBe(true);
    expect(names.matches('phpsessid')).toBe(true);
    expect(names.matches('ASP.NET_SessionId')).toBe(true);
    expect(names.matches('ASPSESSIONIDQQGGQGDR')).toBe(true);
    expect(names.matches('PHPSESSID2')).toBe(false);
    expect(names.matches('theme')).toBe(false);
    expect(names.matches('')).toBe(false);
  });

  it('decodes percent escapes as PHP does, leaving malformed ones as written', () => {
    expect(decodedCookieName('PHP%53ESSID')).toBe('PHPSESSID');
    expect(decodedCookieName('PHPSESSID')).toBeNull();
    expect(decodedCookieName('a%zzb')).toBeNull();
  });
});

describe('session cookies in a Cookie header', () => {
  it('finds the session cookie among others (the fixation case: Cookie: theme=dark; sid=4121353)', () => {
    const sid = new SessionCookieNames(['sid']);
    expect(brief(found('theme=dark; sid=4121353', sid))).toEqual(['sid=4121353@1']);
    expect(found('theme=dark; lang=en', sid)).toEqual([]);
  });

  it('returns null and allocates no list when there is no session cookie', () => {
    expect(collectSessionCookies('_ga=GA1.2.3; _gid=GA1.2.4; theme=dark', 0, names, null)).toBeNull();
    expect(collectSessionCookies('', 0, names, null)).toBeNull();
  });

  it('keeps every duplicate of a name (cookie tossing: either may be read)', () => {
    expect(brief(found('PHPSESSID=good; theme=x; PHPSESSID=evil'))).toEqual(['phpsessid=good@0', 'phpsessid=evil@2']);
  });

  it('drops one pair of double quotes around a value and the whitespace around names and values', () => {
    expect(brief(found('JSESSIONID="abc123"'))).toEqual(['jsessionid=abc123@0']);
    expect(brief(found(' \tJSESSIONID =  abc  ;x=1'))).toEqual(['jsessionid=abc@0']);
    expect(brief(found('JSESSIONID="'))).toEqual(['jsessionid="@0']);
  });

  it('skips empty pairs, pairs without = and empty values', () => {
    expect(brief(found(';;  ; PHPSESSID=x;; '))).toEqual(['phpsessid=x@3']);
    expect(found('PHPSESSID; PHPSESSID=; PHPSESSID=""')).toEqual([]);
  });

  it('reads a Cookie header that carries Set-Cookie attributes as ordinary pairs', () => {
    const cs = found('PHPSESSID=evil; Path=/; HttpOnly; Domain=example.com; Expires=Thu, 01 Jan 2099 00:00:00 GMT');
    expect(brief(cs)).toEqual(['phpsessid=evil@0']);
  });

  it('takes a percent-escaped name for the session cookie it decodes to', () => {
    const cs = found('theme=1; PHP%53ESSID=planted');
    expect(brief(cs)).toEqual(['phpsessid=planted@1']);
    expect(cs[0].sentName).toBe('PHP%53ESSID');
  });

  it('keeps a value with = inside whole', () => {
    expect(brief(found('connect.sid=s%3Aabc.def=='))).toEqual(['connect.sid=s%3Aabc.def==@0']);
  });
});

describe('stripping pairs', () => {
  it('removes the given segments and keeps the others as written', () => {
    expect(withoutPairs('theme=dark; sid=4121353; lang=en', new Set([1]))).toBe('theme=dark; lang=en');
    expect(withoutPairs('sid=1', new Set([0]))).toBeNull();
    expect(withoutPairs(';;sid=1;a=b', new Set([2]))).toBe('a=b');
  });

  it('rewrites the k-th Cookie header of a flat header list and drops an emptied one', () => {
    const headers = ['Host', 'h', 'Cookie', 'a=1; sid=2', 'accept', '*/*', 'cookie', 'sid=3', 'Cookie', 'z=9'];
    rewriteCookieHeaders(headers, new Map([[0, 'a=1'], [1, null]]));
    expect(headers).toEqual(['Host', 'h', 'Cookie', 'a=1', 'accept', '*/*', 'Cookie', 'z=9']);
  });
});
