import { KEYWORDS, OPERATORS } from './vocabulary.js';

/** FNV-1a over UTF-16 code units: the token hash the feature extractor combines into n-grams. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A security-aware lexer for payload text. It speaks the shared surface of SQL, JS/HTML, shell,
 * paths and template languages: keywords stay themselves, other words collapse to a shape
 * (`w3` = a 2–3 letter word, `a7` = a 4–7 char identifier with digits, `hx` = a long hex run), numbers
 * become `0`, operators and comments are single tokens, escapes (`%27`, `\x3c`, `&#`) keep their
 * meaning. Whitespace is dropped except line breaks and tabs, which matter for CRLF and filter evasion.
 *
 * Input must already be lower-cased (the feature extractor does it once for both feature kinds).
 */
export function tokenizePayload(text: string): string[] {
  const tokens: string[] = [];
  lexPayload(text, new Uint32Array(text.length), 0, tokens);
  return tokens;
}

/**
 * The lexer behind `tokenizePayload`, for the hot path: writes each token's FNV-1a hash (`fnv1a` of the
 * token string) into `hashes` from index `at`, and the token itself into `tokens` unless that is null.
 * Every token string is a constant of this module or a keyword of the vocabulary, and every hash is
 * looked up or computed while scanning, so lexing allocates nothing. `hashes` needs room for
 * `text.length` more entries (a token consumes at least one character). Returns the index after the last.
 */
export function lexPayload(text: string, hashes: Uint32Array, at: number, tokens: string[] | null): number {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordStart(c)) {
      // A hyphen between letters stays inside the word: web-inf, cgi-bin, http-equiv, x-forwarded-for.
      // The word's FNV-1a is the keyword's hash when it is one; its shape is counted on the way.
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let digits = 0;
      let hex = c >= 97 && c <= 102;
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!(isWordPart(d) || (d === 45 && isWordStart(text.charCodeAt(j + 1))))) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        if (isDigit(d)) digits++;
        else if (!(d >= 97 && d <= 102)) hex = false;
      }
      const len = j - i;
      const keyword = keywordAt(text, i, len, h >>> 0);
      let k: number;
      if (keyword !== null) {
        hashes[at] = h >>> 0;
        if (tokens !== null) tokens.push(keyword);
        at++;
        i = j;
        continue;
      }
      // Any `on…` word may be an event handler; the next token (`=`) tells the model whether it is one.
      if (len > 4 && c === 111 /* o */ && text.charCodeAt(i + 1) === 110 /* n */) k = ON_EVENT;
      else k = shapeOf(len, digits, hex);
      hashes[at++] = FIXED_HASHES[k];
      if (tokens !== null) tokens.push(FIXED[k]);
      i = j;
      continue;
    }
    let k: number;
    if (isDigit(c)) {
      let j = i + 1;
      if (c === 48 && j < n && text.charCodeAt(j) === 120 /* x */ && j + 1 < n && isHex(text.charCodeAt(j + 1))) {
        j++;
        while (j < n && isHex(text.charCodeAt(j))) j++;
        k = HEX_NUMBER;
      } else {
        while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
        // `1e1`, `5f3a...`: a number glued to letters is an identifier, not a number.
        if (j < n && isWordPart(text.charCodeAt(j))) {
          while (j < n && isWordPart(text.charCodeAt(j))) j++;
          k = shapeOfRange(text, i, j);
        } else {
          k = NUMBER;
        }
      }
      i = j;
    } else if (c === 32 || c === 12 || c === 11 || c === 0xa0) {
      i++;
      continue;
    } else if (c === 10 || c === 13 || c === 9 || c === 0) {
      k = c === 0 ? NUL : c === 9 ? TAB : NL;
      i++;
    } else if (c >= 128) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 128) j++;
      k = NON_ASCII;
      i = j;
    } else if (c < 32 || c === 127) {
      k = CTL;
      i++;
    } else {
      const escape = escapeAt(text, i);
      if (escape >= 0) {
        const e = ESCAPES[escape];
        hashes[at++] = e.hash;
        if (tokens !== null) tokens.push(e.token);
        i += e.length;
        continue;
      }
      const op = operatorAt(text, i);
      if (op !== null) {
        hashes[at++] = op.hash;
        if (tokens !== null) tokens.push(op.token);
        i += op.token.length;
        continue;
      }
      hashes[at++] = CHAR_HASHES[c];
      if (tokens !== null) tokens.push(CHARS[c]);
      i++;
      continue;
    }
    hashes[at++] = FIXED_HASHES[k];
    if (tokens !== null) tokens.push(FIXED[k]);
  }
  return at;
}

// Token strings that are not keywords, escapes, operators or single characters, by index.
const FIXED = ['w1', 'w3', 'w7', 'w8', 'a1', 'a3', 'a7', 'a8', 'hx', 'on*', '0x', '0', 'NUL', 'TAB', 'NL', 'U', 'CTL'];
const FIXED_HASHES = Uint32Array.from(FIXED, fnv1a);
const HX = 8;
const ON_EVENT = 9;
const HEX_NUMBER = 10;
const NUMBER = 11;
const NUL = 12;
const TAB = 13;
const NL = 14;
const NON_ASCII = 15;
const CTL = 16;

/** Collapses a word the vocabulary does not know to its shape, so unfamiliar words look alike. */
function shapeOf(len: number, digits: number, hex: boolean): number {
  if (hex && digits > 0 && len >= 8) return HX;
  const bucket = len <= 1 ? 0 : len <= 3 ? 1 : len <= 7 ? 2 : 3;
  return (digits > 0 ? 4 : 0) + bucket;
}

function shapeOfRange(text: string, start: number, end: number): number {
  let digits = 0;
  let hex = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (!(c >= 97 && c <= 102)) hex = false;
  }
  return shapeOf(end - start, digits, hex);
}

// Keywords by their FNV-1a, so a word is recognized from the hash computed while scanning it, without
// slicing it out; the characters are compared too, so a hash collision cannot make a keyword.
const KEYWORDS_BY_HASH = new Map<number, string[]>();
for (const word of KEYWORDS) {
  const h = fnv1a(word);
  const list = KEYWORDS_BY_HASH.get(h);
  if (list === undefined) KEYWORDS_BY_HASH.set(h, [word]);
  else list.push(word);
}

function keywordAt(text: string, start: number, len: number, hash: number): string | null {
  const list = KEYWORDS_BY_HASH.get(hash);
  if (list === undefined) return null;
  for (const word of list) if (word.length === len && text.startsWith(word, start)) return word;
  return null;
}

interface FixedToken {
  token: string;
  hash: number;
  length: number;
}

// `%27` stays `%27` (as written, case included), `%u003c` → `%u`, `\x3c` → `\x`, `\u003c` → `\u`.
const HEX_DIGITS = '0123456789abcdefABCDEF';
const ESCAPES: FixedToken[] = [];
const PERCENT_ESCAPE = new Int16Array(128 * 128).fill(-1);
for (const a of HEX_DIGITS) {
  for (const b of HEX_DIGITS) {
    const token = `%${a}${b}`;
    PERCENT_ESCAPE[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = ESCAPES.length;
    ESCAPES.push({ token, hash: fnv1a(token), length: 3 });
  }
}
const PERCENT_U = ESCAPES.push({ token: '%u', hash: fnv1a('%u'), length: 6 }) - 1;
const BACKSLASH_X = ESCAPES.push({ token: '\\x', hash: fnv1a('\\x'), length: 4 }) - 1;
const BACKSLASH_U = ESCAPES.push({ token: '\\u', hash: fnv1a('\\u'), length: 6 }) - 1;

/** Index into ESCAPES of the escape starting at `i`, or -1. */
function escapeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 37 /* % */) {
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    if (isHex(c1) && isHex(c2)) return PERCENT_ESCAPE[c1 * 128 + c2];
    if (c1 === 117 /* u */ && isHex(c2) && isHex(text.charCodeAt(i + 5))) return PERCENT_U;
    return -1;
  }
  if (c === 92 /* \ */) {
    const next = text.charCodeAt(i + 1);
    if (next === 120 /* x */ && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3))) return BACKSLASH_X;
    if (next === 117 /* u */ && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 5))) return BACKSLASH_U;
  }
  return -1;
}

// Operators grouped by first character (longest first), so a punctuation char checks only its own.
const OPERATORS_BY_FIRST: (FixedToken[] | undefined)[] = new Array(128);
for (const op of OPERATORS) {
  const first = op.charCodeAt(0);
  (OPERATORS_BY_FIRST[first] ??= []).push({ token: op, hash: fnv1a(op), length: op.length });
}

function operatorAt(text: string, i: number): FixedToken | null {
  const candidates = OPERATORS_BY_FIRST[text.charCodeAt(i)];
  if (candidates === undefined) return null;
  for (const op of candidates) {
    if (text.startsWith(op.token, i)) return op;
  }
  return null;
}

// Any other printable ASCII character is a token of its own.
const CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
const CHAR_HASHES = Uint32Array.from(CHARS, fnv1a);

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 95 || (c >= 65 && c <= 90);
}

/**
 * Letters with diacritics continue a word (`oréal`, `straße`): split at `é`, `l'oréal` would read as
 * `l ' or …`, a SQL tautology, and French names would look like injections.
 */
function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
