/**
 * Patterns in real OpenAPI documents are often written for Java (AWS, many generated SDKs):
 * `\p{Print}`, `\p{Alpha}`, `\p{IsLetter}`. JavaScript has no POSIX classes, so each is rewritten to
 * the ASCII set Java gives it (java.util.regex.Pattern, without UNICODE_CHARACTER_CLASS), and
 * `\p{IsX}` to `\p{X}`. Anything else is left as written.
 */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** The pattern with Java-only classes rewritten, or null when it has none. */
export function rewriteJavaClasses(pattern: string): string | null {
  let out = '';
  let inClass = false;
  let changed = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const m = /^\\([pP])\{(Is)?([A-Za-z]+)\}/.exec(pattern.slice(i));
      if (m !== null && (POSIX[m[3]] !== undefined || m[2] !== undefined)) {
        const negated = m[1] === 'P';
        const posix = POSIX[m[3]];
        if (posix !== undefined && !(negated && inClass)) out += inClass ? posix : `[${negated ? '^' : ''}${posix}]`;
        else out += `\\${m[1]}{${m[3]}}`;
        i += m[0].length - 1;
        changed = true;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return changed ? out : null;
}
