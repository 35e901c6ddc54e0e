/**
 * A formula of elementary algebra as the whole value: a maths quiz's typed answer (`(x+2)*(x-3)/(x^2-9)`), a
 * calculator's or plotter's input (`sin(x)^2`, `2*pi*r`, `3(x+1)^2`). Blind benign set 17 (read): a STACK answer
 * `(x+2)*(x-3)/(x^2-9)` scored 0.82 — the model reads `)*(` and `^` as a SQL or boolean probe's.
 *
 * The grammar leaves nothing for an injection: numbers, one-letter variables (and `pi`), the elementary functions
 * (`sqrt`, `sin`, `log`, …) called with a bracket, `+ - * / ^` between operands, brackets that balance, spaces. No
 * two letters stand together outside a function's name, so no keyword (`or`, `and`, `select`, `sleep`), name,
 * command or path can be spelled; no quote, `=`, comparison, `;`, `|`, `$`, `{`, `<` or comma. A bare number sum
 * (`1+1`, `7*7`: a template probe's body) is no formula here: a variable or a bracket is required.
 */

/** The elementary functions a maths input calls; each must be followed by `(`. */
const FUNCTIONS = new Set([
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
  'sqrt', 'cbrt', 'exp', 'log', 'ln', 'lg', 'abs', 'floor', 'ceil',
]);

const MAX_LENGTH = 200;

type Last = 'start' | 'operand' | 'operator' | 'function' | 'open';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** Whether `text` is wholly such a formula (module comment). */
export function isArithmeticExpression(text: string): boolean {
  if (text.length < 3 || text.length > MAX_LENGTH) return false;
  let last: Last = 'start';
  let depth = 0;
  let operators = 0;
  let variablesOrBrackets = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      // A number: after an operator, a bracket or the start (`2x`, `3(x+1)` multiply after it, not before).
      if (last === 'operand' || last === 'function') return false;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      }
      last = 'operand';
      continue;
    }
    if (isLetter(c)) {
      let j = i;
      while (j < text.length && isLetter(text.charCodeAt(j))) j++;
      const word = text.slice(i, j).toLowerCase();
      if (last === 'function') return false;
      if (j - i === 1 || word === 'pi') {
        // A variable: after a number it multiplies (`2x`); after another operand it would spell a word.
        if (last === 'operand' && !isDigit(text.charCodeAt(i - 1))) return false;
        variablesOrBrackets++;
        last = 'operand';
      } else if (FUNCTIONS.has(word) && text[j] === '(') {
        if (last === 'operand') return false;
        last = 'function';
      } else {
        return false;
      }
      i = j;
      continue;
    }
    if (c === 40 /* ( */) {
      // A number or a closed bracket multiplies a bracket (`3(x+1)`, `(x+1)(x-1)`); a variable before one would be a call.
      if (last === 'operand' && !(isDigit(text.charCodeAt(i - 1)) || text[i - 1] === ')')) return false;
      depth++;
      variablesOrBrackets++;
      last = 'open';
    } else if (c === 41 /* ) */) {
      if (last !== 'operand' || --depth < 0) return false;
      last = 'operand';
    } else if (c === 43 || c === 45 /* + - */) {
      // A sign may open the formula or a bracket (`-x^2`, `(-1)`).
      if (last === 'operator' || last === 'function') return false;
      operators++;
      last = 'operator';
    } else if (c === 42 || c === 47 || c === 94 /* * / ^ */) {
      if (last !== 'operand') return false;
      operators++;
      last = 'operator';
    } else {
      return false;
    }
    i++;
  }
  return last === 'operand' && depth === 0 && operators > 0 && variablesOrBrackets > 0;
}
