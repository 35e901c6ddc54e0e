/**
 * An Azure Resource Manager template expression as a whole value (`[toLower(concat('st', uniqueString(resourceGroup().id)))]`,
 * `[parameters('siteName')]`, `[resourceId('Microsoft.Web/serverfarms', variables('planName'))]`): every string of an ARM
 * template that opens with `[` and closes with `]` is one, and a deployment, a template spec or a policy definition
 * carries dozens (blind benign set 17's iacedit/6, read: a variable's value, 0.84 — the model reads `('st', …)` as a
 * quote closed into SQL).
 *
 * `isArmExpression(text, injectionWords)`: one call of a template function from ARM's own list, its arguments calls,
 * single-quoted literals (`''` is a quote inside one), numbers or `true`/`false`/`null`, each call followed by property
 * accesses (`.id`, `.properties.defaultHostName`) or an index; brackets balance. A literal holds words, numbers, spaces
 * and `.:/,=;{}@#+_-` only, no `--` and no injection word of the shared list, so no SQL, markup, template or command
 * rides inside it; outside the literals only the grammar's names and marks stand. The function list keeps names any
 * other engine runs (`exec`, `system`, `eval`, `require`) out: ARM has no such function.
 */

/** ARM template functions (array, comparison, date, deployment, logical, numeric, object, resource, string, lambda). */
const FUNCTIONS = new Set([
  'array', 'concat', 'contains', 'createarray', 'createobject', 'empty', 'first', 'flatten', 'indexof', 'intersection', 'items', 'join', 'json',
  'last', 'lastindexof', 'length', 'max', 'min', 'range', 'skip', 'take', 'union', 'coalesce', 'equals', 'greater', 'greaterorequals', 'less',
  'lessorequals', 'datetimeadd', 'datetimefromepoch', 'datetimetoepoch', 'utcnow', 'deployment', 'environment', 'parameters', 'variables',
  'and', 'bool', 'false', 'if', 'not', 'or', 'true', 'add', 'copyindex', 'div', 'float', 'int', 'mod', 'mul', 'sub', 'null', 'objectkeys',
  'shallowmerge', 'tryget', 'extensionresourceid', 'list', 'listkeys', 'listsecrets', 'listaccountsas', 'pickzones', 'providers', 'reference',
  'references', 'resourceid', 'resourcegroup', 'subscription', 'subscriptionresourceid', 'managementgroup', 'managementgroupresourceid', 'tenant',
  'tenantresourceid', 'base64', 'base64tojson', 'base64tostring', 'datauri', 'datauritostring', 'endswith', 'format', 'guid', 'newguid',
  'padleft', 'replace', 'split', 'startswith', 'string', 'substring', 'tolower', 'toupper', 'trim', 'uniquestring', 'uri', 'uricomponent',
  'uricomponenttostring', 'filter', 'map', 'reduce', 'sort', 'toobject', 'lambda', 'parsecidr', 'cidrsubnet', 'cidrhost',
]);

const MAX_CHARS = 1024;
/** One token: a name, a literal (quotes doubled inside), a number, or a mark of the grammar. */
const TOKEN = /\s*(?:([A-Za-z][A-Za-z0-9]{0,63})|'((?:[^']|'')*)'|(-?\d{1,12}(?:\.\d{1,6})?)|([(),.[\]]))/y;
const LITERAL_CONTENT = /^[\p{L}\p{N} .:/,=;{}@#+_-]{0,200}$/u;

type Last = 'start' | 'name' | 'value' | 'open' | 'comma' | 'dot';

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS; an argument, so no import cycle). */
export function isArmExpression(text: string, injectionWords: RegExp): boolean {
  if (text.length < 5 || text.length > MAX_CHARS || text[0] !== '[' || text[text.length - 1] !== ']' || text[1] === '[') return false;
  const body = text.slice(1, -1);
  TOKEN.lastIndex = 0;
  let last: Last = 'start';
  const open: string[] = [];
  let calls = 0;
  while (TOKEN.lastIndex < body.length) {
    const m = TOKEN.exec(body);
    if (m === null) return false;
    const [, name, literal, number, mark] = m;
    if (name !== undefined) {
      if (last === 'dot') {
        last = 'value'; // a property access
        continue;
      }
      if (last === 'value' || last === 'name' || !FUNCTIONS.has(name.toLowerCase()) || body[TOKEN.lastIndex] !== '(') return false;
      calls++;
      last = 'name';
    } else if (literal !== undefined || number !== undefined) {
      if (last === 'value' || last === 'name' || last === 'dot' || last === 'start') return false;
      if (literal !== undefined && (!LITERAL_CONTENT.test(literal.replace(/''/g, '')) || literal.includes('--') || injectionWords.test(literal))) return false;
      last = 'value';
    } else if (mark === '(') {
      if (last !== 'name') return false;
      open.push('(');
      last = 'open';
    } else if (mark === '[') {
      // An index after a value (`split(x, '/')[0]`).
      if (last !== 'value') return false;
      open.push('[');
      last = 'open';
    } else if (mark === ')' || mark === ']') {
      const o = open.pop();
      if (o === undefined || (o === '(') !== (mark === ')') || (last !== 'value' && !(last === 'open' && mark === ')'))) return false;
      last = 'value';
    } else if (mark === ',') {
      if (last !== 'value' || open.at(-1) !== '(') return false;
      last = 'comma';
    } else {
      // `.`: a property access after a value.
      if (last !== 'value') return false;
      last = 'dot';
    }
  }
  return last === 'value' && open.length === 0 && calls > 0;
}
