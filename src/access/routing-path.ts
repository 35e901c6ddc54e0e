import { decodeRounds } from '../inspect/uri/normalize-uri.js';
import { removeDotSegments } from '../inspect/uri/remove-dot-segments.js';
import { decodeUtf8Lenient } from '../inspect/text/utf8-lenient.js';

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The path routes match on, computed before the request is inspected: decoded once, dot segments and
 * `//` resolved, as the inspection's `path` is (test/access/routing-path.test.ts holds them equal).
 * Matching the raw path would let `/public/../orders` or `/%6frders` walk past a route's requirement.
 */
export function routingPath(url: string): string {
  const q = url.indexOf('?');
  const raw = q < 0 ? url : url.slice(0, q);
  if (raw.charCodeAt(0) !== 0x2f) return raw;
  const once = decodeRounds(raw, 1, false).bytes;
  const simplified = removeDotSegments(once).path;
  return NON_ASCII.test(simplified) ? decodeUtf8Lenient(Buffer.from(simplified, 'latin1')).text : simplified;
}
