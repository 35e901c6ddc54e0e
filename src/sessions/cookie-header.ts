import { decodedCookieName, isCookieHeader, type SessionCookieNames } from './cookie-names.js';

/** A session cookie found in a request's Cookie header. */
export interface SessionCookie {
  /** The name as the application reads it (percent-decoded where PHP would), lower-case: part of the digest. */
  name: string;
  /** The name as sent, for the log line. */
  sentName: string;
  /** The value without surrounding whitespace and one pair of double quotes (RFC 6265 allows them; servlet containers drop them). */
  value: string;
  /** Which Cookie header of the request (0-based, in order of arrival). */
  header: number;
  /** Which `;`-separated segment of that header. */
  pair: number;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;

/** `value` without one pair of surrounding double quotes. */
export function unquoted(value: string): string {
  return value.length >= 2 && value.charCodeAt(0) === 0x22 && value.charCodeAt(value.length - 1) === 0x22 ? value.slice(1, -1) : value;
}

/**
 * Appends the session cookies of one Cookie header value to `out` (created on the first one) and
 * returns it. Pairs are split on `;` only (an `Expires=Thu, 01 Jan` a client copied from Set-Cookie
 * is one pair with a comma); empty segments and segments without `=` (a nameless cookie, a copied
 * `HttpOnly`) are skipped, as are empty values, which name no session. Duplicates are all returned:
 * with cookie tossing the application may read either. Nothing is allocated for a cookie that is not
 * a session cookie, unless its name has a `%` escape.
 */
export function collectSessionCookies(value: string, header: number, names: SessionCookieNames, out: SessionCookie[] | null): SessionCookie[] | null {
  let start = 0;
  let pair = 0;
  while (start <= value.length) {
    let end = value.indexOf(';', start);
    if (end < 0) end = value.length;
    let s = start;
    while (s < end && isSpace(value.charCodeAt(s))) s++;
    const eq = value.indexOf('=', s);
    if (eq >= 0 && eq < end) {
      let nameEnd = eq;
      while (nameEnd > s && isSpace(value.charCodeAt(nameEnd - 1))) nameEnd--;
      let name: string | null = null;
      if (nameEnd > s && names.matchesSpan(value, s, nameEnd)) name = value.slice(s, nameEnd);
      else if (nameEnd > s) {
        const percent = value.indexOf('%', s);
        if (percent >= 0 && percent < nameEnd) {
          const decoded = decodedCookieName(value.slice(s, nameEnd));
          if (decoded !== null && names.matches(decoded.trim())) name = decoded.trim();
        }
      }
      if (name !== null) {
        const id = unquoted(value.slice(eq + 1, end).trim());
        if (id !== '') (out ??= []).push({ name: name.toLowerCase(), sentName: value.slice(s, nameEnd), value: id, header, pair });
      }
    }
    start = end + 1;
    pair++;
  }
  return out;
}

/**
 * A Cookie header value without the given segments; the others kept as written (trimmed) and joined
 * with `; `, the separator RFC 6265 clients use. Null when nothing is left (the header is dropped).
 */
export function withoutPairs(value: string, pairs: ReadonlySet<number>): string | null {
  const kept: string[] = [];
  const parts = value.split(';');
  for (let i = 0; i < parts.length; i++) {
    if (pairs.has(i)) continue;
    const part = parts[i].trim();
    if (part !== '') kept.push(part);
  }
  return kept.length === 0 ? null : kept.join('; ');
}

/**
 * Applies rewritten Cookie values to a flat [name, value, ...] header list for the upstream: the
 * k-th Cookie header gets `rewritten.get(k)` (null: removed). The list keeps the client's Cookie
 * headers in order (src/proxy/forward-headers.ts), so the k-th there is the k-th the request had.
 */
export function rewriteCookieHeaders(headers: string[], rewritten: ReadonlyMap<number, string | null>): void {
  let k = 0;
  for (let i = 0; i < headers.length; i += 2) {
    if (!isCookieHeader(headers[i])) continue;
    const next = rewritten.get(k++);
    if (next === undefined) continue;
    if (next === null) {
      headers.splice(i, 2);
      i -= 2;
    } else headers[i + 1] = next;
  }
}
