/**
 * How much a prefilter literal says: a length, where punctuation rare in benign requests counts more
 * than letters, so a rule can be triggered by the backtick or `$(` its pcre needs rather than by
 * "id" or "sh", which nearly every request holds.
 */

/** Literals shorter than this are too common to be worth a prefilter entry, unless a single rare character. */
export const MIN_LITERAL = 2;

/**
 * Punctuation rare in benign requests, weighed as three letters: one of these alone is a usable
 * literal (a backtick, a caret, `$`, `|`: the necessary character of many shell and code-injection
 * pcres, which otherwise fall back to everyday words like "id" or "sh"). Control characters other
 * than tab, CR and LF are as rare in text (9001335's NUL in a JSON key, written `\x00` or `%00`: with
 * the raw NUL unusable its pcre ran on every request).
 */
const RARE_CHARS = `\`^~$|\\!${String.fromCharCode(...Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13), 127)}`;
/** Punctuation of structured bodies (JSON, markup, arrays): usable alone, weighed as two letters. */
const UNCOMMON_CHARS = '{}<>[]*';

/**
 * How selective a literal is: its length, rare punctuation counting three and uncommon two, and a
 * percent-escape as the character it encodes (`%20` and `%2f` are in every other query string, `%60` is as rare as a backtick).
 */
export function literalWeight(literal: string): number {
  let w = 0;
  for (let i = 0; i < literal.length; i++) {
    let c = literal[i];
    if (c === '%') {
      // A cut escape (`%2`, a shrunk set's part of `%20`) says no more than the escape would. A `%` that
      // ends the literal is the char itself (ERB's `<%`, a pcre's `(?:<|%3c)(?:%|%25)`): weighed as `<` alone, the
      // set lost its tie to a lone `<`, so 9001328 ran on 16 % of benign requests; shrinkLiterals never cuts
      // a part inside an escape, so such a `%` is not a cut one.
      if (i + 2 === literal.length && /[0-9a-f]/i.test(literal[i + 1])) break;
      if (HEX.test(literal.slice(i + 1, i + 3))) {
        c = String.fromCharCode(parseInt(literal.slice(i + 1, i + 3), 16));
        i += 2;
      }
    }
    w += RARE_CHARS.includes(c) ? 3 : UNCOMMON_CHARS.includes(c) ? 2 : 1;
  }
  return w;
}
const HEX = /^[0-9a-f]{2}$/i;

/** Long enough to be worth a prefilter entry: two characters, or one rare or uncommon punctuation character. */
export function usableLiteral(literal: string): boolean {
  return literal.length >= MIN_LITERAL || (literal.length === 1 && literalWeight(literal) >= MIN_LITERAL);
}
