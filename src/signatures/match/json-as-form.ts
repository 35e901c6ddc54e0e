/**
 * A JSON body's leaves spelled as the urlencoded form the same endpoint accepts (`&user[name]=value&…`), one
 * segment of pkt_data's decoded view (decoded-views.ts). Frameworks read a form and a JSON body into the same
 * parameters (PHP and Express middleware, Spring, Rails), so a payload that needs a form's `name=value`
 * (`[?&]hook=exec`, `mail[#post_render][]=exec`, a line break right after `=`) was missed sent as JSON: 21 of
 * the 7,184 form-body attacks re-spelled as JSON (datasets/respell-body.ts `form-json`) passed for it (session 33, ev33).
 *
 * A value's quote and backslash stay escaped (`\"`, `\\`), as in the escape-resolved body (unescapeJsonText):
 * unescaped, prose quoting code in a JSON string (`exec(\"ls -la\")`, `for /f \"tokens=*\"`, a sheet's
 * `=HYPERLINK(\"https://…\"&B2)`) read as the code itself, which a JSON client never sent (ev32's 3 benign blocks).
 *
 * The joints' `&` is no text of the request: the prefilter scans the form's `&`s as JOINT_AS_SCANNED. A rule whose literal
 * or second-level condition is a bare `&` (a cmd.exe separator: 9000369, 9000377, 9001676) was otherwise a
 * candidate on every JSON request that held its other literal (`net ` of Intranet, `hostname`, `ping` of shipping:
 * 9000369 on 4.6 % of seed 4242's benign requests, bound 3 %). A rule is a candidate on the form by what its
 * names and values hold (`=exec`, `]`, `=\n`), and its pcre then reads the form with its `&`s.
 */
import type { Target } from '../../inspect/types.js';
import { bodyValuesAsForm } from './body-as-form.js';

/** The via of a JSON body's leaves spelled as a form (`&path=value&…`). */
export const JSON_AS_FORM = 'json-as-form';

/** What the prefilter reads in place of the form's `&`: a byte no UTF-8 text holds and no bundled literal spells. */
export const JOINT_AS_SCANNED = '\xff';

/**
 * A JSON leaf's path (json.ts: `a.b`, `a["x y"]`, `a[0]`) as the form name PHP and `qs` read into the same place:
 * `a[b]`, `a[x y]`, `a[]` (an array's elements, as a form lists them). The rules read a form's brackets
 * (`mail[#post_render][]=exec`, `Profile[as b][__class]=…`), which the dotted path does not spell.
 */
export function formNameOfJsonPath(path: string): string {
  if (path.indexOf('.') < 0 && path.indexOf('[') < 0) return path;
  let out = '';
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '[' && path[i + 1] === '"') {
      let end = i + 2;
      while (end < path.length && path[end] !== '"') end += path[end] === '\\' ? 2 : 1;
      let key: string;
      try {
        key = JSON.parse(path.slice(i + 1, end + 1)) as string;
      } catch {
        key = path.slice(i + 2, end);
      }
      out += out === '' && i === 0 ? key : `[${key}]`;
      i = end + 2;
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      out += '[]';
      i = end < 0 ? path.length : end + 1;
    } else {
      const from = c === '.' ? i + 1 : i;
      let end = from;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      const key = path.slice(from, end);
      out += i === 0 ? key : `[${key}]`;
      i = end;
    }
  }
  return out;
}

/**
 * The body's value targets as a form; null when no leaf has a value or the form would pass `maxChars` (a view's
 * size: DecodedView.add refuses it whole). `values`, when given, gets each value's stretch (pairs: from, to).
 */
export function jsonAsForm(targets: readonly Target[], maxChars: number, values?: number[]): string | null {
  return bodyValuesAsForm(targets, maxChars, leafName, jsonLeafValue, values);
}
const leafName = (t: Target): string => formNameOfJsonPath(t.name);
/** A leaf's value as the form spells it: its quotes and backslashes escaped (see above). */
export const jsonLeafValue = (t: Target): string => (t.raw.indexOf('"') >= 0 || t.raw.indexOf('\\') >= 0 ? t.raw.replace(/["\\]/g, '\\$&') : t.raw);

/**
 * The form (its UTF-8 bytes as latin1 chars) as the prefilter scans it: every `&` JOINT_AS_SCANNED. A joint's is
 * no text of the request; a value's own `&` the prefilter reads in the body as sent (JSON does not escape it, and
 * a `\u0026` is resolved in the escape-resolved body's view), so no literal is lost with it.
 */
export function jsonFormAsScanned(form: string): string {
  return form.replaceAll('&', JOINT_AS_SCANNED);
}
