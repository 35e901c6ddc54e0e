/**
 * A pcre's loosened form: each wide counted repetition `{m,n}` (a distance bound such as
 * `[^&\r\n]{0,80}`) written without its upper bound, `{m,}`. Making one part's language larger makes
 * the whole pattern's larger (concatenation, alternation and repetition are monotone; RE2 has no
 * backreferences or lookarounds), so text the loosened form does not match, the pcre does not match
 * either: the native run tries the loosened form first and runs the pcre only where it matched
 * (safe-regex.ts).
 *
 * Why: RE2 runs a pattern as a DFA built lazily from the text, state by state, and a state is the set
 * of positions the pattern may be at. Three counts in a row (9001357's `{0,80}?`, `{0,30}`, `{0,100}`)
 * make a new set at nearly every byte of ordinary text, so RE2 spends its time building states, fills
 * its cache and starts over: ~480 µs a run on the benign requests whose `|` triggered the rule (1.7 KB
 * of cookies took 5.9 ms), against ~3 µs for the loosened form, whose states are few and stay cached
 * (issue 14).
 */

/** A count up to this is left as written: a narrow bound adds few states (`{1,3}`, `\d{2,3}`). */
const NARROW_REPEAT_MAX = 15;
/** A lower bound over this is a count RE2 still has to make states for: nothing gained by loosening the upper one. */
const LOOSENED_MIN_MAX = 3;

/**
 * The pattern with each `{m,n}` (n over NARROW_REPEAT_MAX, m at most LOOSENED_MIN_MAX) outside a
 * character class written `{m,}`; null when it has none. The pattern is read in JavaScript syntax,
 * as node-re2 reads it: an escaped char and a class's contents are never a count.
 */
export function loosenedPattern(source: string): string | null {
  let out = '';
  let changed = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // `[]…]` and `[^]…]`: a `]` first in a class is one of its chars in PCRE.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+),(\d+)\}/.exec(source.slice(i, i + 24));
      if (m !== null && Number(m[2]) > NARROW_REPEAT_MAX && Number(m[1]) <= LOOSENED_MIN_MAX && Number(m[1]) <= Number(m[2])) {
        out += `{${m[1]},}`;
        i += m[0].length - 1;
        changed = true;
        continue;
      }
    }
    out += c;
  }
  return changed ? out : null;
}
