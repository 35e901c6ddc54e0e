/**
 * Static module imports quoted alone (issue 14, the `tech-discussion` family's last two false positives:
 * `import { env } from "std-env";` as a chat message's `content` or a snippet's `file`, 0.878). A static
 * `import … from "…"` declaration runs nothing where an injection lands: `eval`, `new Function`, `vm` and a
 * template engine reject it (a SyntaxError outside a module), and it names a module, it calls none of it.
 * What an injection into server-side JavaScript loads a module with is a call — `require('child_process')`,
 * `import('child_process')`, `process.mainModule.require` — with parentheses, so never this shape.
 *
 * `isStaticImportLines(text)`: at most 8 lines, each one declaration: `import x from "m"`, `import { a, b as c }
 * from "m"`, `import * as x from "m"`, `import x, { a } from "m"`, `import type { T } from "m"`, `import "m"`,
 * with a `;` or not; a module specifier of a package name or relative path (letters, digits, `@ _ . / -`,
 * a `node:` prefix, no `..`, no other scheme, no leading `/`). Anything else on a line (a call, a second statement, a template) is
 * not this shape and is judged as before.
 */
const NAMES = '(?:\\{[\\s\\w$,]*\\}|\\*\\s+as\\s+[\\w$]+|[\\w$]+(?:\\s*,\\s*(?:\\{[\\s\\w$,]*\\}|\\*\\s+as\\s+[\\w$]+))?)';
const SPECIFIER = '(?:"(?:node:)?[@\\w.][@\\w./-]*"|\'(?:node:)?[@\\w.][@\\w./-]*\')';
const IMPORT_LINE = new RegExp(`^\\s*import\\s+(?:(?:type\\s+)?${NAMES}\\s+from\\s+)?${SPECIFIER}\\s*;?\\s*$`);

export function isStaticImportLines(text: string): boolean {
  if (text.length > 1024 || !text.includes('import') || text.includes('..')) return false;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.length <= 8 && lines.every((l) => IMPORT_LINE.test(l));
}
