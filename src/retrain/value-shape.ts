/**
 * The shape of a field value that per-endpoint learning compares: its structural tokens — runs of
 * punctuation (`</`, `="`, `');`), names in markup/code position (`<b`, `href=`, `alert(`,
 * `javascript:`), line breaks, and a fixed list of injection keywords. Plain words are left out on
 * purpose: a rich-text field carries any English, but the set of tags, attributes and punctuation it
 * uses is small and stable, and an attack almost always brings one it never had (`<svg`, `onload=`,
 * `union`). A line break is one of those too: a field whose labelled values were all one line (a file
 * path, a name) has no business passing `/\r/evil.example` or a second header line.
 */
const KEYWORDS = new Set([
  'select', 'union', 'insert', 'update', 'delete', 'drop', 'from', 'where', 'sleep', 'benchmark', 'waitfor', 'exec', 'execute',
  'declare', 'cast', 'convert', 'load_file', 'outfile', 'information_schema', 'script', 'alert', 'prompt', 'confirm', 'eval',
  'document', 'cookie', 'window', 'location', 'iframe', 'svg', 'onerror', 'onload', 'javascript', 'vbscript', 'expression',
  'import', 'require', 'system', 'passwd', 'shadow', 'cmd', 'powershell', 'wget', 'curl', 'bash', 'nc', 'xp_cmdshell', 'etc',
  // Command-injection probes: `127.0.0.1 uname -a` carries no punctuation a file path lacks.
  'uname', 'whoami',
]);

const MAX_TOKENS = 256;
const MAX_PUNCT_RUN = 4;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Structural tokens of one text (bounded: a huge value is judged on its first MAX_TOKENS tokens). */
export function structuralTokens(text: string, out: Set<string> = new Set()): Set<string> {
  let i = 0;
  const n = text.length;
  let prevPunct = '';
  while (i < n && out.size < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (isLineBreak(c)) out.add(c === 10 ? '\n' : '\r');
      i++;
      prevPunct = '';
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j).toLowerCase();
      const next = j < n ? text[j] : '';
      if (prevPunct.endsWith('<') || prevPunct.endsWith('</')) out.add(`${prevPunct.slice(-2) === '</' ? '</' : '<'}${word}`);
      if (next === '=' || next === '(' || next === ':') out.add(`${word}${next}`);
      if (KEYWORDS.has(word)) out.add(word);
      prevPunct = '';
      i = j;
      continue;
    }
    let j = i;
    while (j < n && !isWordChar(text.charCodeAt(j)) && !isSpace(text.charCodeAt(j))) j++;
    const run = text.slice(i, j);
    // Long runs (`-----`, `));--`) are cut into pieces so a little extra punctuation is not a new token.
    for (let k = 0; k < run.length; k += MAX_PUNCT_RUN) out.add(run.slice(k, k + MAX_PUNCT_RUN));
    prevPunct = run;
    i = j;
  }
  return out;
}
