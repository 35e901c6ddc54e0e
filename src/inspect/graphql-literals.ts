import type { TargetCollector } from './target-collector.js';
import type { TargetLocation } from './types.js';

/**
 * GraphQL documents carry their arguments inline as often as in `variables`: `{ user(id: "1' or 1=1--") }`.
 * Scored as one text the injection is a small part of a benign-looking document; each string literal
 * becomes a target of its own, named after its argument (`query.id`), the way a variable's value is.
 */

/** Most literals taken from one document: a 1 MiB query of tiny strings must not make 10⁵ targets. */
const MAX_LITERALS = 64;

const OPERATION = /^(?:\s|,|#[^\n\r]*[\n\r])*(?:\{|(?:query|mutation|subscription|fragment)\b)/;

/** Whether `text` starts like a GraphQL executable document (comments and whitespace allowed before). */
export function looksLikeGraphql(text: string): boolean {
  return OPERATION.test(text) && !LABEL_SELECTOR.test(text);
}

/**
 * A LogQL or PromQL stream selector (`{app="nginx"} |= "/etc/passwd"`, `{job=~"api.*"}`): a name compared
 * with `=`, `!=`, `=~` or `!~` right after the brace, which no GraphQL selection set can hold (GraphQL
 * writes `=` only for a variable's default). A log search's quoted terms are no GraphQL arguments.
 */
const LABEL_SELECTOR = /^(?:\s|,)*\{\s*[A-Za-z_][\w.]*\s*(?:=~?|!=|!~)\s*["'`]/;

/** Whether a field of this name holds a GraphQL document: `query` at the top, or in a batched request's element. */
export function isGraphqlField(path: string): boolean {
  return path === 'query' || path.endsWith('].query');
}

const isNameStart = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39);

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A `"…"` string's value from s[start] (just past the quote); returns [value, index after the closing quote] or null. */
function quotedString(s: string, start: number): [string, number] | null {
  let out = '';
  let from = start;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return [out + s.slice(from, i), i + 1];
    if (c === 0x0a || c === 0x0d) return null;
    if (c !== 0x5c) continue;
    out += s.slice(from, i);
    const e = s[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += ESCAPES[e] ?? e ?? '';
      i += 1;
    }
    from = i + 1;
  }
  return null;
}

/** A `"""…"""` block string's raw value from s[start] (just past the opening quotes); `\"""` is a literal `"""`. */
function blockString(s: string, start: number): [string, number] | null {
  let i = start;
  for (;;) {
    const end = s.indexOf('"""', i);
    if (end < 0) return null;
    if (s.charCodeAt(end - 1) !== 0x5c) return [s.slice(start, end).replaceAll('\\"""', '"""'), end + 3];
    i = end + 3;
  }
}

/**
 * The string literals of a GraphQL document as [argument or object-field name ('' when none), value],
 * in document order, at most MAX_LITERALS. A document the lexer cannot follow yields what it read so far.
 */
export function graphqlStringLiterals(s: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let lastName = '';
  let named = false; // the last tokens were `Name :`, so a string now is that argument's value
  let i = 0;
  while (i < s.length && out.length < MAX_LITERALS) {
    const c = s.charCodeAt(i);
    if (c === 0x23) {
      while (i < s.length && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x22) {
      const read = s.startsWith('"""', i) ? blockString(s, i + 3) : quotedString(s, i + 1);
      if (read === null) break;
      out.push([named ? lastName : '', read[0]]);
      i = read[1];
      // In a list (`ids: ["a", "b"]`) every element is the argument's value.
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
      lastName = s.slice(start, i);
      named = false;
      continue;
    }
    if (c === 0x3a) named = lastName !== '';
    else if (c === 0x29 || c === 0x7b || c === 0x7d) named = false; // `)`, `{`, `}` end an argument's value
    i++;
  }
  return out;
}

/** Adds each string literal of the GraphQL document in field `name` as a target `name.argument`. */
export function addGraphqlLiterals(collector: TargetCollector, location: TargetLocation, name: string, document: string): void {
  for (const [argument, value] of graphqlStringLiterals(document)) {
    if (value.length === 0) continue;
    collector.add(location, argument === '' ? name : `${name}.${argument}`, 'value', value);
  }
}
