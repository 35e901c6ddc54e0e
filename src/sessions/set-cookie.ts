import { unquoted } from './cookie-header.js';

/** A cookie the upstream set. */
export interface IssuedCookie {
  name: string;
  value: string;
  /** Lifetime its Max-Age or Expires gives (ms), null for a cookie that ends with the browser session. */
  lifetimeMs: number | null;
}

/**
 * One Set-Cookie line (RFC 6265 §5.2): the name and value before the first `;`, and the lifetime its
 * attributes give (Max-Age wins over Expires). Null for a line that sets no id: no `=` (a nameless
 * cookie), an empty value, or a deletion (Max-Age ≤ 0, Expires in the past), which is how a logout
 * clears the cookie (`PHPSESSID=deleted; expires=Thu, 01-Jan-1970 ...`).
 */
export function parseSetCookie(line: string, now: number): IssuedCookie | null {
  const read = readSetCookie(line, now);
  return read === null || read.deleted || read.value === '' ? null : { name: read.name, value: read.value, lifetimeMs: read.lifetimeMs };
}

/** The name of the cookie a Set-Cookie line deletes (Max-Age ≤ 0 or Expires in the past: a logout), else null. */
export function deletedCookieName(line: string, now: number): string | null {
  const read = readSetCookie(line, now);
  return read !== null && read.deleted ? read.name : null;
}

function readSetCookie(line: string, now: number): { name: string; value: string; lifetimeMs: number | null; deleted: boolean } | null {
  let semi = line.indexOf(';');
  if (semi < 0) semi = line.length;
  const eq = line.indexOf('=');
  if (eq < 0 || eq > semi) return null;
  const name = line.slice(0, eq).trim();
  const value = unquoted(line.slice(eq + 1, semi).trim());
  if (name === '') return null;
  let maxAge: number | null = null;
  let expires: number | null = null;
  if (semi < line.length) {
    for (const attribute of line.slice(semi + 1).split(';')) {
      const at = attribute.indexOf('=');
      if (at < 0) continue;
      const key = attribute.slice(0, at).trim().toLowerCase();
      const text = attribute.slice(at + 1).trim();
      // RFC 6265 §5.2.2: a Max-Age that is not an optional `-` and digits is ignored.
      if (key === 'max-age' && /^-?[0-9]+$/.test(text)) maxAge = Number(text);
      else if (key === 'expires') {
        const t = Date.parse(text);
        if (!Number.isNaN(t)) expires = t;
      }
    }
  }
  if (maxAge !== null) return { name, value, lifetimeMs: maxAge * 1000, deleted: maxAge <= 0 };
  if (expires !== null) return { name, value, lifetimeMs: expires - now, deleted: expires <= now };
  return { name, value, lifetimeMs: null, deleted: false };
}
