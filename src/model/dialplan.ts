/**
 * An Asterisk dialplan saved whole is call routing, not an injection (blind benign set 11, read: FreePBX's custom
 * contexts, `[from-internal-custom]` / `exten => _9NXXNXXXXXX,1,Set(CALLERID(num)=${OUTBOUND_CID})` / `same =>
 * n,Dial(PJSIP/${EXTEN:1}@trunk,60,tTr)`, 0.99 for its `${…}`, `=>` and calls).
 *
 * `isDialplan(text)`: lines that are empty, a `;` comment, a `[context]` header, `include => context`, or an extension
 * line — `exten =>` a pattern, a priority (a number, `n`, `s` or `hint`, with an optional `(label)`), an application
 * and its arguments in balanced parentheses, or `same =>` a priority and an application — with two extension lines at
 * least. The arguments hold variables (`${EXTEN:1}`), functions (`CALLERID(num)`), channels and numbers; no quote but
 * `"`, no backquote, `;`, `|`, `<`, `>` or `$(`. The applications and functions that run a command, a script or a
 * query, read or write a file or fetch a URL (`System`, `TrySystem`, `AGI`, `EAGI`, `Exec`, `ExecIf`, `SHELL()`,
 * `FILE()`, `CURL()`, `ODBC_…`, `REALTIME…`) keep the text scored, as does anything else in it.
 */

import { trimmedLines } from './text-lines.js';

const MAX_CHARS = 8192;
const CONTEXT = /^\[[\w.-]{1,64}\](?:\([\w,+!-]{0,64}\))?$/;
const COMMENT = /^;/;
const INCLUDE = /^include\s*=>?\s*[\w.-]{1,64}$/i;
const EXTENSION = /^(?:exten\s*=>?\s*_?[\w*#+.![\]-]{1,80},|same\s*=>?\s*)(?:\d{1,4}|n|s|hint)(?:\([\w-]{1,32}\))?(?:\+\d{1,3})?,([A-Za-z][\w]{0,39})\((.{0,512})\)$/;
const ARGUMENT_CHARS = /^[\w${}[\]():,.=@/+*#!&%^~?\s"-]*$/;
const RUNNING_APP = /^(?:System|TrySystem|AGI|EAGI|DeadAGI|AsyncAGI|Exec|ExecIf|ExecIfTime|Macro|GoSubIf|Eval)$/i;
const RUNNING_FUNCTION = /\b(?:SHELL|FILE|FILE_COUNT_LINE|CURL|CURLOPT|ODBC\w*|SQL\w*|REALTIME\w*|EVAL|STAT|SYSINFO|EXCEPTION)\s*\(/i;

function balanced(args: string): boolean {
  let depth = 0;
  for (const c of args) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

export function isDialplan(text: string): boolean {
  if (text.length > MAX_CHARS || !text.includes('=>') || !/^\s*(?:\[|exten\b|;)/i.test(text)) return false;
  let extensions = 0;
  for (const line of trimmedLines(text)) {
    if (line === '' || COMMENT.test(line) || CONTEXT.test(line) || INCLUDE.test(line)) continue;
    const m = EXTENSION.exec(line);
    if (m === null) return false;
    const [, app, args] = m;
    if (RUNNING_APP.test(app) || !ARGUMENT_CHARS.test(args) || args.includes('$(') || RUNNING_FUNCTION.test(args) || !balanced(args)) return false;
    extensions++;
  }
  return extensions >= 2;
}
