import { UNUSUAL_CHARSET, UTF16_BODY } from '../findings.js';
import type { TargetCollector } from '../target-collector.js';
import { hexByteAt } from '../text/hex.js';
import { decodeEbcdic, ebcdicTable } from '../text/ebcdic.js';

/** Charsets text bodies legitimately use; anything else on a request body is an evasion tell. */
const USUAL_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'windows-1252', 'utf-16', 'utf-16le', 'utf-16be']);

type Utf16Order = 'le' | 'be' | null;

/**
 * UTF-16 from a BOM, the charset parameter, or `<`/`{`/`[` followed by NUL (an XML/JSON start with no BOM).
 * A bare `charset=utf-16` names no byte order: RFC 2781 says big-endian then, but .NET and XML parsers
 * (XML 1.0 appendix F) read the order off the first bytes, so a little-endian document sent under it is
 * read little-endian — and decoding it big-endian would hide it from every rule (CJK-looking noise).
 */
function utf16Order(body: Buffer, charset: string | undefined): Utf16Order {
  if (body.length < 2) return null;
  if (body[0] === 0xff && body[1] === 0xfe) return 'le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'be';
  if (charset === 'utf-16le') return 'le';
  if (charset === 'utf-16be') return 'be';
  const isStart = (b: number): boolean => b === 0x3c || b === 0x7b || b === 0x5b;
  if (isStart(body[0]) && body[1] === 0) return 'le';
  if (body[0] === 0 && isStart(body[1])) return 'be';
  if (charset === 'utf-16') return body[0] !== 0 && body[1] === 0 ? 'le' : 'be';
  return null;
}

/** An ASCII body of `name=value` pairs with percent escapes: a form whose escapes are bytes in the charset. */
function isPercentEncodedForm(body: Buffer): boolean {
  let percent = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b < 0x20 || b > 0x7e) return false;
    if (b === 0x25) percent = true;
  }
  return percent && body.includes(0x3d);
}

/** Percent escapes (and `+`) to bytes, other characters as their ASCII byte. */
function percentBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c === 0x25 ? hexByteAt(text, i + 1) : -1;
    if (b >= 0) {
      out[n++] = b;
      i += 2;
    } else out[n++] = c === 0x2b ? 0x40 : c; // `+` is a space, and an EBCDIC space is 0x40
  }
  return out.subarray(0, n);
}

/**
 * An EBCDIC body as the server reads it. A form's names and values are percent-encoded EBCDIC bytes
 * between ASCII `&` and `=` (what IIS decodes); they come back as a UTF-8 form. Any other body is
 * EBCDIC bytes throughout.
 */
function ebcdicBodyText(body: Buffer, table: string): string {
  if (!isPercentEncodedForm(body)) return decodeEbcdic(body, table);
  return body
    .toString('latin1')
    .split('&')
    .map((pair) => pair.split('=').map((part) => encodeURIComponent(decodeEbcdic(percentBytes(part), table))).join('='))
    .join('&');
}

/**
 * Whether bytes that a declared UTF-16, UTF-32 or EBCDIC charset transcoded are also to be read as
 * written: they are printable ASCII text, which a server that ignores the charset (PHP's form and
 * multipart parsers, Jackson's byte sniffing) reads exactly so. A real UTF-16 body has NULs, real
 * EBCDIC text bytes above 0x7f (an EBCDIC percent-encoded form passes, and its second reading is
 * harmless noise). Shared by a body (inspect-body.ts) and a multipart part (multipart.ts).
 */
export function alsoReadAsWritten(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  }
  return true;
}

/**
 * Whether a charset label (lower case) changes how the bytes read: UTF-16, UTF-32, EBCDIC. Any other
 * label is read as the bytes are (a multipart part's `charset=Shift_JIS` changes nothing here).
 */
export function isTranscodedCharset(charset: string): boolean {
  return charset.startsWith('utf-16') || charset.startsWith('utf-32') || ebcdicTable(charset) !== undefined;
}

/**
 * UTF-32 from a BOM, the charset parameter, or `<`/`{`/`[` with three NULs after or before it (RFC 4627's
 * detection, which Jackson still does on JSON bytes under any or no charset). A bare `charset=utf-32`
 * reads the order off the first bytes, as for UTF-16: a little-endian document sent under it is read
 * little-endian by a sniffing parser, and decoding it big-endian would hide it.
 */
function utf32Order(body: Buffer, charset: string | undefined): Utf16Order {
  if (body.length < 4) return null;
  if (body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0) return 'le';
  if (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff) return 'be';
  if (charset === 'utf-32le') return 'le';
  if (charset === 'utf-32be') return 'be';
  const isStart = (b: number): boolean => b === 0x3c || b === 0x7b || b === 0x5b;
  if (isStart(body[0]) && body[1] === 0 && body[2] === 0 && body[3] === 0) return 'le';
  if (body[0] === 0 && body[1] === 0 && body[2] === 0 && isStart(body[3])) return 'be';
  if (charset === 'utf-32') return body[0] !== 0 && body[1] === 0 && body[2] === 0 ? 'le' : 'be';
  return null;
}

function utf32Text(body: Buffer, order: 'le' | 'be'): string {
  let out = '';
  for (let i = 0; i + 4 <= body.length; i += 4) {
    const cp = order === 'le' ? body.readUInt32LE(i) : body.readUInt32BE(i);
    if (cp === 0xfeff && i === 0) continue;
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

/**
 * The body as UTF-8 for the parsers: UTF-16 bodies are transcoded (and reported), EBCDIC and UTF-32
 * ones transcoded (their charset is reported as unusual), everything else is returned as-is. The Snort clientBody buffer keeps the bytes as received either way.
 */
export function bodyAsUtf8(body: Buffer, charset: string | undefined, collector: TargetCollector): Buffer {
  const normalized = charset?.toLowerCase();
  if (normalized !== undefined && !USUAL_CHARSETS.has(normalized)) collector.report(UNUSUAL_CHARSET, [normalized], 'body');
  // Charsets a server decodes but a byte-level reading never would: read the body as the server will.
  const table = normalized === undefined ? undefined : ebcdicTable(normalized);
  if (table !== undefined) return Buffer.from(ebcdicBodyText(body, table), 'utf8');
  const wide = utf32Order(body, normalized);
  if (wide !== null) return Buffer.from(utf32Text(body, wide), 'utf8');
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
