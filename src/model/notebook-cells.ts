import type { Inspection, Target } from '../inspect/types.js';
import { textAroundFormatFieldsByLine } from './format-fields.js';
import { isStaticImportLines } from './import-lines.js';
import { isQuotedProgram } from './quoted-program.js';
import { isWholeSqlStatement, maskQuotedCode, type MaskedCode } from './quoted-code.js';
import { INJECTION_WORDS } from './screen.js';
import { isSqlCondition } from './sql-condition.js';

/**
 * A Jupyter notebook saved whole (session 33, nb33, issue 14): nbformat 4 stores each cell's `source` as a JSON array of
 * its lines (`["import pandas as pd\n", "df = pd.read_csv('x.csv')\n", "df.head()"]`), and the JSON walker makes each
 * line a target of its own (`content.cells[2].source[1]`); so are an output's `text` and `data` (a pandas table's HTML).
 * One line of a program alone looks like an injected one (`print(boot.mean())` 0.99, a `%%sql` cell's `GROUP BY site`);
 * the notebook format means the string, the lines joined. The model gate asks the shapes that take a body text whole
 * about the joined string (`isCellTakenWhole`: a program, a `%%sql` statement, prose with code spans); a string one of
 * them takes is not scored, any other is scored line by line as before — never joined, because the model reads a
 * payload among code lines far lower than alone.
 *
 * Only for a JSON body that is an nbformat 4 notebook (`nbformat`, `nbformat_minor`, `cells` of `cell_type` code,
 * markdown or raw with a `source` string or array of strings) or Jupyter Server's contents model around one
 * (`{"type":"notebook","format":"json","content":{…}}`), and only when every source line the body holds is a target
 * under the same name with the same text: a body with a key written twice (JSON.parse keeps the last one, the walker
 * both), cut by a limit, or shaped otherwise keeps its lines scored one by one, as before.
 */

/**
 * A line of one of a cell's multi-line strings, after the notebook's prefix: its `source`, a stream output's `text`, a
 * display or result output's `data` of one MIME type (`cells[3].source[12]`, `cells[3].outputs[0].data["text/html"][9]`):
 * the line's string without its `[j]`, and `j`.
 */
const CELL_LINE = /^(cells\[(\d+)\]\.(?:source|outputs\[(\d+)\]\.(?:text|data\["([^"\\]+)"\])))\[(\d+)\]$/;
const CELL_TYPES = new Set(['code', 'markdown', 'raw']);

/** A cheap test of a target's name before the body is read: a notebook cell's source line, at the top or in a contents model. */
export function mayBeCellLineName(name: string): boolean {
  return name.endsWith(']') && name.includes('cells[') && (name.includes('].source[') || name.includes('].outputs['));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The notebook of a parsed body and the prefix its fields' target names carry, or null. */
function notebookOf(doc: Json): { notebook: { [key: string]: Json }; prefix: string } | null {
  if (!isObject(doc)) return null;
  if (doc.type === 'notebook' && doc.format === 'json' && isObject(doc.content)) return isNotebook(doc.content) ? { notebook: doc.content, prefix: 'content.' } : null;
  return isNotebook(doc) ? { notebook: doc, prefix: '' } : null;
}

function isNotebook(nb: { [key: string]: Json }): boolean {
  if (nb.nbformat !== 4 || typeof nb.nbformat_minor !== 'number' || !Number.isInteger(nb.nbformat_minor) || !Array.isArray(nb.cells)) return false;
  for (const cell of nb.cells) {
    if (!isObject(cell) || typeof cell.cell_type !== 'string' || !CELL_TYPES.has(cell.cell_type)) return false;
    const source = cell.source;
    if (typeof source === 'string') continue;
    if (!Array.isArray(source) || !source.every((line) => typeof line === 'string')) return false;
  }
  return true;
}

/**
 * The lines of a notebook body's multi-line strings (cell sources, stream texts, output data) as targets: for each
 * target that is a line of such a string of two lines or more, the indices of the string's line targets in line order
 * (one array per string, shared by its lines); null when the body is no notebook or its lines are not its targets one
 * for one.
 */
export function notebookCellLines(inspection: Inspection): Map<number, readonly number[]> | null {
  const type: string | undefined = inspection.contentType;
  if (type === undefined || !type.includes('json') || inspection.body === undefined || inspection.body.length === 0) return null;
  const text = inspection.body.toString('utf8');
  if (!text.includes('"nbformat"') || !text.includes('"cells"')) return null;
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return null;
  }
  const found = notebookOf(doc);
  if (found === null) return null;
  const { notebook, prefix } = found;
  const cells = notebook.cells as Json[];
  // a multi-line string's name -> its lines (the parsed array) and its line index -> target index
  const strings = new Map<string, { lines: Json[]; targets: Map<number, number> }>();
  const targets = inspection.targets;
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t];
    if (target.location !== 'body' || target.role !== 'value' || !mayBeCellLineName(target.name) || !target.name.startsWith(prefix)) continue;
    const m = CELL_LINE.exec(target.name.slice(prefix.length));
    if (m === null) continue;
    // Each decoded form named by its chain: how the joined forms are made (joinedCellTarget).
    if (target.decoded.length > 0 && target.decodedVia?.length !== target.decoded.length) return null;
    let string = strings.get(m[1]);
    if (string === undefined) {
      const lines = linesOf(cells[Number(m[2])], m[3], m[4]);
      if (lines === null) return null;
      strings.set(m[1], (string = { lines, targets: new Map() }));
    }
    const j = Number(m[5]);
    if (string.lines[j] !== target.raw || string.targets.has(j)) return null;
    string.targets.set(j, t);
  }
  const out = new Map<number, readonly number[]>();
  for (const { lines, targets: byLine } of strings.values()) {
    // Every non-empty line is a target (an empty string makes none): nothing of the string is left out.
    for (let j = 0; j < lines.length; j++) if (lines[j] !== '' && !byLine.has(j)) return null;
    if (byLine.size < 2) continue;
    const joined = [...byLine.entries()].sort((x, y) => x[0] - y[0]).map(([, t]) => t);
    for (const t of joined) out.set(t, joined);
  }
  return out;
}

/** A cell's `source`, or output `output`'s `text` (`mime` undefined) or `data[mime]`, when it is an array of strings; else null. */
function linesOf(cell: Json | undefined, output: string | undefined, mime: string | undefined): Json[] | null {
  if (!isObject(cell)) return null;
  let value: Json | undefined = cell.source;
  if (output !== undefined) {
    const outputs = cell.outputs;
    const o = Array.isArray(outputs) ? outputs[Number(output)] : undefined;
    if (!isObject(o)) return null;
    value = mime === undefined ? o.text : isObject(o.data) ? o.data[mime] : undefined;
  }
  return Array.isArray(value) && value.every((line) => typeof line === 'string') ? value : null;
}

/**
 * One target for a cell's lines (of `notebookCellLines`, whose forms are named by their chains): their raw texts
 * joined, as the notebook means them, and for each decoder chain any of the lines has a form by, the lines joined with
 * that form where they have one (the raw line where not).
 */
export function joinedCellTarget(lines: readonly Target[]): Target {
  let raw = '';
  const chains: string[] = [];
  for (const line of lines) {
    raw += line.raw;
    for (const v of line.decodedVia ?? []) if (!chains.includes(v)) chains.push(v);
  }
  const decoded: string[] = [];
  const decodedVia: string[] = [];
  for (const v of chains) {
    let form = '';
    for (const line of lines) {
      const k = line.decodedVia?.indexOf(v) ?? -1;
      form += k < 0 ? line.raw : line.decoded[k];
    }
    if (form === raw || decoded.includes(form)) continue;
    decoded.push(form);
    decodedVia.push(v);
  }
  return { ...lines[0], raw, decoded, decodedVia };
}

const found: MaskedCode = { multiLine: false };

/**
 * Whether a shape takes a cell (its joined target) whole, in every form the gate would score: no screen evidence, a whole
 * SQL statement (a `%%sql` cell's included, quoted-code.ts) or condition, a quoted program or static imports once each
 * line's format fields are taken out (quoted-program.ts, import-lines.ts, format-fields.ts), or prose whose code spans
 * hold such code and nothing else with evidence (maskQuotedCode). A whitespace decoder's form of a cell taken by its
 * lines is its one-line twin, taken with it. Then none of its lines is scored; otherwise each line is scored alone, as
 * before: the model reads a payload line inside the code around it far lower (`' UNION SELECT …--` between two pandas
 * lines 0.000, alone 1.000), so the joined text is never what the model scores.
 */
export function isCellTakenWhole(cell: Target, screen: (text: string) => boolean): boolean {
  let byLines = false;
  for (let f = 0; f <= cell.decoded.length; f++) {
    let text = f === 0 ? cell.raw : cell.decoded[f - 1];
    if (f > 0 && byLines && cell.decodedVia?.[f - 1]?.endsWith('whitespace') === true) continue;
    if (!screen(text) || isWholeSqlStatement(text) || isSqlCondition(text, INJECTION_WORDS)) continue;
    const around = textAroundFormatFieldsByLine(text);
    if (around !== null) {
      if (!screen(around)) continue;
      text = around;
    }
    if (isQuotedProgram(text) || isStaticImportLines(text)) {
      if (f === 0) byLines = true;
      continue;
    }
    found.multiLine = false;
    const masked = maskQuotedCode(text, found);
    if (masked !== text && !screen(masked)) {
      if (f === 0 && found.multiLine) byLines = true;
      continue;
    }
    return false;
  }
  return true;
}
