/**
 * A format field with a format spec reads a value and formats it (blind benign set 16's sciwrite/3, read: a notebook
 * line `print(f'{boot.mean():.3f} ± {boot.std():.3f}')`, 0.93): Python's f-strings and `str.format`, Rust's and C#'s
 * interpolation write `{value:spec}` — a name, its attributes, indexes and empty calls, then `:` and a spec such as
 * `.3f`, `>10`, `,`, `08.2f`, `.1%` (a bare width or type, `{success:1}`, is an object literal's). The model reads `{name.call()` as a template expression; a template engine's
 * expressions (`{{…}}`, `${…}`, `{%…%}`, Smarty's `{$x|…}`) have no such spec.
 *
 * `textAroundFormatFields(text)`: one line (a trailing line break allowed) holding one such field or more, each over a
 * plain name — no dunder, no object-graph or secret word (`__class__`, `config`, `self`, `request`, `os`, `environ`,
 * `secret`, `password`, …), no call with arguments — and no other brace, template opener or markup; returns the text
 * around the fields (joined by spaces), which is scored instead, as data-mapping.ts does for a mapping's `{{…}}`. Null
 * when the text is no such line.
 */

const MAX_CHARS = 512;
/** A replacement field: an optional value (name, `.attr`, `[index]`, `()`), an optional conversion, `:` and a spec. */
const FIELD = /\{((?:\d{1,2}|[A-Za-z_]\w{0,40})?(?:\.[A-Za-z_]\w{0,40}|\[\d{1,4}\]|\(\)){0,6})(?:![rsa])?:((?:[^{}\n]?[<>=^])?[+-]?#?0?\d{0,3}[,_]?(?:\.\d{1,3})?[bcdeEfFgGnosxX%]?)\}/gy;
/**
 * A spec only a format writes: a precision, a thousands separator, an alignment with a width, or a type after a width
 * (`.3f`, `,`, `>10`, `08.2f`, `3d`). A bare width or type is refused: `{success:1}`, `{a:b}` are object literals.
 */
const FORMAT_SPEC = /\.\d|[,_]|[<>=^]\d|\d[bcdeEfFgGnosxX%]$/;
/** Names a format-string injection reads through (`{0.__init__.__globals__}`, `{config.SECRET_KEY:s}`) or runs. */
const UNSAFE_NAME = /__|(?:^|[._])(?:config|settings|secret|secrets|password|passwd|token|key|keys|credentials|environ|env|globals|builtins|class|mro|subclasses|self|request|app|application|os|sys|subprocess|system|popen|exec|eval|import|open|read|getattr|constructor|prototype|process|require|this|window|document|cookie|session)(?:$|[._([])/i;
/** Another template's or markup's opener in the text around the fields. */
const OTHER_OPENER = /[{}<>`]|\$\{|<%|#\{|\{%/;

export function textAroundFormatFields(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes(':') || !text.includes('{')) return null;
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body.includes('\n') || body.includes('\r')) return null;
  const literal: string[] = [];
  let from = 0;
  let fields = 0;
  for (;;) {
    const open = body.indexOf('{', from);
    const before = open < 0 ? body.slice(from) : body.slice(from, open);
    if (OTHER_OPENER.test(before)) return null;
    literal.push(before);
    if (open < 0) break;
    FIELD.lastIndex = open;
    const m = FIELD.exec(body);
    if (m === null || !FORMAT_SPEC.test(m[2]) || UNSAFE_NAME.test(m[1])) return null;
    fields++;
    from = FIELD.lastIndex;
  }
  return fields > 0 ? literal.join(' ') : null;
}

/**
 * A notebook cell's text with each line's format fields taken out as `textAroundFormatFields` takes them out of that
 * line alone (notebook-cells.ts: a cell is scored as its lines joined, and a line such as sciwrite/3's f-string was
 * judged without its fields before); null when no line holds such fields. A line keeps its break.
 */
export function textAroundFormatFieldsByLine(text: string): string | null {
  if (!text.includes(':') || !text.includes('{')) return null;
  let out = '';
  let changed = false;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end + 1);
    const around = line.includes('{') ? textAroundFormatFields(line) : null;
    if (around === null) out += line;
    else {
      out += end < 0 ? around : `${around}\n`;
      changed = true;
    }
    start = end < 0 ? text.length : end + 1;
  }
  return changed ? out : null;
}
