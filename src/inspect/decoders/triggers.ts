/**
 * One pass over a value tells which decoders could possibly change it. Running this scan instead of
 * each decoder's own `indexOf` keeps the common case (a plain word or number) at one loop, no allocation.
 */
export const TRIGGER_PERCENT = 1 << 0;
export const TRIGGER_AMPERSAND = 1 << 1;
export const TRIGGER_BACKSLASH = 1 << 2;
export const TRIGGER_PLUS = 1 << 3;
export const TRIGGER_NON_ASCII = 1 << 4;
/** `/*`: an SQL comment opener. */
export const TRIGGER_SLASH_STAR = 1 << 5;
/** Control whitespace (tab, CR, LF, VT, FF) or two spaces in a row. */
export const TRIGGER_ODD_WHITESPACE = 1 << 6;
/** Long enough and made only of base64 / base64url characters (optionally after `Basic `/`Bearer `). */
export const TRIGGER_BASE64_SHAPE = 1 << 7;
/** Three dot-separated base64url runs: a JWT. */
export const TRIGGER_JWT_SHAPE = 1 << 8;
export const TRIGGER_NUL = 1 << 9;
/** An itsdangerous-signed value (Flask's session cookie): `eyJ…` with two dots, or `.eJ…` (zlib) with three. */
export const TRIGGER_SIGNED_SESSION_SHAPE = 1 << 10;
/** `H4sI` (base64 of gzip's 1F 8B 08) anywhere in a value: a compressed blob inside markup, an attribute or a longer text. */
export const TRIGGER_GZIP_BASE64_RUN = 1 << 11;

/** Shortest run taken for base64: 12 chars encode 9 bytes, about the shortest useful payload (`' or 1=1--`). */
export const MIN_BASE64_LENGTH = 12;

// 1 = base64 alphabet (standard and url-safe), 2 = '=' padding.
const BASE64_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) BASE64_CLASS[c] = 1;
}
BASE64_CLASS[0x3d] = 2;

/** Length of an auth-scheme prefix (`Basic `, `Bearer `) the base64 and JWT decoders skip, else 0. */
export function authSchemePrefixLength(s: string): number {
  const c = s.charCodeAt(0) | 0x20;
  if (c === 0x62) {
    // b
    if (s.length > 6 && s.charCodeAt(5) === 0x20 && s.slice(0, 5).toLowerCase() === 'basic') return 6;
    if (s.length > 7 && s.charCodeAt(6) === 0x20 && s.slice(0, 6).toLowerCase() === 'bearer') return 7;
  }
  return 0;
}

/** Where a scan of one value stands: `scanTriggers` in one go, `scanTriggersInSteps` piece by piece. */
interface TriggerScan {
  bits: number;
  /** Auth-scheme prefix length: base64 and JWT shapes are judged after it. */
  start: number;
  base64Like: boolean;
  paddingSeen: boolean;
  // Hex tokens (session ids, hashes, UUIDs) and digit groups (phone numbers, card numbers) fit the
  // base64url alphabet but are never base64 of text; by chance they can decode to valid UTF-8 noise.
  hexOnly: boolean;
  dots: number;
  prev: number;
  /** Base64 characters since the value's start or its last line feed (MIME and PEM wrap at 76 and 64). */
  lineLen: number;
}

function beginScan(s: string, scan: TriggerScan): void {
  scan.bits = 0;
  scan.start = authSchemePrefixLength(s);
  scan.base64Like = s.length - scan.start >= MIN_BASE64_LENGTH;
  scan.paddingSeen = false;
  scan.hexOnly = true;
  scan.dots = 0;
  scan.prev = 0;
  scan.lineLen = 0;
}

/**
 * A line break inside base64 wrapped the way MIME and PEM write it (a SAMLResponse, an S/MIME or PEM
 * body): CR or LF after a full line of 64 or 76 characters, LF right after such a CR. Any other line
 * break ends the base64 shape.
 */
function isWrapBreak(c: number, prev: number, lineLen: number): boolean {
  if (c === 0x0d) return lineLen === 76 || lineLen === 64;
  return c === 0x0a && (prev === 0x0d || lineLen === 76 || lineLen === 64);
}

function scanRange(s: string, from: number, to: number, scan: TriggerScan): void {
  let { bits, base64Like, paddingSeen, hexOnly, dots, prev, lineLen } = scan;
  const start = scan.start;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      bits |= TRIGGER_NON_ASCII;
      base64Like = false;
    } else {
      switch (c) {
        case 0x25: bits |= TRIGGER_PERCENT; break;
        case 0x26: bits |= TRIGGER_AMPERSAND; break;
        case 0x5c: bits |= TRIGGER_BACKSLASH; break;
        case 0x2b: bits |= TRIGGER_PLUS; break;
        case 0x2a: if (prev === 0x2f) bits |= TRIGGER_SLASH_STAR; break;
        case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: bits |= TRIGGER_ODD_WHITESPACE; break;
        case 0x20: if (prev === 0x20) bits |= TRIGGER_ODD_WHITESPACE; break;
        case 0x00: bits |= TRIGGER_NUL; break;
        case 0x2e: dots++; break;
        case 0x49: if (prev === 0x73 && i >= 3 && s.charCodeAt(i - 2) === 0x34 && s.charCodeAt(i - 3) === 0x48) bits |= TRIGGER_GZIP_BASE64_RUN; break;
      }
      if (base64Like && i >= start) {
        if (hexOnly && !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c === 0x2d)) hexOnly = false;
        const cls = BASE64_CLASS[c];
        if (cls === 1) {
          if (paddingSeen) base64Like = false;
          lineLen++;
        } else if (cls === 2) paddingSeen = true;
        else if (c === 0x0d || c === 0x0a) {
          if (!isWrapBreak(c, prev, lineLen)) base64Like = false;
          else if (c === 0x0a) lineLen = 0;
        } else if (c !== 0x2e) base64Like = false;
      }
    }
    prev = c;
  }
  scan.bits = bits;
  scan.base64Like = base64Like;
  scan.paddingSeen = paddingSeen;
  scan.hexOnly = hexOnly;
  scan.dots = dots;
  scan.prev = prev;
  scan.lineLen = lineLen;
}

function endScan(s: string, scan: TriggerScan): number {
  let bits = scan.bits;
  if (scan.base64Like && !scan.hexOnly) {
    if (scan.dots === 0) bits |= TRIGGER_BASE64_SHAPE;
    else if (scan.dots === 2 && s.startsWith('eyJ', scan.start)) bits |= TRIGGER_JWT_SHAPE | TRIGGER_SIGNED_SESSION_SHAPE; // eyJ = base64 of '{"'
    else if (scan.dots === 3 && scan.start === 0 && s.startsWith('.eJ')) bits |= TRIGGER_SIGNED_SESSION_SHAPE; // eJ = base64 of zlib's 78 9C
  }
  return bits;
}

const newScan = (): TriggerScan => ({ bits: 0, start: 0, base64Like: false, paddingSeen: false, hexOnly: true, dots: 0, prev: 0, lineLen: 0 });

/** Reused by every one-go scan (never re-entered): a value costs one loop and no allocation. */
const shared = newScan();

/** From this length a value's bits come from `scanLong`: below it the one loop is cheaper than its dozen calls. */
const LONG_VALUE_CHARS = 256;

export function scanTriggers(s: string): number {
  beginScan(s, shared);
  if (s.length >= LONG_VALUE_CHARS) return scanLong(s, shared);
  scanRange(s, 0, s.length, shared);
  return endScan(s, shared);
}

/**
 * A long value's bits: the loop only while the value may still be base64 (prose and markup leave the
 * shape within a few characters), then, once the shape is decided, each remaining bit as "does this
 * character or pair occur anywhere", which the engine's string search answers ~2–20× faster than a
 * loop over every character (a 4 KB text: ~15 µs -> 0.5–8 µs). Every bit set by the loop is such an
 * occurrence (`/*`, two spaces, `H4sI`, a character ≥ 0x80), so the result is the loop's.
 */
function scanLong(s: string, scan: TriggerScan): number {
  for (let from = 0; from < s.length && scan.base64Like; from += 16) scanRange(s, from, Math.min(s.length, from + 16), scan);
  if (scan.base64Like) return endScan(s, scan);
  let bits = 0;
  if (s.includes('%')) bits |= TRIGGER_PERCENT;
  if (s.includes('&')) bits |= TRIGGER_AMPERSAND;
  if (s.includes('\\')) bits |= TRIGGER_BACKSLASH;
  if (s.includes('+')) bits |= TRIGGER_PLUS;
  if (s.includes('/*')) bits |= TRIGGER_SLASH_STAR;
  if (s.includes('\n') || s.includes('\r') || s.includes('\t') || s.includes('\v') || s.includes('\f') || s.includes('  ')) bits |= TRIGGER_ODD_WHITESPACE;
  if (s.includes('\0')) bits |= TRIGGER_NUL;
  if (s.includes('H4sI')) bits |= TRIGGER_GZIP_BASE64_RUN;
  // UTF-8 takes two or more bytes for every character from 0x80 (three for a lone surrogate).
  if (Buffer.byteLength(s, 'utf8') !== s.length) bits |= TRIGGER_NON_ASCII;
  return bits;
}

/** A piece of a long value scanned between two looks at the clock (~0.1 ms). */
const SCAN_PIECE = 32_768;

/**
 * `scanTriggers` of a long value (a 1 MiB text body is one target: its scan is ~2–4 ms) in pieces,
 * pausing between them when `due()` says the slice is used up; the same bits.
 */
export function* scanTriggersInSteps(s: string, due: () => boolean): Generator<void, number, void> {
  const scan = newScan();
  beginScan(s, scan);
  for (let from = 0; from < s.length; from += SCAN_PIECE) {
    scanRange(s, from, Math.min(s.length, from + SCAN_PIECE), scan);
    if (due()) yield;
  }
  return endScan(s, scan);
}
