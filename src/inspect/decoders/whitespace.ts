import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_NON_ASCII, TRIGGER_ODD_WHITESPACE } from './triggers.js';

// Compiled once: any run of whitespace that is not exactly one plain space.
const ODD_WHITESPACE_RUN = /(?:[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\s{2,})\s*/g;

/** `UNION\t\nSELECT` and `UNION    SELECT` read as `UNION SELECT` to SQL parsers and to signatures. */
export function collapseWhitespace(s: string, _context: DecodeContext): string {
  ODD_WHITESPACE_RUN.lastIndex = 0;
  if (!ODD_WHITESPACE_RUN.test(s)) return s;
  ODD_WHITESPACE_RUN.lastIndex = 0;
  return s.replace(ODD_WHITESPACE_RUN, ' ');
}

export const whitespaceDecoder: Decoder = {
  name: 'whitespace',
  triggers: TRIGGER_ODD_WHITESPACE | TRIGGER_NON_ASCII,
  decode: collapseWhitespace,
};
