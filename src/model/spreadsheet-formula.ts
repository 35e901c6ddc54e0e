/**
 * Spreadsheet formulas in a formula field (issue 14, blind benign set 8): a workbook API's `formulas` cells
 * (`=LET(x,FILTER(Tx[Amount],Tx[Cat]="Travel"),SUM(x)/COUNT(x))`, 0.88 through Excel Online's range update), a
 * table tool's formula column (`ROUND({gross} / (1 + {vat_rate} / 100), 2)`), a sheet's row formula. Calls,
 * cell and table references, comparisons and quotes are what a formula is made of, and what the model reads as
 * code. A formula field holds formulas by its name; what makes one an attack is what it calls: a formula
 * injection reaches out through the functions that fetch, link or run (`HYPERLINK`, `IMPORTXML`, `WEBSERVICE`,
 * a DDE `=cmd|' /C calc'!A0`), and an SQL injection dressed as one calls what no spreadsheet has
 * (`=IF(1=1,SLEEP(5),0)--`).
 *
 * So a value is a plain formula (not scored in a formula field, unless a rule hit it) when it is wholly: calls
 * of the common worksheet functions below (none that fetches, links, images, registers or runs anything),
 * cell and range references (`A1`, `$B$2:$B$5`, `Orders!E:E`, `'Q4 Plan'!A1`), structured and column
 * references (`Tx[Amount]`, `[Due]@row`, `{vat_rate}`), names (a `LET` variable), numbers (`1E+6`), double-quoted
 * strings of plain text, and the operators `+ - * / ^ & = <> <= >= < > % , ; : !` and parentheses. No single
 * quote except around a sheet name before `!`, no comment (`--`, `/*`, `#`), no pipe, no `$`/`{` outside a
 * reference, no SQL word outside a string, no markup in a string.
 */

/** Worksheet functions that compute on the sheet's own values (Excel, Google Sheets, Smartsheet, Airtable, NocoDB). */
const FUNCTIONS = new Set(
  (
    'ABS ACOS AND ARRAYFORMULA AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BYROW BYCOL CEILING CHAR CHOOSE CHOOSECOLS CHOOSEROWS CLEAN CODE ' +
    'COLUMN COLUMNS CONCAT CONCATENATE CONTAINS COS COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS COUNTUNIQUE DATE DATEADD DATEDIF ' +
    'DATETIME_DIFF DATETIME_FORMAT DATEVALUE DAY DAYS EDATE EOMONTH EXACT EXP FALSE FILTER FIND FIXED FLOOR HLOOKUP HOUR IF IFERROR ' +
    'IFNA IFS INDEX INDIRECT INT ISBLANK ISERROR ISNUMBER ISPICKVAL ISTEXT LAMBDA LARGE LEFT LEN LET LN LOG LOG10 LOOKUP LOWER MAP MATCH ' +
    'MAX MAXIFS MEDIAN MID MIN MINIFS MINUTE MOD MONTH MROUND NETWORKDAYS NOT NOW NPV NUMBERVALUE OFFSET OR PERCENTILE PI PMT POWER ' +
    'PRODUCT PROPER QUOTIENT RAND RANDBETWEEN RANK REDUCE REGEXEXTRACT REGEXMATCH REGEXREPLACE REPLACE REPT RIGHT ROUND ROUNDDOWN ' +
    'ROUNDUP ROW ROWS SCAN SEARCH SECOND SEQUENCE SIGN SMALL SORT SORTBY SPARKLINE SPLIT SQRT STDEV SUBSTITUTE SUBTOTAL SUM SUMIF ' +
    'SUMIFS SUMPRODUCT SWITCH TAKE TEXT TEXTJOIN TIME TODAY TRANSPOSE TRIM TRUE TRUNC UNIQUE UPPER VALUE VLOOKUP VSTACK HSTACK WEEKDAY ' +
    'WEEKNUM WORKDAY XLOOKUP XMATCH XOR YEAR YEARFRAC SUMMEWENN WENN RUNDEN SUMME ANZAHL MITTELWERT'
  ).split(' '),
);

/** SQL and shell words that no formula holds outside a string (`=IF(1=1,SLEEP(5),0) OR 1`). */
const CODE_WORDS = /^(?:select|union|from|where|or|and|not|sleep|benchmark|waitfor|delay|exec|execute|drop|insert|update|delete|having|order|group|by|null|cmd|system|script|javascript)$/i;

const TOKEN =
  /\s+|"(?:[^"]|"")*"|'[^'\n]{1,64}'!|(?:[A-Za-z_][\w.]*!)?\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|(?:[A-Za-z_][\w.]*!)?\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(])|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?|\.\d+|[A-Za-z_\u00c0-\u024f][\w.\u00c0-\u024f]*|\[[^\][\n"'<>]{1,64}\](?:@row|@cell)?|@(?:row|cell)|\{[^{}\n"'<>$]{1,64}\}|<>|<=|>=|[-+*/^&=<>%,;:()!]/gy;

/** A string literal's text is plain when it holds nothing a markup, comment or quote break-out needs. */
const STRING_CODE = /'|\\|--|\/\*|<[a-z!/?]|\$\{|\{\{|[\r\n]/i;

export function isSpreadsheetFormula(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 2000) return false;
  const body = t.startsWith('=') ? t.slice(1) : t;
  // Comments and pipes outside the strings (`=SUM(A1)/*x*/`, `--`, a DDE `cmd|`): no formula writes them.
  if (/\/\*|\*\/|--|#|\|/.test(body.replace(/"(?:[^"]|"")*"/g, '""'))) return false;
  let calls = 0;
  let depth = 0;
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < body.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(body);
    if (m === null || m[0] === '') return false;
    const tok = m[0];
    pos = TOKEN.lastIndex;
    const c = tok.charCodeAt(0);
    if (c === 34 /* " */) {
      if (STRING_CODE.test(tok.slice(1, -1))) return false;
    } else if (tok === '(') depth++;
    else if (tok === ')') {
      if (--depth < 0) return false;
    } else if (/^[A-Za-z_\u00c0-\u024f]/.test(tok) && !/\d$/.test(tok.replace(/\$/g, '')) && !tok.includes('!')) {
      // A name: a function when a parenthesis follows it, else a LET variable, a named range, TRUE/FALSE.
      const next = body.slice(pos).trimStart();
      if (next.startsWith('(')) {
        if (!FUNCTIONS.has(tok.toUpperCase())) return false;
        calls++;
      } else if (CODE_WORDS.test(tok)) return false;
    }
  }
  return depth === 0 && calls > 0;
}
