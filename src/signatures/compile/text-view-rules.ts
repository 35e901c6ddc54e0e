/**
 * Which rules read a binary body's text view (match/binary-text-view.ts) instead of its bytes: the rules of a
 * file written for Warden's views (`# warden: packet-views decoded`, the bundled rules) whose contents and
 * pcres spell only printable bytes. A rule that spells a byte outside them (`|AC ED 00 05|`, Java
 * serialization; `MZ|90 00|`, a PE header; `[\x80-\xff]`) looks for binary bytes and reads them as sent; so
 * does every imported rule (a pack's `file_data` and FILE-service rules are written for a file's bytes, and
 * their offsets count from them).
 */
import type { Rule } from '../rule.js';

const isPrintableCode = (c: number): boolean => (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d;

/** Whether every char of a content's bytes (latin1) is printable ASCII, tab, CR or LF. */
export function spellsOnlyPrintable(bytes: string): boolean {
  for (let i = 0; i < bytes.length; i++) if (!isPrintableCode(bytes.charCodeAt(i))) return false;
  return true;
}

/** Escapes naming a control byte: `\a` bell, `\e` escape, `\f` form feed, `\v` vertical tab, `\0` NUL (or octal), `\c` control. */
const CONTROL_ESCAPES = new Set(['a', 'e', 'f', 'v', '0', 'c']);

/**
 * Whether a pcre's source names only printable bytes: no `\xHH`/`\x{…}` outside printable ASCII (in a class
 * range's ends too), no control escape, no literal control or high byte. A class or `.` may still match
 * any byte; the rule's text is what counts, as for a content.
 */
export function pcreSpellsOnlyPrintable(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x5c) {
      if (!isPrintableCode(c)) return false;
      continue;
    }
    const next = source[i + 1];
    if (next === undefined) return true;
    if (CONTROL_ESCAPES.has(next)) return false;
    if (next === 'x') {
      let hex: string;
      if (source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) return false;
        hex = source.slice(i + 3, close);
        i = close;
      } else {
        hex = /^[0-9a-fA-F]{1,2}/.exec(source.slice(i + 2, i + 4))?.[0] ?? '';
        i += 1 + hex.length;
      }
      const value = hex === '' ? 0 : parseInt(hex, 16);
      if (Number.isNaN(value) || !isPrintableCode(value)) return false;
      continue;
    }
    i++; // any other escape (`\d`, `\s`, `\.`, `\\`, …) is one char
  }
  return true;
}

/** Whether the rule reads a binary body's text view: a bundled-style rule spelling only printable bytes. */
export function readsTextView(rule: Rule): boolean {
  if (rule.fileDirectives.packetViews !== 'decoded') return false;
  for (const o of rule.detection) {
    if (o.kind === 'content' && !spellsOnlyPrintable(o.bytes)) return false;
    if (o.kind === 'pcre' && !pcreSpellsOnlyPrintable(o.source)) return false;
  }
  return true;
}
