/**
 * A line of LaTeX markup, as an online TeX editor saves a document line by line (blind benign set 16, read: Overleaf's
 * `{"lines": ["\\documentclass…", "\\usepackage[utf8]{inputenc}", "\\graphicspath{{figures/}}", …]}`, 0.81–0.96 for
 * single preamble lines; the same document sent whole scores 0). The model reads a backslash before a word as an escape,
 * `{{` as a template and `inputenc` as a file read.
 *
 * `isTexMarkup(text)`: the whole value is control words with their `[options]` and `{arguments}` — braces and brackets
 * balanced, the arguments plain words, numbers, key=value options and relative paths (`sections/intro`, `figures/`),
 * `$…$` math — and none of the control words a LaTeX injection uses to read, write or run files or to define what the
 * check cannot see: `\input`, `\include`, `\InputIfFileExists`, `\lstinputlisting`, `\verbatiminput`, `\import`,
 * `\write`, `\immediate`, `\openin`, `\openout`, `\read`, `\newread`, `\catcode`, `\def`, `\let`, `\csname`,
 * `\expandafter`, `\special`, `\directlua`, `\ShellEscape`, `\href`, `\url`, `\scantokens`, … (rule 9001363 blocks
 * the file reads and `\write18` anyway). A quote, `;`, `|`, `<`, `>`, `#`, `%`, `@`, a backquote, `..`, `^^` (TeX's
 * character notation spells any control word), `${`, `{%`, `#{`, an absolute or home path, and `{{` anywhere but
 * before a folder name and its closing brace (`\graphicspath{{figures/}}`; `{{7*7}}`, `{{config}}` are a template's)
 * keep it scored, as do the shared injection words (`\title{1 OR 1=1}`).
 */

const MAX_CHARS = 512;
/** Every character the markup may hold: no quote, `;`, `|`, `<`, `>`, `#`, `%`, `@` or backquote. */
const CHARS = /^[\p{L}\p{N}\p{M} \t\n\\{}[\]().,:!?=+\-*/_&^~$]+$/u;
/** Also a product of numbers as a whole argument: `{7*7}` is a template probe (Smarty evaluates it), no TeX argument. */
const OPENERS = /\.\.|\^\^|~\/|&&|\$\{|\{%|#\{|\$\(|\{\s*\d+\s*\*\s*\d+\s*\}/;
/** A slash after anything but a name's character: an absolute path (`{/etc/passwd}`, `= /x`). */
const ROOTED_SLASH = /(?:^|[^\p{L}\p{N}_.-])\//u;
/** The control words that read, write or run files, reach a link, or build a name the check cannot see. */
const SINK_WORDS = new Set([
  'input', 'include', 'includeonly', 'inputiffileexists', 'iffileexists', 'lstinputlisting', 'verbatiminput', 'inputminted',
  'import', 'subimport', 'inputfrom', 'subinputfrom', 'includefrom', 'subincludefrom', 'includestandalone', 'includepdf',
  'write', 'immediate', 'openin', 'openout', 'read', 'readline', 'newread', 'newwrite', 'closein', 'closeout',
  'catcode', 'def', 'edef', 'gdef', 'xdef', 'let', 'futurelet', 'csname', 'endcsname', 'expandafter', 'special',
  'directlua', 'luaexec', 'latelua', 'luadirect', 'luacode', 'shellescape', 'href', 'url', 'nolinkurl', 'htmlclass',
  'htmldata', 'htmlid', 'htmlstyle', 'scantokens', 'everyeof', 'everyjob', 'message', 'typeout', 'errmessage', 'jobname',
  'pdffiledump', 'pdfximage', 'filemoddate', 'filesize', 'pdfshellescape', 'outer', 'globaldefs',
]);
/** `\` before a character that is no letter: the symbols a document's text escapes. */
const CONTROL_SYMBOLS = new Set(['\\', ',', ' ', '!', '{', '}', '$', '&', '_', '[', ']', '(', ')', ':', '-', '/']);

/** `injectionWords`: the screen's shared list (screen.ts's INJECTION_WORDS). */
export function isTexMarkup(text: string, injectionWords: RegExp): boolean {
  if (text.length < 4 || text.length > MAX_CHARS || text.charCodeAt(0) !== 92) return false;
  if (!CHARS.test(text) || OPENERS.test(text) || ROOTED_SLASH.test(text) || injectionWords.test(text)) return false;
  let braces = 0;
  let brackets = 0;
  let groups = 0;
  let words = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      let j = i + 1;
      while (j < text.length && /[A-Za-z]/.test(text[j])) j++;
      if (j === i + 1) {
        if (!CONTROL_SYMBOLS.has(text[j] ?? '')) return false;
        i = j;
        continue;
      }
      if (SINK_WORDS.has(text.slice(i + 1, j).toLowerCase())) return false;
      words++;
      i = j - 1;
    } else if (c === '{') {
      // `{{` only as a folder list's first entry: `{{figures/}`.
      if (text[i + 1] === '{' && !/^\{[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*\/\}/u.test(text.slice(i + 1))) return false;
      braces++;
      groups++;
    } else if (c === '}') {
      if (--braces < 0) return false;
    } else if (c === '[') brackets++;
    else if (c === ']' && --brackets < 0) return false;
  }
  return braces === 0 && brackets === 0 && words > 0 && groups > 0;
}
