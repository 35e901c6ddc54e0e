/**
 * Which of a target's forms the model scores: every form, except that a form still holding percent
 * escapes is skipped when the normalizer produced a form without any `%` at all (fully decoded). The decoded sibling says the same
 * thing in plain characters, while the escaped spelling of ordinary values (double-encoded i18n slugs,
 * URL-encoded passwords full of %27 %3B %26) looks like an encoded attack to the model. An attack that
 * survives every decode still holds escapes and is scored as is. Shared by the gate and the training set
 * so the model learns from exactly the forms it will be asked about.
 */
const ESCAPE = /%[0-9a-fA-F]{2}|%u[0-9a-fA-F]{4}/;

export function hasPercentEscape(text: string): boolean {
  return text.includes('%') && ESCAPE.test(text);
}

/**
 * A `%` followed by a hex digit, `u` before a hex digit or another `%`, or a non-ASCII char: a whole escape
 * or the remains of a nested or overlong one (`%2%f`, `%u2216`, `%u%32216`, `%Àn`). A `%u` before anything
 * else starts no escape in any decoder (`%u` takes four hex digits): a SQL LIKE pattern's `'%United%'` or
 * `'%user%'` (a query endpoint's `?sql=… like '%25United%25'`, blind benign set 6) is plain text, and its
 * percent-encoded raw spelling says nothing its decoded form does not. Nor does a `%` before a letter of a script
 * past Latin-1 (`'%검색어%'`, a Korean forum question's LIKE pattern, blind benign set 3: its raw spelling scored
 * 0.96): a byte decoded as one char is Latin-1 (`%À`), and a fullwidth form (U+FF00–FFEF) may fold to a hex digit;
 * nothing else continues an escape. Likewise a `%` before one hex digit and then anything but a hex digit, a `%`, the end
 * or a char that may fold to one (`'%Contoso%'`, a FetchXML `like` condition in a query, blind benign set 13, read: its
 * encoded raw spelling scored 0.99; `$(date +%F)` in a comment's shell snippet): two hex digits make an escape.
 */
const ESCAPE_REMAINS = /%(?:[0-9a-fA-F](?:[0-9a-fA-F%]|$|[\u0080-\u00ff\uff00-\uffef])|[uU](?:[0-9a-fA-F%]|$)|[\u0080-\u00ff\uff00-\uffef])/;

/**
 * True when one of the first `maxDecoded` decoded forms holds no escape, not even a broken one.
 * Stricter than "no valid escape": nested-encoding tricks (`%%32%%66`) decode to forms like `%2%f`
 * that hide the attack from every form but the raw one, so those targets keep all their forms; a
 * literal `%` that starts no escape (`50%`, a password ending in `%`) does not count.
 */
export function plainFormExists(raw: string, decoded: readonly string[], maxDecoded: number): boolean {
  if (!hasPercentEscape(raw)) return true;
  const n = Math.min(decoded.length, maxDecoded);
  for (let i = 0; i < n; i++) if (!ESCAPE_REMAINS.test(decoded[i])) return true;
  return false;
}

/** The forms of one target the model is asked about, in order (raw first). */
export function formsToScore(raw: string, decoded: readonly string[], maxDecoded: number): string[] {
  const plain = plainFormExists(raw, decoded, maxDecoded);
  const forms: string[] = [];
  const n = Math.min(decoded.length, maxDecoded);
  for (let f = 0; f <= n; f++) {
    const text = f === 0 ? raw : decoded[f - 1];
    if (text !== '' && !(plain && hasPercentEscape(text))) forms.push(text);
  }
  return forms;
}

/**
 * True when form `f` of a target (0 = raw, k = decoded[k-1]) has its best-fit fold (unicode-fold.ts) among
 * the first `maxDecoded` decoded forms. The folded sibling is then scored instead: it holds the same
 * syntax in the ASCII a folding back end would see (`’ or 1=1--` becomes `' or 1=1--`), while the
 * typographic spelling of prose (`“Liten” Bil`, `l’été`) is rare enough in training to look odd to the model.
 */
export function foldedSiblingScored(via: readonly string[] | undefined, f: number, maxDecoded: number): boolean {
  if (via === undefined) return false;
  const folded = f === 0 ? 'unicode-fold' : `${via[f - 1]}>unicode-fold`;
  const n = Math.min(via.length, maxDecoded);
  for (let k = f; k < n; k++) if (via[k] === folded) return true;
  return false;
}
