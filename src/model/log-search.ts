/**
 * A log search is a search, not a file read (issue 14, session 21: the `tech-discussion` family's
 * Grafana/Loki, Kibana, Splunk and Datadog searches, 17 of its 49 blocked requests at 391d65e).
 *
 * An operator looking for probes in the logs searches for the very strings the probes send:
 * `{app="nginx"} |= "/etc/passwd"`, `message:"/.git/config" AND host.name:api`,
 * `search index=web "/etc/passwd" | stats count by clientip`. The model reads the path as a file
 * inclusion (0.81–0.98) and the path rules alert on it. But the value is a query in the log store's own
 * language: the path is a quoted literal the store matches log lines against, beside label matchers,
 * `field:value` terms, boolean operators and pipeline stages. Nothing in it opens a file, and it cannot
 * break out of a string an application builds around it: a whole value in that grammar holds no
 * single quote, backtick, `$`, `;`, `&`, `<`/`>` outside a comparison, no `--`, no line break, a backslash
 * only as Lucene's escape of its own operators in a term (`*\/etc\/passwd*`, `*..\\*`) or doubled in a literal
 * (`"..\\"`), `..` only in a wildcard pattern
 * (`*"../"*`, `*..%2F*`: a search for traversals, where a literal or a term that is one is a probe's), and no
 * pipeline stage but the search and aggregation commands listed here (SPL's `script`, `runshellscript`,
 * `sendemail`, `map`, `rest`, `outputlookup`, `collect`, `delete` and `eval` are not). A literal's content is
 * what a shell command, a MySQL string or a script built around the search leaves unquoted (`grep "$q"`):
 * it holds a phrase or a path (`LITERAL_CONTENT`), no pipe (`"a|id"`), boolean or SQL word (`" OR 1=1 OR "`)
 * or call (`"*alert(1)*"`). Booleans may be lower case (KQL, EQL, Kusto), and a list may follow `in`
 * (EQL's `process.name in ("sh", "bash")`, session 24: blind benign sets 5 and 7's KQL, Datadog and EQL
 * searches for traversals, system files and shells, 0.71–0.9997, read).
 * A bare quoted path (`"/etc/passwd"`), a bare path, words or one `name:value` alone (`http:0xd83ad6ce`,
 * `style=xss:expression(alert(1))`) are not a log search: the grammar needs a structure around its
 * literals (a selector, a line filter, a boolean operator, a stage, or two `field:value` terms), and a
 * bracket after a word only calls LogQL's metric functions.
 *
 * The gate asks this only of a field whose name says it holds a search (field-intent.ts: `query`,
 * `search`, `filter[query]`, `q`, or a query language's name: `kql`, `eql`, `lucene`); a blocking rule's hit
 * still decides, as everywhere.
 */

/** One token of the searches' common grammar, in priority order (a sticky alternation, one group per kind). */
const TOKEN =
  /(\s+)|("(?:[^"\\'`$;<>&{}\n\r]|\\\\)*")|(\|=|!=|\|~|!~)|(>=|<=|==|=~|=|>|<|:)|(\|)|([(){}[\],])|([-+]?(?:[\p{L}\p{N}_@*]|\\[/:()[\]*?+!^~\\-])(?:[\p{L}\p{N}_.@*?/-]|%[0-9A-Fa-f]{2}|\\[/:()[\]*?+!^~\\-])*)/uy;

const enum Kind {
  Space = 1,
  Literal,
  LineFilter,
  Comparison,
  Pipe,
  Bracket,
  Word,
}

/**
 * Pipeline stages that only parse, filter, shape or count what the search found: LogQL's parsers and
 * formatters, SPL's reporting commands. A stage is also a label filter (`| status >= 500`), a word and a comparison.
 */
const STAGES = new Set([
  'json', 'logfmt', 'unpack', 'pattern', 'regexp', 'label_format', 'drop', 'keep', 'decolorize', 'unwrap', 'line_format',
  'stats', 'sort', 'head', 'tail', 'table', 'fields', 'top', 'rare', 'timechart', 'chart', 'dedup', 'where', 'rename', 'search', 'bin', 'bucket', 'spath', 'fillnull', 'count', 'transaction',
]);

/** Boolean operators, upper case as Lucene wants them or lower case as KQL, EQL and Kusto accept them. */
const BOOLEAN = new Set(['AND', 'OR', 'NOT', 'and', 'or', 'not']);

/**
 * Membership tests that take a parenthesised list of literals (EQL's and Kusto's `in ("sh", "bash")`,
 * Kusto's `has_any (…)`): a bracket may follow them as it follows LogQL's functions.
 */
const LIST_OPERATORS = new Set(['in', 'has_any', 'has_all']);

/**
 * Proximity operators of patent and library search (`battery ADJ3 thermal`, `lidar NEAR5 MEMS`, `w/5`, `NEAR/10`,
 * `PRE/3`, `SAME`, `WITH`): like a boolean operator they join two terms or groups, so a group may follow them
 * (`(battery OR cell) ADJ3 (thermal NEAR5 runaway)`, blind benign set 17's patents/0, read: 0.81); they call nothing.
 */
const PROXIMITY = /^(?:(?:ADJ|NEAR|ONEAR|PRE|WITHIN)\d{0,3}|W\d{1,3}|(?:NEAR|PRE|W)\/\d{1,3}|SAME|WITH)$/i;

/** Whether a word joins terms: a boolean or proximity operator, after which a group may open. */
function isJoiningOperator(word: string): boolean {
  return BOOLEAN.has(word) || PROXIMITY.test(word);
}

/** Words of a SQL injection no log search needs as a bare word (a search for them quotes them). */
const SQL_WORDS = /^(?:select|union|insert|update|delete|drop|sleep|benchmark|waitfor|exec|execute|having|information_schema|xp_cmdshell)$/i;

/** A comparison's name: a field or label, never a number (`1=1`), never a scheme (`http:0xd83ad6ce`, `javascript:alert(1)`). */
const FIELD_NAME = /^[-+]?@?[\p{L}_]/u;
const SCHEME = /^(?:https?|ftp|file|data|javascript|vbscript|jar|php|gopher|dict|ldap|expect|phar|zip|jndi|rmi|set-cookie|location)$/i;

/** LogQL's metric functions and their grouping words: the only words a bracket may follow (`sum by (status) (count_over_time(…))`). */
const FUNCTIONS = new Set([
  'sum', 'avg', 'min', 'max', 'count', 'stddev', 'stdvar', 'topk', 'bottomk', 'sort', 'sort_desc', 'by', 'without',
  'rate', 'count_over_time', 'bytes_rate', 'bytes_over_time', 'sum_over_time', 'avg_over_time', 'max_over_time', 'min_over_time',
  'first_over_time', 'last_over_time', 'quantile_over_time', 'stddev_over_time', 'absent_over_time', 'rate_counter',
]);

/**
 * What a literal may hold: the phrase or path the store matches (`"Connection refused"`, `"/etc/passwd"`,
 * `"GET /.env"`, `"(?i)timeout"`). Wrapped in double quotes by an application that builds a shell command,
 * a MySQL string or a script from the search, a literal's content is outside those quotes: so it holds no
 * pipe, `=`, `+`, `^` or the characters the token already refuses, no call (a name then `(`), no
 * boolean operator word and no SQL word, and it neither opens nor closes on a space. `"a|id"`,
 * `" OR 1=1 OR "`, `"*alert(1)*"` make a value no log search; a regex alternation (`|~ "error|timeout"`)
 * is read the same way and scored.
 */
const LITERAL_CONTENT = /^(?! )(?:[\p{L}\p{N}_ ./:@*#%~!()[\],?-]|\\\\)*(?<! )$/u;
const CALL = /[\p{L}\p{N}_]\(/u;
const LITERAL_WORDS = /(?:^|[^\p{L}\p{N}_])(?:or|and|xor|select|union|insert|update|delete|drop|sleep|benchmark|waitfor|exec|execute|having|information_schema|xp_cmdshell)(?![\p{L}\p{N}_])/iu;

/** A regex filter's alternation of single tokens (`|~ "error|timeout"`, `"(?i)5\\d\\d|refused"` has a backslash and is none). */
const ALTERNATION = /^[\p{L}\p{N}_.:@*#%~!()[\]?/-]+(?:\|[\p{L}\p{N}_.:@*#%~!()[\]?/-]+)+$/u;

/**
 * Whether a literal token (with its quotes) holds only a phrase or a path (LITERAL_CONTENT); after a regex
 * filter (`|~`, `!~`, `=~`) it may be an alternation of single tokens, without a space (no command with arguments).
 */
function isInertLiteral(literal: string, regex: boolean): boolean {
  const content = literal.slice(1, -1);
  if (!LITERAL_CONTENT.test(content) && !(regex && ALTERNATION.test(content))) return false;
  return !CALL.test(content) && !LITERAL_WORDS.test(content);
}

interface Token {
  kind: Kind;
  text: string;
  /** No whitespace between this token and the one before it (`*"../"*`: the literal is glued to its wildcards). */
  glued: boolean;
}

function tokens(text: string): Token[] | null {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let glued = false;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (m === null) return null;
    let kind = Kind.Word;
    for (let g = 1; g <= 7; g++) {
      if (m[g] !== undefined) {
        kind = g as Kind;
        break;
      }
    }
    if (kind !== Kind.Space) out.push({ kind, text: m[0], glued });
    glued = kind !== Kind.Space;
  }
  return out;
}

/**
 * Whether `text` is wholly a log search in LogQL, Lucene/KQL, SPL or Datadog syntax with at least one
 * literal or `field:value` term and a structure around it (module comment).
 */
export function isLogSearch(text: string): boolean {
  if (text.length < 6 || text.length > 1000 || text.includes('--') || /[\n\r]/.test(text)) return false;
  const ts = tokens(text);
  if (ts === null || ts.length < 2) return false;
  let depth = 0;
  const open: string[] = [];
  let structure = false;
  let term = false;
  let terms = 0; // `field:value` terms: one alone is no structure (`http:0xd83ad6ce`), two are (Datadog's `service:api status:error`)
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const next = ts[i + 1];
    switch (t.kind) {
      case Kind.Literal:
        // A traversal is searched for as a substring, between wildcards (`*"../"*`); a literal that is one (`"../../etc/passwd"`) is a probe's.
        if (t.text.includes('..') && !((t.glued && ts[i - 1].text.endsWith('*')) || (next?.glued === true && next.text.startsWith('*')))) return false;
        if (!isInertLiteral(t.text, i > 0 && (ts[i - 1].text === '|~' || ts[i - 1].text === '!~' || ts[i - 1].text === '=~'))) return false;
        term = true;
        break;
      case Kind.LineFilter:
        // `|= "x"`, `!= "x"`, `|~ "re"`: a line filter takes a literal.
        if (next?.kind !== Kind.Literal) return false;
        structure = true;
        break;
      case Kind.Comparison:
        // `field:value`, `label="v"`, `status >= 500`: a name before, a value after.
        if (i === 0 || ts[i - 1].kind !== Kind.Word || !FIELD_NAME.test(ts[i - 1].text) || SCHEME.test(ts[i - 1].text) || next === undefined) return false;
        if (next.kind !== Kind.Word && next.kind !== Kind.Literal && !(next.kind === Kind.Bracket && next.text === '(')) return false;
        // A chain (`Set-cookie:crlf=injection`): a name is no other term's value, but a value may be colon-joined
        // after `=` (SPL's `sourcetype=nginx:plus:access`).
        if (i >= 2 && ts[i - 2].kind === Kind.Comparison) {
          let k = i - 2;
          while (t.text === ':' && k >= 2 && ts[k].text === ':' && ts[k - 2].kind === Kind.Comparison) k -= 2;
          if (t.text !== ':' || ts[k].text !== '=') return false;
          break;
        }
        // `x=x`, `a:"a"`: a tautology, not a filter.
        if (next.text.replace(/^"|"$/g, '').toLowerCase() === ts[i - 1].text.toLowerCase()) return false;
        terms++;
        term = true;
        break;
      case Kind.Pipe: {
        // A stage by name (`| json`, `| stats count by x`), or a label filter (`| status >= 500`).
        if (next?.kind !== Kind.Word) return false;
        const after = ts[i + 2];
        if (!STAGES.has(next.text) && after?.kind !== Kind.Comparison) return false;
        structure = true;
        break;
      }
      case Kind.Bracket:
        if (t.text === ',') break;
        if (t.text === '(' || t.text === '{' || t.text === '[') {
          // A selector opens on a label name; a group or a range on anything but a closing bracket.
          if (t.text === '{' && next?.kind !== Kind.Word) return false;
          // A bracket after a word is a call: only of LogQL's metric functions (`expression(alert(1))` is none); after a
          // boolean or proximity operator it opens a group (`… AND (a OR b)`, `… ADJ3 (thermal NEAR5 runaway)`).
          if (t.text === '(' && i > 0 && ts[i - 1].kind === Kind.Word && !FUNCTIONS.has(ts[i - 1].text) && !LIST_OPERATORS.has(ts[i - 1].text) && !isJoiningOperator(ts[i - 1].text)) return false;
          if (t.text === '{') structure = true;
          open.push(t.text);
          depth++;
          if (depth > 8) return false;
        } else {
          const o = open.pop();
          if (o === undefined || '({['.indexOf(o) !== ')}]'.indexOf(t.text)) return false;
          depth--;
        }
        break;
      case Kind.Word:
        if (SQL_WORDS.test(t.text)) return false;
        if (t.text.includes('..') && !t.text.includes('*')) return false;
        if (isJoiningOperator(t.text)) structure = true;
        break;
    }
  }
  return depth === 0 && (structure || terms >= 2) && term;
}
