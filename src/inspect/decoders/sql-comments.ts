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
  while (i >= 1 && (s.charCodeAt(i - 1) === 0x5c || (i >= 2 && s.charCodeAt(i - 1) === 0x2f && s.charCodeAt(i - 2) === 0x3a) || isUnclosedPathGlob(s, i))) i = s.indexOf('/*', i + 2);
  return i;
}

/** A path segment before the glob: a slash that closes no comment (`UNION/**\/SELECT/*` is SQL), then 1-64 of letters, digits, `_`, `.`, `-`. */
const SEGMENT_BEFORE = /(?:^|[^*])\/[\w.-]{1,64}$/;
/** What follows a path glob's star: an optional extension, then the end of the path. */
const GLOB_AFTER = /^(?:\.\w{1,12})?(?:[\s;,{}()"'\]]|$)/;

/**
 * A file glob in a path (`/var/log/shop/*.log {` of a logrotate file, nginx's `include /etc/nginx/conf.d/*.conf;`, a
 * `/srv/backups/*` to rotate) that no `*\/` closes: read as an unclosed comment it took the rest of the value away, and
 * `/var/log/shop ` was left, a bare path the model scored 0.91-0.98 (issue 14's `config-editor` family: 95 of seed 7's
 * 348 blocked). A closed comment is a comment wherever it stands (`UNION/*.x*\/SELECT` still reads as `UNION SELECT`);
 * an unclosed one only hides what follows it, which the raw value, scored as sent, still holds.
 */
function isUnclosedPathGlob(s: string, i: number): boolean {
  return SEGMENT_BEFORE.test(s.slice(Math.max(0, i - 66), i)) && GLOB_AFTER.test(s.slice(i + 2, i + 16)) && s.indexOf('*/', i + 2) < 0;
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
