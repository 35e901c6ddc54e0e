import { hexValue } from '../text/hex.js';
import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_BACKSLASH } from './triggers.js';

const SIMPLE: Record<string, string> = {
  n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', "'": "'", '"': '"', '\\': '\\', '/': '/', '`': '`',
};

function hexRun(s: string, start: number, length: number): number {
  if (start + length > s.length) return -1;
  let v = 0;
  for (let k = 0; k < length; k++) {
    const h = hexValue(s.charCodeAt(start + k));
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/**
 * Regular-expression syntax no escaped string needs: a class escape under a quantifier or in a set (`\w+`,
 * `\s*`, `\d{3}`, `[\w.-]`, `[^\s]`) or a backreference (`\1` not followed by a digit). In a value that holds
 * one, `\b` is a word boundary (`\b(\w+)\s+\1\b`, a forum's duplicated-word regex), not a backspace: decoded,
 * it spelled a control character only an obfuscated payload has (model 0.90 in the tech-discussion
 * family, 0.67 as written). A Windows path's `\windows\system32` is no class escape under a quantifier.
 */
const REGEX_SYNTAX = /\\[dswDSW](?:[+*?{]|\])|\[\^?\\[dswDSW]|\\[1-9](?!\d)/;

/**
 * A backslash before a letter no escape uses (`\g`, `\c`, `\e`, `\s`, any capital) makes the backslashes of that value
 * separators: a game master server's filter `\gamedir\cstrike\full\1\region\3`, a registry key, `CORP\greta`. There
 * `\f`, `\n`, `\r`, `\t` and `\v` begin the next word (`\full`, `\region`); decoded, they spelled control characters
 * only an obfuscated payload has (blind benign 9's filter, model 0.99; 0 without them). `\b` still decodes, as below;
 * `\x`, `\u` and octal escapes spell characters whatever the separators. A value that names a file after a backslash
 * (`C:\xampp\tomcat\conf\tomcat-users.xml`, `\nginx-1.7.4\conf\nginx.conf`) keeps every escape: the shared corpora's
 * file-read probes are caught on that decoded form (3 of them, model 0.9997–0.9999, 0 as written).
 */
const SEPARATOR_BACKSLASH = /\\[ac-eg-mo-qswyzA-Z]/;
const BACKSLASHED_FILE_NAME = /\\[^\\]*\.[A-Za-z0-9]{1,5}(?:$|[^A-Za-z0-9])/;
const CONTROL_LETTERS = new Set(['f', 'n', 'r', 't', 'v']);

/** Decodes one escape at s[i] === '\\'; returns [text, length] or null (truncated or unknown: left as-is). */
function escapeAt(s: string, i: number, regex: boolean, separators: boolean, oneDigitOctal: boolean): [string, number] | null {
  const kind = s[i + 1];
  if (kind === undefined) return null;
  if (kind === 'x') {
    const v = hexRun(s, i + 2, 2);
    return v < 0 ? null : [String.fromCharCode(v), 4];
  }
  if (kind === 'u') {
    if (s.charCodeAt(i + 2) === 0x7b) {
      // Look for the brace within 7 chars only: an unbounded indexOf per `\u{` would be quadratic.
      let close = i + 3;
      while (close < s.length && close < i + 10 && s.charCodeAt(close) !== 0x7d) close++;
      if (s.charCodeAt(close) !== 0x7d || close - (i + 3) < 1 || close - (i + 3) > 6) return null;
      const v = hexRun(s, i + 3, close - (i + 3));
      return v < 0 || v > 0x10ffff ? null : [String.fromCodePoint(v), close + 1 - i];
    }
    const v = hexRun(s, i + 2, 4);
    return v < 0 ? null : [String.fromCharCode(v), 6];
  }
  const c1 = s.charCodeAt(i + 1);
  if (isOctal(c1) && (c1 !== 0x30 || isOctal(s.charCodeAt(i + 2)))) {
    // Legacy octal (`\74` is '<'), at most three digits and 0o377, as JS and PHP read it.
    let j = i + 1;
    let v = 0;
    while (j < i + 4 && isOctal(s.charCodeAt(j)) && v * 8 + (s.charCodeAt(j) - 0x30) <= 0o377) {
      v = v * 8 + (s.charCodeAt(j) - 0x30);
      j++;
    }
    // One digit below 8 (`\1` … `\7`) is a regular expression's backreference far more often than an
    // octal escape, and as one it spells a control character no attack needs: left as written.
    if (j - i === 2 && !oneDigitOctal) return null;
    return [String.fromCharCode(v), j - i];
  }
  if (kind === 'b' && regex) return null;
  if (separators && CONTROL_LETTERS.has(kind)) return null;
  const simple = SIMPLE[kind];
  // Unknown escapes (`\w` in `C:\windows`) stay as they are, so Windows paths do not grow spurious forms.
  return simple === undefined ? null : [simple, 2];
}

function decodeEscapes(s: string, first: number, regex: boolean, separators: boolean, oneDigitOctal: boolean): string {
  let out = '';
  let copied = 0;
  let i = first;
  while (i >= 0) {
    const esc = escapeAt(s, i, regex, separators, oneDigitOctal);
    if (esc !== null) {
      out += s.slice(copied, i) + esc[0];
      copied = i + esc[1];
      i = s.indexOf('\\', copied);
    } else i = s.indexOf('\\', i + 1);
  }
  if (copied === 0) return s;
  return out + s.slice(copied);
}

/** JavaScript/JSON/C string escapes: `\uXXXX`, `\u{...}`, `\xXX`, octal, `\n` and friends. */
export function decodeJsEscapes(s: string, _context: DecodeContext): string {
  const i = s.indexOf('\\');
  const regex = i >= 0 && s.includes('\\b') && REGEX_SYNTAX.test(s);
  const separators = i >= 0 && SEPARATOR_BACKSLASH.test(s) && !BACKSLASHED_FILE_NAME.test(s);
  return decodeEscapes(s, i, regex, separators, false);
}

/**
 * Every escape decoded, the way this decoder read values before it learnt to leave some as written for
 * benign values' sake (sessions 20–26): a one-digit octal `\1`, `\b` beside regex syntax, and `\f \n \r
 * \t \v` among separator backslashes all become the characters they name. The gate never sends this
 * spelling to the model; the training corpus adds it to attacks only (`--attack-forms held-back`,
 * datasets/training-set.ts), so the attack shapes those forms taught payload-v1.4 are not lost with them.
 */
export function decodeEveryJsEscape(s: string): string {
  return decodeEscapes(s, s.indexOf('\\'), false, false, true);
}

export const jsEscapesDecoder: Decoder = {
  name: 'js-escapes',
  triggers: TRIGGER_BACKSLASH,
  decode: decodeJsEscapes,
};
