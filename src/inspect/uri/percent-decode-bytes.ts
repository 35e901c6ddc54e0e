import { hexByteAt, hexValue, isWordAfterPercent } from '../text/hex.js';
import { percentUSpellsSyntax } from '../decoders/percent-u.js';

/** What the byte-level decoder met, for findings. */
export const BYTES_INVALID_PERCENT = 1;
export const BYTES_PERCENT_U = 2;
export const BYTES_OVERLONG = 4;

export interface DecodedBytes {
  /** Latin-1 string, one char per byte. */
  bytes: string;
  anomalies: number;
}

function utf8BytesOf(codeUnit: number): string {
  // Full-width ASCII (U+FF01..U+FF5E) is what IIS best-fit maps %uFF0E to: '.'.
  if (codeUnit >= 0xff01 && codeUnit <= 0xff5e) return String.fromCharCode(codeUnit - 0xfee0);
  if (codeUnit < 0x80) return String.fromCharCode(codeUnit);
  return Buffer.from(String.fromCharCode(codeUnit), 'utf8').toString('latin1');
}

/**
 * One round of percent-decoding the way Snort's http_inspect builds `http_uri`: bytes out (latin1),
 * `%uXXXX` decoded (IIS), invalid sequences kept, `+` as space when asked (query only).
 */
export function percentDecodeToBytes(s: string, plusAsSpace: boolean): DecodedBytes {
  let anomalies = 0;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      const b = hexByteAt(s, i + 1);
      if (b >= 0) {
        out += s.slice(copied, i) + String.fromCharCode(b);
        i += 3;
        copied = i;
        continue;
      }
      const u = s.charCodeAt(i + 1) | 0x20;
      if (u === 0x75 && i + 6 <= s.length) {
        let v = 0;
        let k = 2;
        for (; k < 6; k++) {
          const h = hexValue(s.charCodeAt(i + k));
          if (h < 0) break;
          v = (v << 4) | h;
        }
        if (k === 6) {
          out += s.slice(copied, i) + utf8BytesOf(v);
          if (percentUSpellsSyntax(v)) anomalies |= BYTES_PERCENT_U;
          i += 6;
          copied = i;
          continue;
        }
      }
      if (s.charCodeAt(i + 1) === 0x25 || (hexValue(s.charCodeAt(i + 1)) >= 0 && !isWordAfterPercent(s, i))) anomalies |= BYTES_INVALID_PERCENT;
    } else if (c === 0x2b && plusAsSpace) {
      out += s.slice(copied, i) + ' ';
      copied = i + 1;
    }
    i++;
  }
  if (copied === 0) return { bytes: s, anomalies };
  return { bytes: out + s.slice(copied), anomalies };
}

const OVERLONG_ASCII = /[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x81][\x80-\xbf]/g;

/**
 * Overlong UTF-8 spellings of ASCII (`C0 AF`, `E0 80 AF`) collapse to the ASCII byte a naive decoder
 * produces, so `..%c0%af..` is simplified like `../..`.
 */
export function collapseOverlongAscii(bytes: string): DecodedBytes {
  OVERLONG_ASCII.lastIndex = 0;
  if (!OVERLONG_ASCII.test(bytes)) return { bytes, anomalies: 0 };
  const out = bytes.replace(OVERLONG_ASCII, (seq) => {
    const cp =
      seq.length === 2
        ? ((seq.charCodeAt(0) & 0x1f) << 6) | (seq.charCodeAt(1) & 0x3f)
        : ((seq.charCodeAt(1) & 0x3f) << 6) | (seq.charCodeAt(2) & 0x3f);
    return String.fromCharCode(cp);
  });
  return { bytes: out, anomalies: BYTES_OVERLONG };
}
