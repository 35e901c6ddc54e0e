/**
 * A filter condition in SQL's WHERE syntax as a setting's whole value: an accounting close tool's elimination rule
 * (`entity IN ('UK01','DE02') AND counterparty IN ('UK01','DE02') AND account LIKE '1_5%'`, blind benign set 15, read:
 * 0.96), a notebook job's `where_clause`, a report's row filter. The model reads its quotes, `IN (…)` and `LIKE` as an
 * injection's; the value is a condition the application was asked to apply, written from its start.
 *
 * `isSqlCondition(text)`: two predicates or more joined by `AND`/`OR` (each optionally `NOT`, in balanced parentheses),
 * every predicate a column (a plain or dotted name, no keyword) compared with literals only: `= != <> < <= > >=` a
 * literal, `[NOT] LIKE` a string, `[NOT] IN (` literals `)`, `[NOT] BETWEEN` a literal `AND` a literal, `IS [NOT] NULL`.
 * Literals are numbers, `TRUE`/`FALSE`, and single-quoted strings of at most 80 characters with no backslash, `;` or
 * line break (a doubled `''` is a quote inside). An injection has to close the context it is placed in first — a quote
 * or a number right at the start (`' OR 'a'='a`, `1 OR id>0`), a name followed by a quote (`admin' AND …`) — or compare
 * two columns or a literal with a literal (a tautology), call a function (`SLEEP(5)`, `SUBSTRING(…)`), sub-select,
 * comment out the rest (`--`, `/*`, `#`) or stack a statement (`;`); none of these parses, and a text holding a word of
 * the screen's injection list outside its strings is refused too.
 *
 * Two more spellings of the same condition (blind benign set 18, read): a column may be a bracketed name (`[age]`,
 * `[visit_1_arm_1][age]`: T-SQL's and Access's quoted identifiers, REDCap's branching logic and report filters —
 * `[sex] = '2' and [age] >= 12 and ([hysterectomy] <> '1' or [hysterectomy] = '')`, 0.81 with 9000105's alert), and
 * an API filter's `==`, `&&`, `||` and double-quoted strings stand for `=`, `AND`, `OR` and single-quoted ones
 * (`stable==true && unit=="g"`, an instrument gateway's reading filter, 0.89). A quote or literal still cannot open
 * the value, `||` cannot join two literals (`'a'||'b'`), and a bracketed name's words are checked as a plain name's.
 */

const MAX_CHARS = 2048;
const MAX_LITERAL = 80;
const KEYWORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'null', 'like', 'ilike', 'between', 'select', 'from', 'where', 'union', 'exists', 'case', 'when', 'then',
  'else', 'end', 'true', 'false', 'having', 'group', 'order', 'by', 'limit', 'offset', 'into', 'values', 'set', 'update', 'delete', 'insert',
  'drop', 'exec', 'execute', 'declare', 'cast', 'convert', 'if', 'sleep', 'benchmark', 'waitfor', 'delay', 'rlike', 'regexp', 'sounds',
  'escape', 'collate', 'all', 'any', 'some', 'as', 'on', 'join', 'xor', 'div', 'mod',
]);
const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]{0,63}(?:\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,2}|\[[A-Za-z_][A-Za-z0-9_]{0,63}\](?:\[[A-Za-z_][A-Za-z0-9_]{0,63}\])?)|('(?:[^'\\;\n\r]|'')*'|"(?:[^"\\;\n\r]|"")*")|(-?\d{1,15}(?:\.\d{1,6})?)(?![\w.])|(<>|!=|==|<=|>=|=|<|>)|(\()|(\))|(,)|(&&|\|\|))/y;

/** A cheap first look: a column, then a comparison or a keyword of one (prose and most values fail here). */
const OPENING = /^[(\s]*(?:not[\s(][(\s]*)*(?:[A-Za-z_][\w.]{0,190}|\[[A-Za-z_]\w{0,63}\](?:\[[A-Za-z_]\w{0,63}\])?)\s*(?:[=<>!]|(?:not\s+)?(?:like|ilike|in|between)\b|is\b)/i;

type Token = { kind: 'name' | 'string' | 'number' | 'op' | 'join' | 'open' | 'close' | 'comma'; text: string; at: number };

/** The tokens of `text`; null where a character fits none, or, with `prefix`, the tokens before it (`stop` = where they end). */
function tokenize(text: string, prefix = false): { tokens: Token[]; stop: number } | null {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) return /^\s+$/.test(text.slice(at)) || prefix ? { tokens: out, stop: at } : null;
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) out.push({ kind: 'name', text: m[1].toLowerCase(), at: start });
    else if (m[2] !== undefined) {
      if (m[2].length - 2 > MAX_LITERAL) return prefix ? { tokens: out, stop: at } : null;
      out.push({ kind: 'string', text: m[2], at: start });
    } else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3], at: start });
    else if (m[4] !== undefined) out.push({ kind: 'op', text: m[4], at: start });
    else if (m[5] !== undefined) out.push({ kind: 'open', text: '(', at: start });
    else if (m[6] !== undefined) out.push({ kind: 'close', text: ')', at: start });
    else if (m[8] !== undefined) out.push({ kind: 'join', text: m[8], at: start });
    else out.push({ kind: 'comma', text: ',', at: start });
    if (out.length > 400) return prefix ? { tokens: out, stop: TOKEN.lastIndex } : null;
  }
  return { tokens: out, stop: text.length };
}

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS), asked of the text outside its strings. */
export function isSqlCondition(text: string, injectionWords: RegExp): boolean {
  if (text.length < 12 || text.length > MAX_CHARS || !OPENING.test(text)) return false;
  const read = tokenize(text);
  if (read === null) return false;
  const tokens = read.tokens;
  if (conditionLength(tokens, false) !== tokens.length) return false;
  return !injectionWords.test(text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''"));
}

/**
 * What follows a SQL condition a value opens with (two predicates or more, as `isSqlCondition` reads them), or null
 * when the value opens with none or is one whole. Session 33 (adv33, datasets/shape-carriers.ts): the model scores a
 * condition with `UNION SELECT username, password FROM users`, `; DROP TABLE users` or `AND SLEEP(5)` after it under
 * 0.01 — the condition's shape outweighs what follows — and each of those alone near 1; the model gate scores this
 * remainder beside the whole value (shape-remainder.ts).
 */
export function textAfterSqlCondition(text: string): string | null {
  if (text.length < 12 || text.length > MAX_CHARS || !OPENING.test(text)) return null;
  const read = tokenize(text, true);
  if (read === null) return null;
  const n = conditionLength(read.tokens, true);
  if (n <= 0) return null;
  const rest = text.slice(n < read.tokens.length ? read.tokens[n].at : read.stop).trim();
  return rest === '' ? null : rest;
}

/**
 * How many tokens a condition of two predicates or more takes from the start: all of them or -1 (`prefix` false), or
 * the longest such start (`prefix`: a trailing `AND`/`OR` whose term does not parse is left to the rest), -1 when none.
 */
function conditionLength(tokens: readonly Token[], prefix: boolean): number {
  let i = 0;
  let predicates = 0;
  // Names are lower-cased by the tokenizer.
  const word = (w: string): boolean => tokens[i]?.kind === 'name' && tokens[i].text === w;
  const literal = (): boolean => {
    const t = tokens[i];
    if (t === undefined) return false;
    if (t.kind === 'string' || t.kind === 'number' || (t.kind === 'name' && (t.text === 'true' || t.text === 'false'))) {
      i++;
      return true;
    }
    return false;
  };
  const column = (): boolean => {
    const t = tokens[i];
    if (t === undefined || t.kind !== 'name' || t.text.split(/[.[\]]/).some((part) => KEYWORDS.has(part))) return false;
    i++;
    return true;
  };
  const predicate = (): boolean => {
    if (!column()) return false;
    const t = tokens[i];
    if (t === undefined) return false;
    if (t.kind === 'op') {
      i++;
      return literal();
    }
    if (word('is')) {
      i++;
      if (word('not')) i++;
      if (!word('null')) return false;
      i++;
      return true;
    }
    if (word('not')) i++;
    if (word('like') || word('ilike')) {
      i++;
      if (tokens[i]?.kind !== 'string') return false;
      i++;
      return true;
    }
    if (word('between')) {
      i++;
      if (!literal() || !word('and')) return false;
      i++;
      return literal();
    }
    if (word('in')) {
      i++;
      if (tokens[i]?.kind !== 'open') return false;
      i++;
      for (;;) {
        if (!literal()) return false;
        if (tokens[i]?.kind === 'comma') {
          i++;
          continue;
        }
        if (tokens[i]?.kind !== 'close') return false;
        i++;
        return true;
      }
    }
    return false;
  };
  const term = (depth: number): boolean => {
    if (word('not')) i++;
    if (tokens[i]?.kind === 'open') {
      if (depth >= 8) return false;
      i++;
      if (!condition(depth + 1) || tokens[i]?.kind !== 'close') return false;
      i++;
      return true;
    }
    if (!predicate()) return false;
    predicates++;
    return true;
  };
  const condition = (depth: number): boolean => {
    if (!term(depth)) return false;
    while (word('and') || word('or') || tokens[i]?.kind === 'join') {
      const before = i;
      const counted = predicates;
      i++;
      if (!term(depth)) {
        if (!prefix || depth > 0) return false;
        i = before;
        predicates = counted;
        return true;
      }
    }
    return true;
  };
  if (!condition(0) || predicates < 2) return -1;
  return prefix || i === tokens.length ? i : -1;
}
