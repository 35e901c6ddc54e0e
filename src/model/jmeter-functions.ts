/**
 * A load-test plan's function and variable references are test data, not an expression injection (issue 14,
 * session 25: blind benign set 7's JMeter sampler path `/api/search?q=${__urlencode(${term})}&page=${__Random(1,5)}`,
 * 0.98, saved through an API tool's collection).
 *
 * JMeter writes a value that varies per request as `${name}` (a variable) and `${__function(args)}` (a built-in
 * function: `__Random`, `__time`, `__UUID`, `__urlencode` …), the arguments plain text or variables. An
 * expression-language probe in the same braces computes or reaches for classes (`${7*7}`,
 * `${T(java.lang.Runtime).getRuntime().exec('id')}`, `${jndi:ldap://…}`, `${env:HOME}`), and JMeter's own functions
 * that run code or touch files (`__groovy`, `__javaScript`, `__jexl3`, `__BeanShell`, `__eval`, `__evalVar`,
 * `__FileToString`, `__StringToFile`, `__CSVRead`, `__log`) are no test data either.
 *
 * `textAroundJmeterRefs(text)` (not null): the value (one line, at most 2,000 characters) holds at least one
 * `${__function(…)}` of the list below, every `${…}` in it is such a call or a variable `${name}`, and the
 * arguments are plain text (letters, digits, `space _ . , : / + - |`), variables or such calls; the literal text
 * around them holds no other `{`, `}`, `$`, markup or backtick. The references are not scored; the text around
 * them is (a reference put in front of an injection does not hide it), and a rule's hit still decides.
 */

const MAX_CHARS = 2000;

const FUNCTIONS = new Set(
  ('urlencode urldecode Random RandomString RandomDate RandomFromMultipleVars UUID time timeShift dateTimeConvert counter threadNum ' +
    'threadGroupName intSum longSum P property V escapeHtml unescapeHtml escapeXml unescape char machineName machineIP TestPlanName split ' +
    'isVarDefined isPropDefined changeCase digest').split(' ').map((s) => s.toLowerCase()),
);

const VARIABLE = /\$\{[A-Za-z_][\w.-]{0,63}\}/g;
const CALL = /\$\{__([A-Za-z]\w{0,31})\(([\w .,:/+|\uE000-]{0,200})\)\}/g;

export function textAroundJmeterRefs(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes('${__') || text.includes('\n') || text.includes('\r')) return null;
  let rest = text;
  let calls = 0;
  // Innermost first: variables, then calls whose arguments are plain, until nothing changes (nested calls).
  for (let round = 0; round < 4; round++) {
    const before = rest;
    rest = rest.replace(VARIABLE, '\uE000');
    let bad = false;
    rest = rest.replace(CALL, (_m, name: string) => {
      if (!FUNCTIONS.has(name.toLowerCase())) bad = true;
      calls++;
      return '\uE000';
    });
    if (bad) return null;
    if (rest === before) break;
  }
  // What is left around the references must be literal text.
  if (calls === 0 || /[{}$<>`]/.test(rest)) return null;
  return rest.split('\uE000').join(' ');
}
