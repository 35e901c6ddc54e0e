/**
 * A code search is a search (issue 14, session 25: blind benign set 8's Sourcegraph search
 * `Runtime.getRuntime().exec lang:java repo:acme/legacy-admin`, 0.89 in `q`). Code-search boxes (Sourcegraph,
 * GitHub, GitLab, OpenGrok, Hound) take identifiers and member chains to look for, narrowed by qualifiers
 * (`lang:java`, `repo:^github\.com/acme/`, `file:\.ts$`, `-path:vendor/`); the model reads a chain that names a
 * sink as code.
 *
 * `isCodeSearch(text)`: a whole value of whitespace-separated tokens, at least one a qualifier of a code-search
 * product (`lang:`, `repo:`, `file:`, `path:` …, optionally negated) with a plain value (letters, digits, `_ . / * ^ $ \ @ + -`,
 * no parenthesis), and at least one a term: a word, or a dotted member chain whose calls are empty (`getRuntime()`,
 * never `exec('id')`, `sleep(5)`). No quote, backtick, `;`, `|`, `&`, `<`, `>`, `=`, `#`, `{`, `$(` and no SQL or
 * boolean word as a term. In a search field (`field-intent.ts`) such a value is not scored unless a rule hit it.
 */

const QUALIFIERS = new Set([
  'lang', 'language', 'repo', 'repository', 'file', 'filename', 'path', 'extension', 'ext', 'org', 'owner', 'user', 'case', 'type', 'count',
  'context', 'select', 'patterntype', 'rev', 'revision', 'branch', 'archived', 'fork', 'visibility', 'content', 'symbol', 'in', 'is',
  'author', 'committer', 'before', 'after', 'message', 'timeout', 'r', 'f', 'l', 'b',
]);

const QUALIFIER = /^-?([a-z]+):([\w./*^$\\@+-]{1,120})$/i;
const TERM = /^[A-Za-z_][\w-]*(?:\(\))?(?:\.[A-Za-z_]\w*(?:\(\))?)*$/;
const CODE_WORDS = /^(?:select|union|from|where|or|and|not|sleep|benchmark|waitfor|delay|exec|execute|drop|insert|update|delete|having|null)$/i;

export function isCodeSearch(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 500 || /['"`;|&<>=#{}\n\r]|\$\(/.test(t)) return false;
  let qualifiers = 0;
  let terms = 0;
  for (const token of t.split(/\s+/)) {
    const q = QUALIFIER.exec(token);
    if (q !== null && QUALIFIERS.has(q[1].toLowerCase())) {
      qualifiers++;
      continue;
    }
    if (!TERM.test(token) || CODE_WORDS.test(token)) return false;
    terms++;
  }
  return qualifiers > 0 && terms > 0;
}
