import type { DecodeContext, Decoder } from './decoder.js';
import {
  authSchemePrefixLength,
  TRIGGER_BASE64_SHAPE,
  TRIGGER_JWT_SHAPE,
  TRIGGER_NON_ASCII,
  TRIGGER_ODD_WHITESPACE,
  TRIGGER_SIGNED_SESSION_SHAPE,
} from './triggers.js';

// Compiled once: any run of whitespace that is not exactly one plain space.
const ODD_WHITESPACE_RUN = /(?:[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\s{2,})\s*/g;

/** `UNION\t\nSELECT` and `UNION    SELECT` read as `UNION SELECT` to SQL parsers and to signatures. */
export function collapseWhitespace(s: string, _context: DecodeContext): string {
  ODD_WHITESPACE_RUN.lastIndex = 0;
  if (!ODD_WHITESPACE_RUN.test(s)) return s;
  ODD_WHITESPACE_RUN.lastIndex = 0;
  return s.replace(ODD_WHITESPACE_RUN, ' ');
}

const SHAPES = TRIGGER_BASE64_SHAPE | TRIGGER_JWT_SHAPE | TRIGGER_SIGNED_SESSION_SHAPE;

/**
 * A collapsed form's trigger bits from its input's, without a second scan of a long text (a 4 KB
 * textarea with line breaks was scanned twice): each run became one space, so no odd whitespace is
 * left, the space ends any base64/JWT shape, and the other characters and their neighbours (`/*`,
 * `H4sI`) are the input's. Scanned when that does not hold: a non-ASCII input (it may have lost its
 * only non-ASCII characters, Unicode spaces) and a collapsed `Basic`/`Bearer` prefix (the shape is
 * judged after it).
 */
function collapsedTriggers(output: string, inputBits: number): number {
  if (inputBits & TRIGGER_NON_ASCII || authSchemePrefixLength(output) > 0) return -1;
  return inputBits & ~(TRIGGER_ODD_WHITESPACE | SHAPES);
}

export const whitespaceDecoder: Decoder = {
  name: 'whitespace',
  triggers: TRIGGER_ODD_WHITESPACE | TRIGGER_NON_ASCII,
  decode: collapseWhitespace,
  outputTriggers: collapsedTriggers,
};
