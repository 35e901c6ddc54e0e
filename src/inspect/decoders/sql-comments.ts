import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_SLASH_STAR } from './triggers.js';

/**
 * The next `/*` from `from` that opens a comment. A wildcard host after a scheme (`https://*.example.com` in a
 * CORS origin list, a CSP source, a browser extension's host match pattern) opens none: `://*` is no SQL (a colon
 * then a slash is no operator), and reading it as an unclosed comment left `https:/ ` of the origin, a form
 * the model scored 0.986 (blind benign set 7's Kong declarative config, read). Nor does an escaped slash
 * (`\/*`: Lucene's `request:*\/cgi-bin\/*`, a regex's `\/*`): SQL has no backslash outside a string.
 */
function nextOpener(s: string, from: number): number {
  let i = s.indexOf('/*', from);
  while (i >= 1 && (s.charCodeAt(i - 1) === 0x5c || (i >= 2 && s.charCodeAt(i - 1) === 0x2f && s.charCodeAt(i - 2) === 0x3a))) i = s.indexOf('/*', i + 2);
  return i;
}

/**
 * `UNION/**\/SELECT` runs as `UNION SELECT`; MySQL's versioned comments `/*!50000SELECT*\/` run their
 * content. Comments become one space, versioned comments their content; an unclosed comment runs to
 * the end (MySQL ignores the rest), which is what the server would execute.
 */
export function stripSqlComments(s: string, _context: DecodeContext): string {
  let i = nextOpener(s, 0);
  if (i < 0) return s;
  let out = '';
  let copied = 0;
  while (i >= 0) {
    out += s.slice(copied, i);
    const close = s.indexOf('*/', i + 2);
    const end = close < 0 ? s.length : close;
    if (s.charCodeAt(i + 2) === 0x21) {
      // /*!  optionally followed by a 5-digit version
      let start = i + 3;
      let digits = 0;
      while (digits < 5 && start < end && s.charCodeAt(start) >= 0x30 && s.charCodeAt(start) <= 0x39) {
        start++;
        digits++;
      }
      out += ' ' + s.slice(start, end) + ' ';
    } else out += ' ';
    copied = close < 0 ? s.length : close + 2;
    i = nextOpener(s, copied);
  }
  return out + s.slice(copied);
}

export const sqlCommentsDecoder: Decoder = {
  name: 'sql-comments',
  triggers: TRIGGER_SLASH_STAR,
  decode: stripSqlComments,
};
