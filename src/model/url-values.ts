/**
 * A field whose value is a web address with a query string — an analytics beacon's page URL (`dl=`),
 * a link tracker's target, a return address (`/search?q=…`), or a bare query string handed on (`q=…&page=2`)
 * — carries another request's parameters inside it. Scored
 * as one text, `https://shop.example/search?q=select+tables` reads like an injection (`?q=select+…`),
 * while the same search sent as `q=select tables` does not: the model learnt query syntax around SQL
 * words as evidence. So the model scores such a value the way it scores a request: the address without
 * its query (scheme, host and path: where SSRF and open redirects show), and each parameter value on its
 * own, percent-decoded as the application behind that address would read it, then the fragment.
 * An attack inside the address is still scored — alone, as in any parameter.
 */
import { decodeFormComponent } from '../inspect/decoders/url.js';

/**
 * An address up to its query's `?`: absolute http(s) (a host, then a path with no whitespace) or a path
 * on the same site (`/search?…`, a `return_to` or `next` value).
 */
const ADDRESS_WITH_QUERY = /^(?:https?:\/\/[^\s/?#\\]+(?:\/[^\s?#]*)?|\/[^\s?#\\]*)\?/i;

/** A bare query string as a value (`q=…&page=2`, a beacon's or form's payload): names of parameter characters. */
const QUERY_STRING = /^[\w.[\]-]{1,40}=[^&]*(?:&[\w.[\]-]{1,40}=[^&]*)+$/;

/** Above this many parameters the value is scored whole: every parameter must be scored, and one text is cheaper. */
const MAX_PARAMETERS = 16;

/**
 * The texts a URL value is scored as (address without query, each parameter value decoded, the
 * fragment), or null when `text` is not an address with a query string or a bare query string, or has
 * too many parameters. With `names`, it is emptied and then holds each part's parameter name (decoded;
 * '' for the address, the fragment and a value without a name).
 */
export function urlValueParts(text: string, names?: string[]): string[] | null {
  if (names !== undefined) names.length = 0;
  const first = text.charCodeAt(0) | 0x20;
  let start = 0;
  const parts: string[] = [];
  const address = first === 0x68 || first === 0x2f ? ADDRESS_WITH_QUERY.exec(text) : null;
  if (address !== null) {
    start = address[0].length;
    parts.push(text.slice(0, start - 1));
    names?.push('');
  } else if (!text.includes('&') || !QUERY_STRING.test(text)) return null;
  const hash = text.indexOf('#', start);
  const end = hash < 0 ? text.length : hash;
  let from = start;
  let count = 0;
  while (from <= end) {
    let amp = text.indexOf('&', from);
    if (amp < 0 || amp > end) amp = end;
    if (++count > MAX_PARAMETERS) return null;
    const eq = text.indexOf('=', from);
    const raw = text.slice(eq >= 0 && eq < amp ? eq + 1 : from, amp);
    if (raw !== '') {
      parts.push(decodeFormComponent(raw));
      names?.push(eq >= 0 && eq < amp ? decodeFormComponent(text.slice(from, eq)) : '');
    }
    from = amp + 1;
  }
  if (hash >= 0 && hash + 1 < text.length) {
    parts.push(text.slice(hash + 1));
    names?.push('');
  }
  return parts;
}
