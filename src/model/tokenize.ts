import { KEYWORDS, OPERATORS } from './vocabulary.js';

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
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordStart(c)) {
      // A hyphen between letters stays inside the word: web-inf, cgi-bin, http-equiv, x-forwarded-for.
      let j = i + 1;
      while (j < n && (isWordPart(text.charCodeAt(j)) || (text.charCodeAt(j) === 45 && isWordStart(text.charCodeAt(j + 1))))) j++;
      tokens.push(wordToken(text, i, j));
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      if (c === 48 && j < n && text.charCodeAt(j) === 120 /* x */ && j + 1 < n && isHex(text.charCodeAt(j + 1))) {
        j++;
        while (j < n && isHex(text.charCodeAt(j))) j++;
        tokens.push('0x');
        i = j;
        continue;
      }
      while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      // `1e1`, `5f3a...`: a number glued to letters is an identifier, not a number.
      if (j < n && isWordPart(text.charCodeAt(j))) {
        while (j < n && isWordPart(text.charCodeAt(j))) j++;
        tokens.push(shapeToken(text, i, j));
      } else {
        tokens.push('0');
      }
      i = j;
      continue;
    }
    if (c === 32 || c === 12 || c === 11 || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 10 || c === 13 || c === 9 || c === 0) {
      tokens.push(c === 0 ? 'NUL' : c === 9 ? 'TAB' : 'NL');
      i++;
      continue;
    }
    if (c >= 128) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 128) j++;
      tokens.push('U');
      i = j;
      continue;
    }
    if (c < 32 || c === 127) {
      tokens.push('CTL');
      i++;
      continue;
    }
    const escape = escapeToken(text, i);
    if (escape !== null) {
      tokens.push(escape.token);
      i += escape.length;
      continue;
    }
    const op = operatorAt(text, i);
    if (op !== null) {
      tokens.push(op);
      i += op.length;
      continue;
    }
    tokens.push(text[i]);
    i++;
  }
  return tokens;
}

function wordToken(text: string, start: number, end: number): string {
  const word = text.slice(start, end);
  if (KEYWORDS.has(word)) return word;
  // Any `on…` word may be an event handler; the next token (`=`) tells the model whether it is one.
  if (word.length > 4 && word.startsWith('on')) return 'on*';
  return shapeToken(text, start, end);
}

/** Collapses a word the vocabulary does not know to its shape, so unfamiliar words look alike. */
function shapeToken(text: string, start: number, end: number): string {
  const len = end - start;
  let digits = 0;
  let hex = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (!(c >= 97 && c <= 102)) hex = false;
  }
  if (hex && digits > 0 && len >= 8) return 'hx';
  const bucket = len <= 1 ? '1' : len <= 3 ? '3' : len <= 7 ? '7' : '8';
  return (digits > 0 ? 'a' : 'w') + bucket;
}

/** `%27` → `%27`, `%u003c` → `%u`, `\x3c` → `\x`, `\u003c` → `\u`, `\0` etc. keep the backslash meaning. */
function escapeToken(text: string, i: number): { token: string; length: number } | null {
  const c = text.charCodeAt(i);
  if (c === 37 /* % */) {
    if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) return { token: text.slice(i, i + 3), length: 3 };
    if (text.charCodeAt(i + 1) === 117 /* u */ && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 5))) {
      return { token: '%u', length: 6 };
    }
    return null;
  }
  if (c === 92 /* \ */) {
    const next = text.charCodeAt(i + 1);
    if (next === 120 /* x */ && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3))) return { token: '\\x', length: 4 };
    if (next === 117 /* u */ && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 5))) return { token: '\\u', length: 6 };
  }
  return null;
}

// Operators grouped by first character (longest first), so a punctuation char checks only its own.
const OPERATORS_BY_FIRST = new Map<number, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST.get(op.charCodeAt(0)) ?? [];
  list.push(op);
  OPERATORS_BY_FIRST.set(op.charCodeAt(0), list);
}

function operatorAt(text: string, i: number): string | null {
  const candidates = OPERATORS_BY_FIRST.get(text.charCodeAt(i));
  if (candidates === undefined) return null;
  for (const op of candidates) {
    if (text.startsWith(op, i)) return op;
  }
  return null;
}

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
