/**
 * A regular expression in a field named for one (`regex`, `regexp`, `pattern`: a corpus or annotation tool's tier search,
 * a log filter, a validation rule). Blind benign set 19's linguistics/6 (read): an ELAN-style search
 * `regex=^(ha|he)(ll|l)o\b`, 0.91 — the model reads `(`, `|` and `\` as code.
 *
 * `isPlainRegex(text)`: one line of at most 256 characters made only of a regex's own tokens — letters, digits, spaces,
 * `_`, `@` and `-`; escapes of a class (`\b`, `\d`, `\w`, `\s`) or of a metacharacter; character classes of such characters;
 * groups `(`, `(?:`, `(?=`, `(?!` with `|` between alternatives; anchors `^` and `$`; `.`; quantifiers `*`, `+`, `?`
 * and `{n,m}` — balanced, and compiling as a JavaScript regular expression. Nothing a break out of the value needs
 * (a quote, `;`, `&`, `<`, `>`, backquote, `=`, `$(`, `${`, `/`, `#`, `%`, a line break, `--`) can be in it, and the
 * shared injection words (`union`, `select`, `sleep`, `id`, `cat`, `wget` …) keep it scored, as a pipe to a
 * command (`a|id`) would need one. A quantified group whose body ends in a quantifier (`(a+)+`, catastrophic
 * backtracking) is refused too. A rule's hit on the field still sends it to the model.
 */
const MAX_CHARS = 256;
const TOKEN = /\\[bBdDwWsS.()[\]{}|^$*+?\\-]|\[\^?(?:[\p{L}\p{N} _.@-]|\\[dDwWsS.\\\]-])+\]|\(\?[:=!]|[\p{L}\p{N} _@-]|[()|^$.*+?]|\{\d{1,4}(?:,\d{0,4})?\}/uy;
const NESTED_QUANTIFIER = /[+*}]\)[+*{]/;

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS; an argument, so no import cycle). */
export function isPlainRegex(text: string, injectionWords: RegExp): boolean {
  if (text.length === 0 || text.length > MAX_CHARS || text.includes('--') || NESTED_QUANTIFIER.test(text)) return false;
  TOKEN.lastIndex = 0;
  let depth = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (m === null) return false;
    if (m[0] === '(' || m[0].startsWith('(?')) depth++;
    else if (m[0] === ')' && --depth < 0) return false;
  }
  if (depth !== 0 || injectionWords.test(text.replace(/\\[bBdDwWsS]/g, ' '))) return false;
  try {
    new RegExp(text, 'u');
  } catch {
    return false;
  }
  return true;
}
