/**
 * A low-code tool's field mapping is a reference to data, not a template injection (issue 14, session 23:
 * blind benign set 6's Make scenario blueprint, `{{1.date}}` 0.94 and `{{replace(1.subject; "/^(Re|Fwd): /i";
 * emptystring)}}` 0.99, and n8n's `={{ $json.body.email.split("@")[1] }}` 0.90).
 *
 * Make and n8n store what a step receives as `{{ … }}` expressions over the data earlier steps produced: a
 * module's output by its number (`1.subject`, `1.attachments[].size`) in Make, `$json`, `$node["Name"].json`,
 * `$input`, `$now` … in n8n (whose field values open with `=`), `steps.…`, `tasks.…`, `inputs.…`, `workflow.…` in Argo
 * Workflows (blind benign set 17, read). A template-injection probe reads no such
 * data: it computes (`{{7*7}}`), reaches the template engine's objects (`{{config}}`, `{{self}}`,
 * `{{request.application.__globals__}}`, `{{''.__class__.__mro__}}`) or climbs to a constructor or the process
 * (`{{ this.process.mainModule.require('child_process') }}`, `.constructor.constructor('return process')()`).
 *
 * A mapping (`textAroundMappings(text)` is not null): the value (at most 2,000 characters, one line) is literal text and `{{ … }}`
 * expressions, after an optional leading `=`; each expression is made of names, numbers, quoted literals of
 * plain text, brackets, `.`, `,`, `;` and arithmetic, comparison or conditional operators; it refers to data
 * from one of the roots above; and no name in it is one of the sinks or engine objects an exploit reaches for
 * (`constructor`, `prototype`, `process`, `require`, `mainModule`, `global`, `this`, `Function`, `eval`,
 * `import`, `config`, `self`, `request`, `settings`, `$env`, any name starting with `_` …). Such a value's
 * expressions are not scored; the text around them is (`textAroundMappings`), and a rule's hit still decides.
 */

const MAX_CHARS = 2000;

/** An n8n data root, or a Make module's output by number. */
const DATA_ROOT = /^(?:\$(?:json|node|input|now|today|workflow|execution|vars|binary|prevNode|runIndex|item|items|parameter|position|jmespath|if|ifEmpty|max|min)|\d+|steps|tasks|inputs|workflow)$/;

/**
 * What an Argo Workflows condition (`when: "{{steps.extract.outputs.result}} != ''"`, `{{tasks.build.status}} ==
 * Succeeded`) writes around its one reference: a comparison operator and a plain literal (blind benign set 17's
 * pipelines/9, read: 0.99 on the ` != ''` left around the mapping). Read with the reference, it is the condition;
 * anything more (`!= '' or '1'='1`, a second quote, a word after the literal) is scored as text around it, as before.
 */
const CONDITION_AROUND = /^\s*(?:==|!=|<=|>=|<|>|=~)\s*(?:'[\w .:/-]{0,64}'|"[\w .:/-]{0,64}"|[\w.:-]{1,64})\s*$/;

/** Names no mapping needs: a template engine's objects, a language's escape hatches, process and module access. */
const SINKS = new Set([
  'constructor', 'prototype', 'process', 'require', 'mainmodule', 'global', 'globalthis', 'this', 'function', 'eval', 'import', 'module', 'exports',
  'child_process', 'execsync', 'exec', 'spawn', 'fork', 'buffer', 'fs', 'readfilesync', 'writefilesync', 'settimeout', 'setinterval', 'fetch',
  'config', 'self', 'request', 'settings', 'env', '$env', 'os', 'sys', 'subprocess', 'popen', 'system', 'lipsum', 'cycler', 'joiner', 'namespace',
  'application', 'getclass', 'forname', 'runtime', 'class', 'new', 'window', 'document', 'globals', 'builtins', 'attr', 'range', 'getattribute',
  '$evaluateexpression', '$getpairedItem', 'debugger', 'with', 'delete', 'await', 'async', 'yield',
].map((s) => s.toLowerCase()));

/**
 * A name a template-injection probe reaches for and no data reference needs: an engine object, a language's
 * escape hatch, process or module access, or a private (`_`-led, `__`-holding) name. Also refused inside a
 * marketing tool's merge tag (screen.ts).
 */
export function isTemplateSinkName(name: string): boolean {
  return SINKS.has(name.toLowerCase()) || name.startsWith('_') || name.includes('__');
}

/** One token of an expression: a name (with `$`), a number, a quoted literal, or one operator character. */
const TOKEN = /\s*(?:([$A-Za-z_][$\w]*)|(\d+(?:\.\d+)?)|"([^"\\`$]*)"|'([^'\\`$]*)'|([-+*/%<>=!&|?:.,;()[\]]))/y;

/** A literal's text: no template, expression or markup opener (`{{`, `${`, `<`) inside. */
const PLAIN_LITERAL = /^[^{}<>]*$/;
/** A literal naming what a bracket access would climb to (`$json["constructor"]`) or code a constructor would run (`"return process"`). */
const SINK_LITERAL = /constructor|prototype|__|process|require|module|child_|eval|function|global|import/i;

function isMappingExpression(expr: string): boolean {
  TOKEN.lastIndex = 0;
  let refersToData = false;
  let depth = 0;
  let previous = '';
  while (TOKEN.lastIndex < expr.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expr);
    if (m === null) return /^\s*$/.test(expr.slice(at));
    const [, name, number, dq, sq, op] = m;
    if (name !== undefined) {
      if (isTemplateSinkName(name)) return false;
      if (previous !== '.' && DATA_ROOT.test(name)) refersToData = true;
      previous = 'name';
    } else if (number !== undefined) {
      // A Make module's output: a number directly followed by `.name`.
      if (previous !== '.' && expr[TOKEN.lastIndex] === '.' && /[A-Za-z_]/.test(expr[TOKEN.lastIndex + 1] ?? '')) refersToData = true;
      previous = 'number';
    } else if (dq !== undefined || sq !== undefined) {
      if (!PLAIN_LITERAL.test(dq ?? sq ?? '') || SINK_LITERAL.test(dq ?? sq ?? '')) return false;
      previous = 'literal';
    } else {
      if (op === '(' || op === '[') depth++;
      else if ((op === ')' || op === ']') && --depth < 0) return false;
      previous = op;
    }
  }
  return depth === 0 && refersToData;
}

/**
 * The literal text around a low-code tool's mapping expressions (each `{{ … }}` read as a space), or null
 * when `text` is not such a mapping (see the module comment). The expressions are references to data, not
 * a user's words; the text around them is what a user wrote and is scored as any value: a mapping put in
 * front of an injection (`{{1.subject}} ' union select …`) does not hide it.
 */
export function textAroundMappings(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes('{{') || text.includes('\n') || text.includes('\r')) return null;
  let rest = text.charCodeAt(0) === 61 /* = */ ? text.slice(1) : text;
  const literal: string[] = [];
  for (;;) {
    const open = rest.indexOf('{{');
    const before = open < 0 ? rest : rest.slice(0, open);
    // Literal text between expressions: no other template, expression or markup opener.
    if (/[{}<>`]|\$\{|\{%|<%|#\{/.test(before)) return null;
    literal.push(before);
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) return null;
    const expr = rest.slice(open + 2, close);
    if (expr.includes('{') || expr.includes('}') || !isMappingExpression(expr)) return null;
    rest = rest.slice(close + 2);
  }
  if (literal.length === 2 && literal[0].trim() === '' && CONDITION_AROUND.test(literal[1])) return '';
  return literal.length > 1 ? literal.join(' ') : null;
}
