import { hexValue } from '../text/hex.js';
import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_AMPERSAND } from './triggers.js';

/**
 * Named references worth knowing for detection: markup and quoting characters, and the HTML5 names
 * XSS filters forget (`&colon;` in `javascript&colon;`, `&lpar;`, `&Tab;`, `&NewLine;`).
 */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['colon', ':'], ['semi', ';'], ['comma', ','], ['period', '.'], ['sol', '/'], ['bsol', '\\'],
  ['lpar', '('], ['rpar', ')'], ['lsqb', '['], ['rsqb', ']'], ['lbrack', '['], ['rbrack', ']'],
  ['lcub', '{'], ['rcub', '}'], ['lbrace', '{'], ['rbrace', '}'], ['equals', '='], ['excl', '!'],
  ['num', '#'], ['dollar', '$'], ['percnt', '%'], ['ast', '*'], ['plus', '+'], ['quest', '?'],
  ['commat', '@'], ['grave', '`'], ['Hat', '^'], ['lowbar', '_'], ['verbar', '|'], ['vert', '|'],
  ['Tab', '\t'], ['NewLine', '\n'], ['hyphen', '-'], ['dash', '-'],
]);
/** Legacy names browsers still decode without the semicolon. */
const LEGACY_NO_SEMICOLON = new Set(['lt', 'gt', 'amp', 'quot']);
const MAX_NAME = 8;
const MAX_DIGITS = 8;

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Decodes one reference at s[i] === '&'; returns [text, length] or null when it is not one. */
function referenceAt(s: string, i: number): [string, number] | null {
  let j = i + 1;
  if (s.charCodeAt(j) === 0x23) {
    // Numeric: browsers accept any number of leading zeros and a missing semicolon (`&#0000060`).
    j++;
    const hex = (s.charCodeAt(j) | 0x20) === 0x78;
    if (hex) j++;
    while (s.charCodeAt(j) === 0x30 && s.charCodeAt(j + 1) !== 0x3b && j + 1 < s.length) j++;
    let value = 0;
    let digits = 0;
    for (; j < s.length && digits <= MAX_DIGITS; j++, digits++) {
      const c = s.charCodeAt(j);
      const d = hex ? hexValue(c) : c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
      if (d < 0) break;
      value = value * (hex ? 16 : 10) + d;
    }
    if (digits === 0 || digits > MAX_DIGITS || value > 0x10ffff) return null;
    if (s.charCodeAt(j) === 0x3b) j++;
    return [String.fromCodePoint(value), j - i];
  }
  while (j < s.length && j - i - 1 < MAX_NAME && isAlnum(s.charCodeAt(j))) j++;
  const name = s.slice(i + 1, j);
  const text = NAMED.get(name) ?? NAMED.get(name.toLowerCase());
  if (text !== undefined && s.charCodeAt(j) === 0x3b) return [text, j + 1 - i];
  // Browsers match legacy names as a prefix: `&ltscript` is `<script`.
  const lower = name.toLowerCase();
  for (const legacy of LEGACY_NO_SEMICOLON) if (lower.startsWith(legacy)) return [NAMED.get(legacy)!, legacy.length + 1];
  return null;
}

export function decodeHtmlEntities(s: string, _context: DecodeContext): string {
  let out = '';
  let copied = 0;
  let i = s.indexOf('&');
  while (i >= 0) {
    const ref = referenceAt(s, i);
    if (ref !== null) {
      out += s.slice(copied, i) + ref[0];
      copied = i + ref[1];
      i = s.indexOf('&', copied);
    } else i = s.indexOf('&', i + 1);
  }
  if (copied === 0) return s;
  return out + s.slice(copied);
}

export const htmlEntitiesDecoder: Decoder = {
  name: 'html-entities',
  triggers: TRIGGER_AMPERSAND,
  decode: decodeHtmlEntities,
};
