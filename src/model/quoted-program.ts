/**
 * A program quoted whole is not an injection (issue 14, session 21: the `tech-discussion` family's Java,
 * JavaScript and Python snippets in gists, pastes, snippet APIs and chat code blocks).
 *
 * `try (InputStream in = getClass().getClassLoader().getResourceAsStream("app.properties")) { … }` is how
 * every Java developer reads a resource; the model learnt `getClass().getClassLoader()` from JVM
 * reflection attacks and scores the paste 0.85–0.98. What tells a pasted program from an injected
 * payload is not a word but its shape and what it calls:
 * - A payload is a value the application puts into something it builds (a SQL or shell string, a
 *   template, an expression, a page): it breaks out of that context or lands in an evaluator. A program
 *   pasted into a body field is several lines, at least two of them ending as statements end (`;`, a
 *   bracket, `):`; a comma or colon alone ends lines of prose too), brackets balanced, every string
 *   literal closed on its line.
 * - Put into a quoted SQL or shell string, what such a text can run is the content of its own literals
 *   (its first quote closes the application's). So every literal here holds words, a file name, a path
 *   or a version — no quote of the other kind, no `;`, `|`, `&`, `$`, backtick, backslash, `#`, `--`, `<`,
 *   `>`, and no SQL word.
 * - Outside its literals it holds no template or expression opener (`${`, `#{`, `%{`, `{{`, `<%`, `<?`),
 *   no markup, no PHP superglobal, no traversal or system path, no scheme an exploit fetches through, no
 *   backtick and no `$(`, and calls none of the sinks an exploit needs: process execution, reflection
 *   beyond the class loader's resources (`forName`, `newInstance`, `invoke`, `defineClass`), script
 *   engines and expression evaluators, JNDI, deserialization, dynamic code (`eval`, `Function`,
 *   `assert`, `create_function`, `compile`), Python's and JavaScript's object-graph escapes
 *   (`__class__`, `__subclasses__`, `constructor`, `prototype`, `process`), file writes and sockets, SQL's
 *   statement words, time functions, and the shell's commands.
 * - No line is a shell command with its arguments (`cat /etc/passwd;`, `ls -la /`): `;` ends shell lines too, and
 *   a payload of commands one a line, each ended like a statement, is not a program (isShellCommandLine).
 * The gate asks this only of a body value (a program is posted, not navigated to), and a blocking
 * rule's hit on the field still decides. One line is never a program here: a one-line payload is what
 * an injection looks like, and the model keeps judging it.
 */
import { hasTautology } from './sql-tautology.js';
import { namesNeverMentionedFile } from './path-mention.js';

/** What never stands outside a quoted program's literals (module comment): openers, markup, paths, schemes. */
const OUTSIDE_MARKERS =
  /\$\{|#\{|%\{|\{\{|\}\}|<%|%>|<\?|\?>|<!|\$_|\$\(|`|\.\.[/\\]|--|\/\*!|(?:^|[^\w])<[a-z!?/%]|\b(?:jndi|ldap|rmi|gopher|dict|file|data|javascript|vbscript|expect|phar|php|jar|netdoc):/im;

/**
 * A comment's markdown span naming a member or call (`` `.valueOf()` ``, `` `S.object()` ``): a dot or a bracket
 * in it, so a command substitution of a bare command (`` `id` ``) is no such span.
 */
const NAMED_MEMBER = /`[\w]*[.(][\w.()]*`/g;

/** Sinks an exploit calls (module comment), as whole words in any case: read word by word (one regex of ~200 alternatives cost ~40 µs a KB). */
const SINK_WORDS = new Set([
  // process execution and the shell
  'runtime', 'getruntime', 'processbuilder', 'processimpl', 'fork', 'popen', 'system', 'passthru', 'shell_exec', 'proc_open',
  'child_process', 'subprocess', 'os', 'pty', 'commands', 'shell', 'cmd', 'powershell', 'pwsh', 'bash', 'sh', 'zsh', 'curl', 'wget', 'nc', 'ncat', 'netcat', 'telnet', 'whoami', 'uname', 'ifconfig', 'chmod', 'chown', 'rm', 'mkfifo', 'nslookup', 'ping',
  // reflection, class loading, script engines, expression languages, JNDI, deserialization
  'forname', 'newinstance', 'getmethod', 'getmethods', 'setaccessible', 'defineclass', 'loadclass', 'urlclassloader',
  'nashorn', 'rhino', 'spel', 'elprocessor', 'expressionfactory', 'spelexpressionparser', 'templateengine',
  'lookup', 'initialcontext', 'objectinputstream', 'readobject', 'readresolve', 'xmldecoder', 'xstream', 'unsafe', 'methodhandle', 'methodhandles',
  // dynamic code and object-graph escapes
  'eval', 'assert', 'create_function', 'preg_replace', 'base64_decode', 'gzinflate', 'str_rot13', 'unserialize', 'serialize', 'compile', 'globals', 'locals',
  '__import__', 'importlib', 'pickle', 'marshal', 'yaml', '__builtins__', '__class__', '__mro__', '__bases__', '__base__', '__subclasses__', '__globals__', '__init__', '__proto__', 'getattr', 'setattr',
  'prototype', 'process', 'mainmodule', 'global', 'globalthis', 'window', 'document', 'cookie', 'localstorage', 'fetch', 'xmlhttprequest', 'atob', 'btoa', 'fromcharcode', 'vm', 'require_once',
  // files and sockets
  'file_put_contents', 'file_get_contents', 'fopen', 'fwrite', 'fputs', 'fsockopen', 'open',
  // SQL statements and time functions
  'select', 'union', 'insert', 'update', 'delete', 'drop', 'truncate', 'shutdown', 'sleep', 'pg_sleep', 'waitfor', 'benchmark', 'xp_cmdshell', 'information_schema',
]);

/** Sink words by their stem (`execSync`, `executeQuery`, `spawnSync`, `invokeMethod`, `getDeclaredField`, `include_once`, `writeFileSync`). */
const SINK_STEMS = ['exec', 'spawn', 'invoke', 'getdeclared', 'pcntl_', 'scriptengine', 'groovy', 'ognl', 'mvel', 'call_user_func', 'socket', 'writefile', 'appendfile', 'unlink', 'readfile', 'include'];

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

function callsSink(text: string): boolean {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0].toLowerCase();
    if (SINK_WORDS.has(w)) return true;
    for (const stem of SINK_STEMS) if (w.startsWith(stem)) return true;
  }
  return false;
}

/** Sinks whose word is everyday code and only one spelling is the sink: the `Function` constructor, a `.constructor` walk. */
const SPELLED_SINKS = /\bFunction\s*\(|[.[]\s*['"]?constructor\b/;

/** A line that is a bare reconnaissance command (`id;`, `whoami`), as a shell would run it after the application's separator. */
const BARE_COMMAND_LINE = /^\s*(?:id|ls|pwd|env|set|ps|dir|ver|hostname|reboot|halt|history)\s*;?\s*$/i;

/** Words that open a statement of code with an operand after a space (`return -1;`, `throw err;`): never a shell command's name. */
const STATEMENT_KEYWORDS = new Set(['return', 'throw', 'yield', 'await', 'case', 'delete', 'typeof', 'void', 'new', 'else', 'do', 'in', 'of', 'goto', 'import', 'package', 'using', 'export', 'from', 'raise', 'echo', 'print', 'puts']);
/** A shell argument: an option (`-la`, `--force`, `-9`), an absolute or home path (`/etc/passwd`, `/`, `~/.ssh`), a path as an option's value (`of=/dev/sda`). */
const SHELL_ARGUMENT = /^(?:-{1,2}[A-Za-z0-9]|[/~]|[\w-]+=[/~])/;
const COMMAND_NAME = /^[A-Za-z_][\w.+-]*$/;
const BRACKET = /[(){}[\]]/;
/** An assignment or comparison operator standing alone (`=`, `:=`, `+=`, `==`). */
const LONE_OPERATOR = /^[=:+*%!<>&|^-]*=$/;

/**
 * A line that is a shell command with its arguments (`cat /etc/passwd;`, `touch /tmp/x`, `ls -la /`, `kill -9 -1`,
 * `mkfs.ext4 /dev/sda1`): a command name, then words of which one is an option or a path, and no bracket or
 * assignment. A statement of code has a call, a bracket or an operator (`x = a - b;`), or opens with a keyword:
 * without this, statement-shaped lines of shell commands passed for a program and were not scored.
 */
function isShellCommandLine(line: string): boolean {
  if (BRACKET.test(line)) return false;
  const words = line.replace(/;\s*$/, '').trim().split(/\s+/);
  if (words.length < 2 || !COMMAND_NAME.test(words[0]) || STATEMENT_KEYWORDS.has(words[0].toLowerCase())) return false;
  let argument = false;
  for (let i = 1; i < words.length; i++) {
    // An assignment or comparison operator on its own (`x = -y;`, `a := -b`) is code.
    if (LONE_OPERATOR.test(words[i])) return false;
    if (SHELL_ARGUMENT.test(words[i])) argument = true;
  }
  return argument;
}

/** A literal's content: words, numbers, a file name, a path or a version, a format's punctuation — nothing a SQL or shell string would run. */
const SAFE_LITERAL = /^[\p{L}\p{N}_ .,:/@+%=?!*()[\]{}-]*$/u;
const SQL_IN_LITERAL = /\b(?:select|union|insert|update|delete|drop|from|where|or|and|sleep|exec)\b|--/i;

/**
 * How a statement line ends: `;`, a bracket, or `):` (a Python block's head). A comma or a colon alone ends
 * lines of prose too (`Dear team,`, `Thanks,`).
 */
const STATEMENT_END_CHARS = new Set([';', '{', '}', '(', ')', '[', ']', '):']);

/** A line comment of C-family languages or a `#` comment at a line's start, taken out before the literals are read. */
const LINE_COMMENT = /(^|\s)\/\/.*$|^\s*#(?![{!]).*$/;

/** Last characters of a line that may end a statement: each statement end's last character (`):` ends in `:`). */
const MAY_END_STATEMENT = new Set([...STATEMENT_END_CHARS].map((end) => end[end.length - 1]));

/**
 * Whether at least two lines end with a character a statement may end with (or the text holds a comment, which
 * may hide a line's end): a bound on what the full read below counts, taken from the line ends alone. Prose (a 4 KB text file of an
 * upload, lines ending in `.`) leaves here, before the full read walks every character (~120 µs on 4 KB).
 */
function mayHaveTwoStatementLines(text: string): boolean {
  if (text.includes('//') || text.includes('#')) return true;
  let n = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = end - 1;
    while (i >= start && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d)) i--;
    if (i >= start && MAY_END_STATEMENT.has(text[i]) && ++n >= 2) return true;
    start = end + 1;
  }
  return false;
}

/**
 * Whether `text` is a multi-line program quoted whole (module comment): at least two lines ending as
 * statements do, brackets balanced, every literal closed on its line and holding no code, and no
 * marker or sink outside them. At most 8,000 characters.
 */
export function isQuotedProgram(text: string): boolean {
  if (text.length < 20 || text.length > 8000 || !text.includes('\n') || !mayHaveTwoStatementLines(text)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return false;
  let statements = 0;
  let depth = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.includes('//') || line.includes('#')) line = line.replace(LINE_COMMENT, '$1');
    if (BARE_COMMAND_LINE.test(line) || isShellCommandLine(line)) return false;
    // Literals closed on their line and holding no code; brackets counted outside them; the last character outside them.
    let last = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"' || c === "'") {
        const close = line.indexOf(c, i + 1);
        if (close < 0) return false;
        const content = line.slice(i + 1, close);
        if (!SAFE_LITERAL.test(content) || SQL_IN_LITERAL.test(content)) return false;
        // A literal glued to a name after it (`" onmouseover="alert(1);`) is no code in any language: a quote closed into
        // markup or a command; a literal naming a file only an exploit reads (`readdirSync('/proc/self/environ')`).
        if (/[A-Za-z_$]/.test(line[close + 1] ?? '') || ((content.includes('/') || content.includes('\\')) && namesNeverMentionedFile(content))) return false;
        i = close;
        last = c;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (--depth < 0) return false;
      } else if (c === ' ' || c === '\t' || c === '\r') continue;
      last = line[i - 1] === ')' && c === ':' ? '):' : c;
    }
    if (last !== '' && STATEMENT_END_CHARS.has(last)) statements++;
  }
  if (depth !== 0 || statements < 2) return false;
  // The shape holds; now what it calls and what it holds (the costlier reads, once).
  if (OUTSIDE_MARKERS.test(text.includes('`') ? text.replace(NAMED_MEMBER, '') : text) || SPELLED_SINKS.test(text) || callsSink(text)) return false;
  // A tautology (`'1'='1'`, `x = x`, `2>1`) is what a value put into a numeric SQL context needs and no pasted program has.
  return !hasTautology(text);
}
