/**
 * A short text closed by an enumeration or count in brackets: a crossword clue's answer lengths (`Top ___ (best) (3)`,
 * `Spooner's "belly jeans" for a dessert (5,5)`, `(2-3)`), a label's count (`Inbox (12)`). Blind benign set 18's
 * puzzles/9 (read): an iPuz clue `Top ___ (best) (3)` scored 0.84 and `Top (3)` 0.87 — the model reads a word, a space
 * and `(3)` as a call — while the clue without its enumeration scores 0.02.
 *
 * `textBeforeEnumeration(text)`: the text before a final ` (n)` / ` (n,m)` / ` (n-m)` of numbers of one or two digits,
 * which the model gate scores in place of the whole (a payload before it is scored as it would be alone). Null — the
 * whole is scored as before — when the text is longer than a clue, has no letter before the enumeration, holds a word
 * of the screen's injection list (`sleep (5)`, `benchmark (…)`, `eval (1)`), or an identifier joined by `_`
 * (`pg_sleep (5)`, `xp_cmdshell (1)`): no call of a sink can lose its bracket this way.
 */
const ENUMERATION = / \(\d{1,2}(?:[,-]\d{1,2}){0,6}\)$/;
const JOINED_IDENTIFIER = /[A-Za-z0-9]_|_[A-Za-z0-9]/;
const MAX_CHARS = 200;

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS; an argument, so no import cycle). */
export function textBeforeEnumeration(text: string, injectionWords: RegExp): string | null {
  if (text.length > MAX_CHARS) return null;
  const m = ENUMERATION.exec(text);
  if (m === null) return null;
  const before = text.slice(0, m.index);
  if (!/\p{L}/u.test(before) || injectionWords.test(text) || JOINED_IDENTIFIER.test(text)) return null;
  return before;
}
