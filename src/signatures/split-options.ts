/**
 * Splits the text between a rule's parentheses into `name[:value]` options. `;` inside quotes belongs
 * to the value, except that a pcre value ends at the quote that follows its flags: ET sid 2019728 has
 * a bare `"` inside its regex, which a plain quote toggle would misread.
 */
import { ruleSyntaxError } from './errors.js';

export interface RawOption {
  /** Lower-cased keyword. */
  name: string;
  /** Text after the first `:`, trimmed; null when the option has no value. */
  value: string | null;
}

export function splitRuleOptions(body: string): RawOption[] {
  const options: RawOption[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && (body[i] === ' ' || body[i] === '\t' || body[i] === '\r' || body[i] === '\n' || body[i] === ';')) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && body[j] !== ':' && body[j] !== ';') j++;
    const name = body.slice(i, j).trim().toLowerCase();
    if (name.length === 0) throw ruleSyntaxError(`empty option name at offset ${i}`);
    if (j >= n || body[j] === ';') {
      options.push({ name, value: null });
      i = j + 1;
      continue;
    }
    const valueStart = j + 1;
    const end = name === 'pcre' ? findPcreEnd(body, valueStart) : findValueEnd(body, valueStart);
    options.push({ name, value: body.slice(valueStart, end).trim() });
    i = end + 1;
  }
  return options;
}

function findValueEnd(body: string, start: number): number {
  let inQuotes = false;
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ';' && !inQuotes) return i;
  }
  if (inQuotes) throw ruleSyntaxError('unterminated quoted value');
  // The last option may lack its `;` (Snort 3).
  return body.length;
}

const PCRE_FLAG = /[A-Za-z]/;

/** A pcre value ends at a `"` preceded by `/flags` and followed by optional spaces and `;` (or the end). */
function findPcreEnd(body: string, start: number): number {
  let open = start;
  while (open < body.length && body[open] !== '"') {
    if (body[open] === ';') return open; // unquoted value, let the pcre keyword complain
    open++;
  }
  for (let i = open + 1; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] !== '"') continue;
    let k = i + 1;
    while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
    if (k < body.length && body[k] !== ';') continue;
    let f = i - 1;
    while (f > open && PCRE_FLAG.test(body[f])) f--;
    if (body[f] === '/' && f > open + 1) return k < body.length ? k : body.length;
  }
  return findValueEnd(body, start);
}
