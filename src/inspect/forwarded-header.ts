/**
 * RFC 7239 `Forwarded`: `for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"`.
 * A load balancer in front of Warden adds it to every request; read whole, its quotes, `;` and `=` look
 * like an injection to the model (`for="_gazonk";proto=https` scored 0.97). Well-formed, each pair's
 * value is a field of its own (`Forwarded.for`), judged alone like any parameter; anything else that
 * claims to be the header stays one text.
 */

/** `token=token` or `token="quoted string"` (RFC 7230 tokens: `'` and `%` are token characters). */
const PAIR = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([!#$%&'*+.^_`|~0-9A-Za-z:-]+))\s*$/;

/** Most pairs read from one header: a proxy chain is short. */
const MAX_PAIRS = 32;

/** The header's pairs as [name in lower case, value unquoted], or null when it is not well-formed. */
export function forwardedPairs(value: string): Array<[string, string]> | null {
  const pairs: Array<[string, string]> = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= value.length; i++) {
    const c = value.charCodeAt(i);
    if (quoted) {
      if (c === 0x5c) i++;
      else if (c === 0x22) quoted = false;
      continue;
    }
    if (c === 0x22) quoted = true;
    else if (i === value.length || c === 0x2c || c === 0x3b) {
      const element = value.slice(start, i);
      start = i + 1;
      if (element.trim() === '') continue; // `for=a;;by=b` and `a, , b` are allowed empties
      const m = PAIR.exec(element);
      if (m === null || pairs.length >= MAX_PAIRS) return null;
      pairs.push([m[1].toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]]);
    }
  }
  return quoted || pairs.length === 0 ? null : pairs;
}
