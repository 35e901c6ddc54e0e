/**
 * Decodes a Snort content literal: `"text|41 42|text"`. Hex between pipes (spaces ignored), escapes
 * `\\ \" \: \;` (and `\|`). Returns the bytes as a latin1 string.
 */
import { ruleBadOptionValue } from './errors.js';

export interface QuotedValue {
  /** Text between the quotes, escapes still in place. */
  body: string;
  negated: boolean;
  /** What follows the closing quote (Snort 3 `,depth 4,nocase`), without the leading comma. */
  rest: string;
}

/** Splits `[!]"..."[,sub,options]` into its parts. */
export function splitQuotedValue(keyword: string, value: string): QuotedValue {
  let text = value.trim();
  let negated = false;
  if (text.startsWith('!')) {
    negated = true;
    text = text.slice(1).trimStart();
  }
  if (!text.startsWith('"')) throw ruleBadOptionValue(keyword, 'value must be a quoted string');
  let end = -1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') {
      end = i;
      break;
    }
  }
  if (end < 0) throw ruleBadOptionValue(keyword, 'unterminated quoted string');
  let rest = text.slice(end + 1).trim();
  if (rest.startsWith(',')) rest = rest.slice(1).trim();
  else if (rest.length > 0) throw ruleBadOptionValue(keyword, `unexpected text after the closing quote: ${rest}`);
  return { body: text.slice(1, end), negated, rest };
}

export function decodeContentLiteral(keyword: string, body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw ruleBadOptionValue(keyword, 'dangling backslash');
      // Snort only defines \\ \" \: \; (and | as a literal pipe); anything else is kept as the two bytes,
      // which is what the rule writer most plausibly meant.
      if (next === '\\' || next === '"' || next === ':' || next === ';' || next === '|') out += next;
      else out += c + next;
      i += 2;
      continue;
    }
    if (c === '|') {
      const close = body.indexOf('|', i + 1);
      if (close < 0) throw ruleBadOptionValue(keyword, 'unterminated |hex| block');
      const hex = body.slice(i + 1, close).replace(/\s+/g, '');
      if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
        throw ruleBadOptionValue(keyword, `invalid hex block |${body.slice(i + 1, close)}|`);
      }
      for (let h = 0; h < hex.length; h += 2) out += String.fromCharCode(parseInt(hex.slice(h, h + 2), 16));
      i = close + 1;
      continue;
    }
    const code = c.charCodeAt(0);
    // Rule files are read as latin1, so every char is one byte already.
    if (code > 0xff) throw ruleBadOptionValue(keyword, 'non-latin1 character');
    out += c;
    i++;
  }
  if (out.length === 0) throw ruleBadOptionValue(keyword, 'empty content');
  return out;
}
