import { decodeComponent } from './percent-decode.js';

export interface PathSegments {
  /** Percent-decoded segments: what static route segments are compared with. */
  decoded: string[];
  /** The same segments as sent: template values are split on style delimiters before decoding. */
  raw: string[];
}

/**
 * Splits the request path as sent into segments, resolving `.`/`..` (also when percent-encoded,
 * as the normalizer does) and dropping empty segments (`//`, trailing `/`), like NGINX's
 * merge_slashes. Splitting before decoding keeps an encoded `/` (`%2F`) inside its segment.
 * Returns null when a segment has malformed percent-encoding.
 */
export function splitRequestPath(rawPath: string): PathSegments | null {
  const decoded: string[] = [];
  const raw: string[] = [];
  let start = rawPath.charCodeAt(0) === 47 ? 1 : 0;
  while (start <= rawPath.length) {
    let end = rawPath.indexOf('/', start);
    if (end === -1) end = rawPath.length;
    const segment = rawPath.slice(start, end);
    start = end + 1;
    if (segment === '') continue;
    const text = decodeComponent(segment);
    if (text === null) return null;
    if (text === '.') continue;
    if (text === '..') {
      decoded.pop();
      raw.pop();
      continue;
    }
    decoded.push(text);
    raw.push(segment);
  }
  return { decoded, raw };
}
