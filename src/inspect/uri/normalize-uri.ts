import { decodeUtf8Lenient } from '../text/utf8-lenient.js';
import { collapseOverlongAscii, percentDecodeToBytes } from './percent-decode-bytes.js';
import { removeDotSegments } from './remove-dot-segments.js';
import type { RequestTargetParts } from './split-request-target.js';

export interface NormalizedUri {
  /** Snort `http_uri` (latin1): decoded `decodeRounds` times, `\` as `/`, dot segments and `//` simplified, `+` as space in the query. */
  snortUri: string;
  /** Decoded once, dot segments and `//` simplified, UTF-8 text: what routing and schema matching use. */
  path: string;
  /** BYTES_* bits met anywhere in path or query. */
  anomalies: number;
  aboveRoot: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/;
const BACKSLASH = /\\/g;

export function decodeRounds(s: string, rounds: number, plusAsSpace: boolean): { bytes: string; anomalies: number } {
  let bytes = s;
  let anomalies = 0;
  for (let round = 0; round < rounds && bytes.indexOf('%') >= 0; round++) {
    const next = percentDecodeToBytes(bytes, plusAsSpace && round === 0);
    anomalies |= next.anomalies;
    if (next.bytes === bytes) break;
    bytes = next.bytes;
  }
  if (rounds > 0 && plusAsSpace && bytes === s && s.indexOf('+') >= 0) bytes = s.replaceAll('+', ' ');
  const collapsed = NON_ASCII.test(bytes) ? collapseOverlongAscii(bytes) : { bytes, anomalies: 0 };
  return { bytes: collapsed.bytes, anomalies: anomalies | collapsed.anomalies };
}

/**
 * Snort decodes the URI twice by default (`iis_double_decode`) and turns `\` into `/`
 * (`backslash_to_slash`) before simplifying, so `%252e%252e%255c` and `..\` both reach rules as `../`.
 */
export function normalizeUri(parts: RequestTargetParts, snortDecodeRounds: number): NormalizedUri {
  const isOriginPath = parts.path.charCodeAt(0) === 0x2f;
  let snortPath = parts.path;
  let anomalies = 0;
  let aboveRoot = false;
  if (isOriginPath) {
    const decoded = decodeRounds(parts.path, snortDecodeRounds, false);
    anomalies |= decoded.anomalies;
    const slashed = decoded.bytes.indexOf('\\') >= 0 ? decoded.bytes.replace(BACKSLASH, '/') : decoded.bytes;
    const simplified = removeDotSegments(slashed);
    snortPath = simplified.path;
    aboveRoot = simplified.aboveRoot;
  }
  let snortUri = parts.origin + snortPath;
  if (parts.hasQuery) {
    const query = decodeRounds(parts.query, snortDecodeRounds, true);
    anomalies |= query.anomalies;
    snortUri += '?' + query.bytes;
  }

  let path = parts.path;
  if (isOriginPath) {
    const once = decodeRounds(parts.path, 1, false);
    const simplified = removeDotSegments(once.bytes);
    aboveRoot ||= simplified.aboveRoot;
    path = NON_ASCII.test(simplified.path)
      ? decodeUtf8Lenient(Buffer.from(simplified.path, 'latin1')).text
      : simplified.path;
  }
  return { snortUri, path, anomalies, aboveRoot };
}
