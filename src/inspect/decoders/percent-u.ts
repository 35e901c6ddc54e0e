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

/**
 * Whether a `%uXXXX` unit is the evasion kind: ASCII (`%u0027`), full-width ASCII (`%uff1c`), a
 * slash look-alike (`%u2215`) or a private-use unit some IIS versions mapped to `/` (`%uf025`), which
 * no encoder writes for text. JavaScript's `escape()` and .NET's
 * `UrlEncodeUnicode` write every other character this way (`%u4E2D`, `%u201C`, `%u00e9`): legacy pages
 * still send them, and the decoded text is inspected like any other, so they are not flagged.
 */
export function percentUSpellsSyntax(v: number): boolean {
  return v < 0x80 || (v >= 0xff01 && v <= 0xff5e) || v === 0x2215 || v === 0x2216 || v === 0x2044 || v === 0x29f5 || v === 0x29f8 || v === 0xfe68 || (v >= 0xe000 && v <= 0xf8ff);
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
        if (percentUSpellsSyntax(v)) context.flags |= DECODE_FLAG_PERCENT_U;
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
