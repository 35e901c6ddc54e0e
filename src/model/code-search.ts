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

/**
 * A relative module path as a code search's whole term (`../../shared/utils`, `./components/Button.tsx`: the lead's hard
 * benign values, session 37: 0.93 in `q` once rule 9000429 rev 2 let a search box's `q` through): the import specifier a
 * developer pastes to find who imports a module. Dot and dot-dot steps, then one to six segments of identifier
 * characters, the last with no extension or a source file's; no dot-file segment, no system directory a traversal is
 * aimed at (`etc`, `proc`, `windows`, `boot`, `root`, `var`, `usr`, `home`, `dev`, `sys`, `tmp`, `inetpub`,
 * `WEB-INF`), no encoding, NUL, query or scheme. `../../etc/passwd`, `../../../../windows/win.ini`, `../../.env` and
 * `../../config/database.yml` stay scored.
 */
const RELATIVE_IMPORT = /^(?:\.\.?\/){1,8}(?:[A-Za-z_@$][\w@$-]{0,63}\/){0,5}[A-Za-z_$][\w$-]{0,63}(?:\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|kt|swift|c|h|cc|cpp|hpp|cs|vue|svelte|css|scss|less|php))?$/;
const TRAVERSAL_TARGET = /(?:^|\/)(?:etc|proc|windows|winnt|boot|root|var|usr|home|dev|sys|tmp|inetpub|web-inf|meta-inf|system32)(?:\/|$)/i;

export function isRelativeImportPath(text: string): boolean {
  return text.length <= 300 && RELATIVE_IMPORT.test(text) && !TRAVERSAL_TARGET.test(text);
}
