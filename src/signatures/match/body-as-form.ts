/**
 * A body's value targets spelled as the urlencoded form the same endpoint accepts (`&name=value&…`): the one
 * loop behind a multipart body's fields (decoded-views.ts, MULTIPART_AS_FORM) and a JSON body's leaves
 * (json-as-form.ts, JSON_AS_FORM), each with its own spelling of a name and a value.
 */
import type { Target } from '../../inspect/types.js';

/**
 * The form, or null when no value target is in it or it would pass `maxChars` (a view's size: DecodedView.add
 * refuses it whole, so an upload's file parts are not copied into one string for nothing). `values`, when given,
 * gets each value's stretch (pairs: from, to); `texts`, each value as spelled.
 */
export function bodyValuesAsForm(
  targets: readonly Target[],
  maxChars: number,
  nameOf: (target: Target) => string,
  valueOf: (target: Target) => string,
  values?: number[],
  texts?: string[],
): string | null {
  let form = '';
  for (const t of targets) {
    if (t.location !== 'body' || t.role !== 'value') continue;
    const value = valueOf(t);
    form += `&${nameOf(t)}=`;
    values?.push(form.length, form.length + value.length);
    texts?.push(value);
    form += value;
    if (form.length > maxChars) return null;
  }
  return form === '' ? null : form;
}
