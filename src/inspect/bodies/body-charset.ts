import { UNUSUAL_CHARSET, UTF16_BODY } from '../findings.js';
import type { TargetCollector } from '../target-collector.js';

/** Charsets text bodies legitimately use; anything else on a request body is an evasion tell. */
const USUAL_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'windows-1252', 'utf-16', 'utf-16le', 'utf-16be']);

type Utf16Order = 'le' | 'be' | null;

/** UTF-16 from a BOM, the charset parameter, or `<`/`{`/`[` followed by NUL (an XML/JSON start with no BOM). */
function utf16Order(body: Buffer, charset: string | undefined): Utf16Order {
  if (body.length < 2) return null;
  if (body[0] === 0xff && body[1] === 0xfe) return 'le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'be';
  if (charset === 'utf-16le') return 'le';
  if (charset === 'utf-16be' || charset === 'utf-16') return 'be';
  const isStart = (b: number): boolean => b === 0x3c || b === 0x7b || b === 0x5b;
  if (isStart(body[0]) && body[1] === 0) return 'le';
  if (body[0] === 0 && isStart(body[1])) return 'be';
  return null;
}

/**
 * The body as UTF-8 for the parsers: UTF-16 bodies are transcoded (and reported), everything else is
 * returned as-is. The Snort clientBody buffer keeps the bytes as received either way.
 */
export function bodyAsUtf8(body: Buffer, charset: string | undefined, collector: TargetCollector): Buffer {
  const normalized = charset?.toLowerCase();
  if (normalized !== undefined && !USUAL_CHARSETS.has(normalized)) collector.report(UNUSUAL_CHARSET, [normalized], 'body');
  const order = utf16Order(body, normalized);
  if (order === null) return body;
  collector.report(UTF16_BODY, [], 'body');
  let units = body.subarray(0, body.length - (body.length % 2));
  if (order === 'be') {
    units = Buffer.from(units);
    units.swap16();
  }
  let text = units.toString('utf16le');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Buffer.from(text, 'utf8');
}
