import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_PLUS } from './triggers.js';

/** Modified-base64 value of an ASCII code (RFC 2152: A-Z a-z 0-9 + /), -1 outside the alphabet. */
const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Decodes one `+…` shift run starting after the `+` at `start`; returns [text, end] where `end` is
 * past the run (and past a closing `-`), or null when the run does not spell printable ASCII.
 * Only ASCII counts: UTF-7 as an evasion (`+ADw-script+AD4-`) hides markup and quotes, while the `+`
 * of ordinary text (`C++`, `+49 30`, `a+b` as a space) decodes to one stray CJK unit or to nothing.
 */
function shiftRunAt(s: string, start: number): [string, number] | null {
  let bits = 0;
  let acc = 0;
  let out = '';
  let i = start;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64[c] : -1;
    if (v < 0) break;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 16) {
      bits -= 16;
      const unit = (acc >> bits) & 0xffff;
      if (unit < 0x09 || unit > 0x7e || (unit > 0x0d && unit < 0x20)) return null;
      out += String.fromCharCode(unit);
    }
  }
  if (out.length === 0) return null;
  return [out, s.charCodeAt(i) === 0x2d ? i + 1 : i];
}

/** UTF-7 shift runs that spell ASCII (`+ADw-` → `<`); `+-` is a literal `+`. Other text stays as it is. */
export function decodeUtf7(s: string, _context: DecodeContext): string {
  let out = '';
  let copied = 0;
  let decoded = false;
  let i = s.indexOf('+');
  while (i >= 0) {
    const run = shiftRunAt(s, i + 1);
    if (run !== null) {
      out += s.slice(copied, i) + run[0];
      copied = run[1];
      decoded = true;
      i = s.indexOf('+', copied);
    } else {
      i = s.indexOf('+', i + 1);
    }
  }
  if (!decoded) return s;
  return out + s.slice(copied);
}

export const utf7Decoder: Decoder = {
  name: 'utf7',
  triggers: TRIGGER_PLUS,
  decode: decodeUtf7,
};
