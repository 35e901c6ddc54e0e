import { hexValue } from '../text/hex.js';
import { DECODE_FLAG_PERCENT_U, type DecodeContext, type Decoder } from './decoder.js';
import { TRIGGER_PERCENT } from './triggers.js';

function hex4At(s: string, i: number): number {
  if (i + 4 > s.length) return -1;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = hexValue(s.charCodeAt(i + k));
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

/** IIS-style `%uXXXX` (one UTF-16 code unit each); `%u` without four hex digits is left as-is. */
export function decodePercentU(s: string, context: DecodeContext): string {
  let out = '';
  let copied = 0;
  let i = s.indexOf('%');
  while (i >= 0 && i < s.length) {
    const u = s.charCodeAt(i + 1);
    if (u === 0x75 || u === 0x55) {
      const v = hex4At(s, i + 2);
      if (v >= 0) {
        out += s.slice(copied, i) + String.fromCharCode(v);
        copied = i + 6;
        context.flags |= DECODE_FLAG_PERCENT_U;
        i = s.indexOf('%', copied);
        continue;
      }
    }
    i = s.indexOf('%', i + 1);
  }
  if (copied === 0) return s;
  return out + s.slice(copied);
}

export const percentUDecoder: Decoder = {
  name: 'percent-u',
  triggers: TRIGGER_PERCENT,
  decode: decodePercentU,
};
