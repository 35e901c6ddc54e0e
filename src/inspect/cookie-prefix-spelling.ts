/**
 * A cookie name that looks like a `__Host-` or `__Secure-` prefixed cookie to a server but was not one to the
 * browser. Browsers enforce the prefixes (set only by the site itself, over HTTPS, `__Host-` host-only with
 * `Path=/`) on the exact spelling; servers that fold case or URL-decode cookie names (ASP.NET's
 * case-insensitive collection, frameworks that percent-decode names) read `__host-sid`, `__%48ost-sid` or
 * `%5F_Host-sid` as the prefixed cookie. A look-alike tossed from a sibling domain or over plain HTTP then
 * overrides the session the prefix was meant to protect (cookie tossing, session fixation). No site names
 * its own cookie in such a spelling, so the inspector marks it: the cookie's target gets one more form,
 * `MARKER` and the cookie's name, which bundled rule 9001233 reads in `http_cookie` (rule 9001230 keeps
 * reading an encoded underscore in the raw header).
 */
import type { TargetCollector } from './target-collector.js';

/** What the added form starts with (bundled rule 9001233 looks for it); the cookie's name follows. */
export const COOKIE_PREFIX_SPELLING_MARKER = 'cookie-prefix-spelling:';

/** The decoder chain the decision log names for a hit on that form (`decoded: cookie-prefix`). */
export const COOKIE_PREFIX_VIA = 'cookie-prefix';

const PREFIXES = ['__host-', '__secure-'] as const;
const EXACT = ['__Host-', '__Secure-'] as const;

/** Decodes %XX escapes of ASCII bytes only; a malformed escape is kept as written. */
function decodeAsciiEscapes(name: string): string {
  if (!name.includes('%')) return name;
  return name.replace(/%([0-7][0-9a-fA-F])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Whether `name` reads as a prefixed cookie after case folding or percent-decoding while its raw spelling is
 * not the exact prefix the browser enforces.
 */
export function isPrefixLookAlike(name: string): boolean {
  if (name.length < 7 || name.length > 200) return false;
  const first = name.charCodeAt(0);
  // '_' or '%': a prefix spelling starts with an underscore or its escape
  if (first !== 0x5f && first !== 0x25) return false;
  const folded = decodeAsciiEscapes(name).toLowerCase();
  for (let i = 0; i < PREFIXES.length; i++) {
    if (folded.startsWith(PREFIXES[i]) && !name.startsWith(EXACT[i])) return true;
  }
  return false;
}

/**
 * Whether a cookie with no name carries a prefixed name in its value (`=__Host-sid=x`): a server that
 * set a nameless cookie (or a client that invents one) hands the browser a pair it stores under the
 * empty name and sends back as `__Host-sid=x`, so a prefix the browser never checked reaches the server
 * as if it had (the nameless-cookie bypass of the prefixes). No site names a cookie so.
 */
export function isNamelessPrefixed(name: string, value: string): boolean {
  if (name !== '' || value.length < 8 || value.length > 4096) return false;
  const inner = decodeAsciiEscapes(nameInValue(value)).toLowerCase();
  return PREFIXES.some((p) => inner.startsWith(p));
}

/** The `name` of a `name=value` pair held as a nameless cookie's value. */
function nameInValue(value: string): string {
  const eq = value.indexOf('=');
  return eq < 0 ? value : value.slice(0, eq);
}

/**
 * Adds the look-alike form to the value target just made for cookie `name`, when the name is such a
 * spelling (or the cookie is nameless and its value opens with a prefixed name) and the collector made
 * that target (limits may leave it to the raw buffers).
 */
export function markCookiePrefixLookAlike(collector: TargetCollector, name: string, value: string): void {
  if (!isPrefixLookAlike(name) && !isNamelessPrefixed(name, value)) return;
  const t = collector.targets.at(-1);
  if (t === undefined || t.location !== 'cookie' || t.role !== 'value' || t.name !== name || t.raw !== value) return;
  const via = t.decodedVia ?? [];
  if (via.length !== t.decoded.length) return;
  t.decodedVia = [...via, COOKIE_PREFIX_VIA];
  t.decoded = [...t.decoded, `${COOKIE_PREFIX_SPELLING_MARKER}${name === '' ? `=${nameInValue(value)}` : name}`];
}
