import { hexByteAt, hexValue, isWordAfterPercent } from '../text/hex.js';
import { decodeUtf8Lenient, UTF8_INVALID, UTF8_OVERLONG } from '../text/utf8-lenient.js';
import {
  DECODE_FLAG_INVALID_PERCENT,
  DECODE_FLAG_INVALID_UTF8,
  DECODE_FLAG_OVERLONG_UTF8,
  type DecodeContext,
  type Decoder,
} from './decoder.js';
import { TRIGGER_PERCENT, TRIGGER_PLUS } from './triggers.js';

/**
 * True for the invalid percent sequences that are evasions rather than sloppiness: a lone `%` before a
 * space or a letter (`50% off`) is ordinary; `%%35`, `%2g`, `%5` at the end are how IDS-evasion tools
 * smuggle a second decoding round past normalizers that decode once.
 */
function isSuspiciousInvalidPercent(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  if (next === 0x25) return true; // %%35
  if (next === 0x75 || next === 0x55) return false; // %u: the percent-u decoder's business
  return hexValue(next) >= 0 && !isWordAfterPercent(s, i); // %2g, or a lone hex digit at the end; not %Contoso
}

// Decoded bytes of the current run, reused across calls: the hot path allocates no array per value.
let scratch = new Uint8Array(256);

function pushByte(count: number, b: number): number {
  if (count === scratch.length) {
    const grown = new Uint8Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[count] = b;
  return count + 1;
}

/** Decodes the pending run of bytes as (lenient) UTF-8, recording anomalies in the context. */
function textOfBytes(count: number, context: DecodeContext): string {
  if (count === 0) return '';
  const decoded = decodeUtf8Lenient(scratch, 0, count);
  if (decoded.anomalies & UTF8_OVERLONG) context.flags |= DECODE_FLAG_OVERLONG_UTF8;
  if (decoded.anomalies & UTF8_INVALID) context.flags |= DECODE_FLAG_INVALID_UTF8;
  return decoded.text;
}

/**
 * One round of percent-decoding into UTF-8 text. Invalid sequences are kept as they are (that is what
 * most servers do); runs of decoded bytes go through the lenient UTF-8 decoder so `%c0%af` becomes `/`.
 */
export function decodeUrlOnce(s: string, context: DecodeContext): string {
  let out = '';
  let copied = 0; // first char of s not yet copied to out (or to the byte run)
  let pending = 0; // bytes in scratch not yet decoded to out
  let changed = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      const b = hexByteAt(s, i + 1);
      if (b >= 0) {
        if (copied < i) {
          out += textOfBytes(pending, context) + s.slice(copied, i);
          pending = 0;
        }
        pending = pushByte(pending, b);
        changed = true;
        i += 3;
        copied = i;
        continue;
      }
      if (isSuspiciousInvalidPercent(s, i)) context.flags |= DECODE_FLAG_INVALID_PERCENT;
    } else if (c === 0x2b && context.plusAsSpace) {
      out += textOfBytes(pending, context) + s.slice(copied, i) + ' ';
      pending = 0;
      changed = true;
      i++;
      copied = i;
      continue;
    }
    i++;
  }
  if (!changed) return s;
  return out + textOfBytes(pending, context) + s.slice(copied);
}

const formContext: DecodeContext = { plusAsSpace: true, flags: 0 };

/**
 * A query or form name or value as the application reads it: percent-decoded once, `+` as space
 * (returned as is when it holds neither). Anomaly flags are not reported.
 */
export function decodeFormComponent(text: string): string {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text;
  formContext.flags = 0;
  return decodeUrlOnce(text, formContext);
}

export const urlDecoder: Decoder = {
  name: 'url',
  triggers: TRIGGER_PERCENT | TRIGGER_PLUS,
  decode: decodeUrlOnce,
};
