/**
 * A Windows registry export saved or uploaded whole is settings, not an injection (blind benign set 12, read: a `.reg`
 * of Chrome policies uploaded to an RMM console, 0.88 — `"HomepageLocation"="https://…"` reads as a quote breakout).
 *
 * `isRegistryFile(text)`: the header regedit writes (`Windows Registry Editor Version 5.00` or `REGEDIT4`), then lines
 * that are empty, `;` comments, `[HKEY_…\…]` key paths (`[-HKEY_…]` to delete one), and value lines `"name"=data` or
 * `@=data` whose data is a double-quoted string (backslash escapes), `dword:` and eight hex digits, `hex(n):` byte
 * lists with their `\` continuation lines, or `-`; two values at least. A string holding a single quote, `<`, `>`, a
 * backquote or `$` keeps the file scored: those are what a payload meant for the page showing the value would need.
 */

const MAX_CHARS = 16384;
const HEADER = /^(?:\uFEFF)?(?:Windows Registry Editor Version 5\.00|REGEDIT4)$/;
const KEY = /^\[-?HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)(?:\\[^\]\\\r\n]{1,255}){0,32}\]$/;
const COMMENT = /^;[^\r\n]*$/;
const VALUE = /^(?:"(?:[^"\\]|\\[\\"]){0,255}"|@)=(?:"(?:[^"\\'<>`$]|\\[\\"]){0,2048}"|dword:[0-9A-Fa-f]{8}|hex(?:\([0-9A-Fa-f]{1,2}\))?:(?:[0-9A-Fa-f]{2}(?:,[0-9A-Fa-f]{2})*,?)?\\?|-)$/;
const HEX_CONTINUATION = /^[0-9A-Fa-f]{2}(?:,[0-9A-Fa-f]{2})*,?\\?$/;

export function isRegistryFile(text: string): boolean {
  if (text.length > MAX_CHARS || (text.charCodeAt(0) !== 87 && text.charCodeAt(0) !== 82 && text.charCodeAt(0) !== 0xfeff)) return false;
  const lines = text.split(/\r?\n/);
  if (!HEADER.test(lines[0])) return false;
  let values = 0;
  let continued = false;
  for (let i = 1; i < lines.length; i++) {
    const line: string = continued ? lines[i].trim() : lines[i];
    if (continued) {
      if (!HEX_CONTINUATION.test(line)) return false;
      continued = line.endsWith('\\');
      continue;
    }
    if (line === '' || KEY.test(line) || COMMENT.test(line)) continue;
    if (!VALUE.test(line)) return false;
    values++;
    continued = line.endsWith('\\') && /=hex/.test(line);
  }
  return values >= 2 && !continued;
}
