/**
 * Evidence-anchored windows (session 33, dil33, issue 14: "Evasion is the attacker's first move"). The model scores a
 * form of up to a window (512 chars) whole, so ordinary prose around a payload dilutes it: `' UNION SELECT
 * username,password FROM users--` scores 1.0 alone and under 0.8 after "Thanks for the quick reply. I checked the order
 * history page again this morning." — and the payload still works in a string context. The text around an injection is
 * not part of it: where a form holds a cluster of attack evidence (the prose scan's marks and shapes, screen.ts
 * `proseEvidenceBlocks`, `proseEvidenceMarks`: a quote, bracket, `<`, `$`, `;`, `|`, `--`, `..`, `=`, an escape, a sensitive path, a header
 * after a line break — prose's own punctuation not counting), the cluster is also scored on its own, from the start of
 * the word holding its first mark to the end of the word holding its last, and the form's score is the highest.
 *
 * A form longer than a window (session 34) is diluted inside each window the same way (a payload after a page of prose,
 * or in one cell of an export's rows): the gate asks its clusters with `records` (rows of records read as prose is).
 *
 * Bounded and evidence-only ("Speed is a feature"): a form with no mark beyond prose punctuation adds no model call; a
 * cluster that is nearly the whole form adds none (its score is the form's); at most `maxSpans` per form, each at
 * most `maxChars` long. The screen's SQL and shell words (`select`, `order by`, `cat`, `id`: prose has them) never start
 * a cluster; they only join marks that stand near them (`' UNION SELECT a FROM b--` is one cluster, not `'` and `--`).
 */
import { isWholeSqlStatement } from './quoted-code.js';
import { INJECTION_WORDS, proseEvidenceMarks } from './screen.js';

export interface EvidenceSpanOptions {
  /** Clusters scored per form at most (default 3). */
  maxSpans?: number;
  /** A cluster's window at most this long (default 160): a longer one is scored from its start. */
  maxChars?: number;
  /** Evidence this close (chars between two marks or words) joins one cluster (default 32). */
  gap?: number;
  /** A cluster that leaves fewer chars of the form out than this is the form itself (default 3). */
  minCut?: number;
  /**
   * A cluster's window takes words around it up to this length (default 16): a mark alone is no text the model was
   * trained to read (`--` alone scores 0.92, `ha'` 0.80; in `log in (again) -- it says` they are prose).
   */
  minChars?: number;
  /**
   * Clusters looked at per form at most (default 64, a window's worth): a long form (a comment of many windows) is
   * given more, so a payload after a page of prose is still reached.
   */
  maxClusters?: number;
  /**
   * Rows of records are read as prose is (default false; the gate asks it of a form longer than a window): where the
   * form is an export's rows (`isRecords`), a payload in one cell shares each window with the rows around it as it
   * would with prose, so the clusters are scored without the prose condition, and end at a line break (a row's `;` or
   * `|` separators are marks: rows joined into one cluster would bury the row holding the payload under the others).
   */
  records?: boolean;
  /**
   * Only a payload-shaped island in prose (for a field no injection rule pointed at): the form's one cluster of marks,
   * holding two marks at least, with at least half the form outside it.
   */
  island?: boolean;
}

/** Where prose puts punctuation around a word: before it (`(`, quotes) or after it (`.`, `,`, `?`, `)` …). */
function isWordEdge(c: number): boolean {
  return c === 40 || c === 41 || c === 34 || c === 39 || c === 46 || c === 44 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2019 || c === 0x201c || c === 0x201d;
}

function isWordLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c < 0x2000) || c === 39 || c === 45 || c === 0x2019;
}

/**
 * The prose of text[from, to): its whitespace-separated tokens that are words (letters, an apostrophe or hyphen inside,
 * punctuation at the edges), two letters or more — not an address, a path, a number or a name with dots. Returns the
 * words and the chars they take (each with one separator) packed as `chars * 1024 + words`.
 */
function proseIn(text: string, from: number, to: number): number {
  let words = 0;
  let chars = 0;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    let a = start;
    let b = i;
    while (a < b && isWordEdge(text.charCodeAt(a))) a++;
    while (b > a && isWordEdge(text.charCodeAt(b - 1))) b--;
    if (b - a < 2) continue;
    let word = true;
    for (let k = a; k < b && word; k++) word = isWordLetter(text.charCodeAt(k));
    if (word) {
      words++;
      chars += i - start + 1;
    }
  }
  return Math.min(chars, 1 << 20) * 1024 + Math.min(words, 1023);
}

/** Where a word ends: whitespace (the prose around a payload is words between spaces). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** A SQL statement's first word: a cluster starting with one may be a statement quoted in prose. */
const STATEMENT_START = /^(?:select|with|insert|update|delete|show|explain|create|alter)\b/i;
/**
 * A code span of a member chain or an empty call (`` `Object.prototype.__proto__` ``, `` `getUser()` ``): a name
 * mentioned, nothing to run. A bare word is not one: `` `id` `` is a shell's command substitution as much as markdown.
 */
const NAME_IN_CODE_SPAN = /^`[\w$]+(?:(?:\.[\w$]+)+(?:\(\))?|\(\))`$/;

/**
 * Whether the cluster at [start, end) of `text` is quoted code as prose quotes it, which the gate does not score on its
 * own (a whole value of it is not scored either, quoted-code.ts): a whole SQL statement from its first word
 * (`… is getting SELECT COUNT(*) FROM orders did anyone …`: the statement ends where the prose goes on), or a name in a
 * markdown code span. The form around it is still scored whole, as before.
 */
function isQuotedInProse(text: string, start: number, end: number, maxChars: number): boolean {
  if (NAME_IN_CODE_SPAN.test(text.slice(start, end))) return true;
  if (!STATEMENT_START.test(text.slice(start, start + 8))) return false;
  const stop = Math.min(text.length, start + maxChars);
  for (let e = end; e <= stop; e++) {
    if (e < stop && !isSpace(text.charCodeAt(e))) continue;
    if (isWholeSqlStatement(text.slice(start, e))) return true;
  }
  return false;
}

/** How far a cluster's window reaches back and on to the edges of its first and last words. */
const WORD_REACH = 32;

/** A tag named alone in prose (`"<script> tag defer vs async"`, `the <br>`): no attribute, content or closing to run. */
const TAG_NAME_ALONE = /^["'(`]?<\/?[A-Za-z][A-Za-z0-9-]*>["'`).,:;!?]*$/;

/**
 * A markdown code span in prose (`` `SELECT * FROM users WHERE name = '' OR 1=1` ``, `` `require('child_process').exec` ``):
 * code quoted, not sent to run. Masked before the clusters are found, so they are scored with the form only, as
 * before; a command word alone in backticks (`` `id` ``, a shell's command substitution as much as markdown) is not.
 */
const CODE_SPAN = /(^|[\s(])`([^`\n]+)`(?=$|[\s.,:;!?)])/g;

/** A fenced code block (```` ```java … ``` ````, `~~~`), to its closing fence or the end of the text. */
const CODE_FENCE = /(?:^|\n)[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[ \t]*(?=\n|$)|$)/g;

/** A bare word in backticks that is a command a shell runs for an attacker (`` `id` ``, `` `whoami` ``): not masked. */
const SHELL_WORD = new RegExp(`^(?:${INJECTION_WORDS.source})$`, 'i');

/** Triple backticks around code on one line or several, without a fence line of their own (a chat's ```code```). */
const TRIPLE_TICKS = /```[\s\S]*?```/g;
/** Code in rich text: `<pre …>…</pre>`, `<code …>…</code>` (a CMS's code block). */
const HTML_CODE = /<(pre|code)\b[^>]*>[\s\S]*?<\/\1>/gi;

/** `text` with its markdown code blocks and spans and rich text's code elements blanked to spaces, positions kept. */
export function withoutCodeSpans(text: string): string {
  const ticks = text.includes('`');
  const tags = text.includes('</');
  if (!ticks && !tags && !text.includes('~~~')) return text;
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  let out = text.replace(CODE_FENCE, blank);
  if (ticks) out = out.replace(TRIPLE_TICKS, blank).replace(CODE_SPAN, (m: string, before: string, code: string) => (SHELL_WORD.test(code) ? m : `${before} ${' '.repeat(code.length)} `));
  if (tags) out = out.replace(HTML_CODE, blank);
  return out;
}

/**
 * Lines ending as a program's statements and blocks do (`;`, `{`, `}`), or starting as a setting does (`PATH=…`,
 * `MAILTO=""` of a crontab, an env file): two make the form code or configuration, not prose.
 */
const CODE_LINE = /[;{}][ \t]*(?:\r?\n|$)|(?:^|\n)[ \t]*[A-Za-z_][\w.-]*[ \t]*=/g;

/**
 * Rows of records (an export's header and rows, `;`, `,`, a tab or `|` between the same number of fields, two or more):
 * a row ending in an empty field ends in `;` as a statement does, and is no code line.
 */
function isRecords(text: string): boolean {
  let from = 0;
  const lines: string[] = [];
  for (let k = 0; k < 5; k++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) break;
    lines.push(text.slice(from, nl));
    from = nl + 1;
  }
  if (lines.length < 3) return false;
  for (const sep of RECORD_SEPARATORS) {
    const fields = lines[0].split(sep).length;
    if (fields >= 3 && lines.every((l) => l.split(sep).length === fields)) return true;
  }
  return false;
}
const RECORD_SEPARATORS = [';', ',', '\t', '|'];

function isCodeLines(text: string): boolean {
  if (!text.includes('\n')) return false;
  CODE_LINE.lastIndex = 0;
  let lines = 0;
  while (CODE_LINE.exec(text) !== null) if (++lines >= 2) return true;
  return false;
}

/** The least prose (chars between the clusters, at least 40 % of the form, and 4 words) a form needs for its clusters to be scored apart. */
const MIN_PROSE_CHARS = 24;

/** Clusters looked at per form at most, by default (a form of a window: 512 chars); the gate gives a long form as many a window. */
export const MAX_CLUSTERS = 64;

/**
 * The windows of `text` (a form the gate scores whole) anchored at its clusters of attack evidence, as `[start, end)`
 * pairs flattened in text order; empty when it has none worth scoring apart from the whole. When there are more than
 * `maxSpans`, those holding the most marks are kept: a payload is dense in them, a README's code spans and prose's
 * odd bracket are not (package README sentences put a dozen clusters before a payload at the end).
 */
export function evidenceSpans(text: string, options: EvidenceSpanOptions = {}): number[] {
  const maxSpans = options.maxSpans ?? 3;
  const maxChars = options.maxChars ?? 160;
  const gap = options.gap ?? 32;
  const minCut = options.minCut ?? 3;
  const minChars = options.minChars ?? 16;
  const maxClusters = options.maxClusters ?? MAX_CLUSTERS;
  const n = text.length;
  const out: number[] = [];
  if (n < minCut + 4) return out;
  // A query is no prose around a payload: its clauses are the evidence (a SoQL `$query=SELECT … LIKE '%O''Brien%' …`).
  if (STATEMENT_START.test(text.slice(0, 8))) return out;
  const plain = withoutCodeSpans(text);
  // Rows of records: clusters end at a line break, and the prose and code-line conditions are not asked.
  const lineBound = options.records === true && isRecords(plain);
  if (!lineBound && isCodeLines(plain)) return out;
  // The marks without the SQL and shell words, and with them (`any`), from one scan of the text.
  const { marks, any } = proseEvidenceMarks(plain);
  let first = marks.indexOf(1);
  if (first < 0) return out;
  // Back to where the cluster holding the first mark begins: words just before it join it.
  let from = first;
  for (let i = first - 1; i >= 0 && from - i <= gap && !(lineBound && plain.charCodeAt(i) === 10); i--) if (any[i] === 1) from = i;
  first = from;
  const spans: number[] = []; // start, end, marks per cluster worth scoring
  let clusters = 0;
  let islandMarks = 0;
  let proseChars = 0; // chars of the words between clusters
  let proseWords = 0;
  let proseFrom = 0; // where the text after the last cluster starts
  for (let c = 0; first >= 0 && c < maxClusters; c++) {
    // The cluster: marks and words each within `gap` of the previous; it holds a mark (the first one).
    let last = first;
    let count = marks[first];
    for (let i = first + 1; i < n && i - last <= gap && !(lineBound && plain.charCodeAt(i) === 10); i++) {
      if (any[i] === 1) last = i;
      count += marks[i];
    }
    clusters++;
    islandMarks = count;
    const between = proseIn(plain, proseFrom, first);
    proseChars += Math.floor(between / 1024);
    proseWords += between % 1024;
    proseFrom = last + 1;
    if (options.island === true && clusters > 1) return out;
    // Words are read in `plain`, where quoted code is spaces: a window never reaches into a code span or block.
    let start = first;
    while (start > 0 && first - start < WORD_REACH && !isSpace(plain.charCodeAt(start - 1))) start--;
    let end = last + 1;
    while (end < n && end - last < WORD_REACH && !isSpace(plain.charCodeAt(end))) end++;
    if (end - start > maxChars) end = start + maxChars;
    const quoted = isQuotedInProse(text, start, end, maxChars) || TAG_NAME_ALONE.test(text.slice(first, last + 1)) || TAG_NAME_ALONE.test(text.slice(start, end));
    // Too short a window takes the words on either side, one at a time.
    for (let k = 0; k < 16 && end - start < minChars && (start > 0 || end < n); k++) {
      if (start > 0) for (start--; start > 0 && !isSpace(plain.charCodeAt(start - 1)); ) start--;
      if (end - start < minChars && end < n) for (end++; end < n && !isSpace(plain.charCodeAt(end)); ) end++;
    }
    if (!quoted && n - (end - start) >= minCut) spans.push(start, end, count);
    // The next cluster starts at the next mark past this one (a run of words alone starts none).
    let next = -1;
    for (let i = last + 1; i < n; i++) {
      if (marks[i] === 1) {
        next = i;
        break;
      }
    }
    if (next < 0) break;
    from = next;
    for (let i = next - 1; i > last && next - i <= gap && !(lineBound && plain.charCodeAt(i) === 10); i--) if (any[i] === 1) from = i;
    first = from;
  }
  // Prose around the clusters, or the form is technical text (a crontab, a query, code) whose marks are everywhere: the
  // clusters are no payload set in prose, and the form is scored whole only, as before.
  const after = proseIn(plain, proseFrom, n);
  proseChars += Math.floor(after / 1024);
  proseWords += after % 1024;
  if (!lineBound && (proseChars < MIN_PROSE_CHARS || proseChars * 5 < n * 2 || proseWords < 4)) return out;
  if (options.island === true && (islandMarks < 2 || 2 * proseChars < n)) return out;
  const found = spans.length / 3;
  if (found <= maxSpans) {
    for (let k = 0; k < spans.length; k += 3) out.push(spans[k], spans[k + 1]);
    return out;
  }
  // The densest `maxSpans`, the earlier on a tie, back in text order.
  const order = Array.from({ length: found }, (_, k) => k).sort((a, b) => spans[3 * b + 2] - spans[3 * a + 2] || a - b);
  const kept = order.slice(0, maxSpans).sort((a, b) => a - b);
  for (const k of kept) out.push(spans[3 * k], spans[3 * k + 1]);
  return out;
}
