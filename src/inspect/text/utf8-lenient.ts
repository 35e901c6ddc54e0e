/**
 * Decodes UTF-8 the way a naive server does, so the WAF sees what the application may see:
 * - overlong forms (`C0 AF`, `E0 80 AF`) decode to the code point they spell (`/`) and are reported,
 *   because that is exactly how CVE-2000-0884 walked past IIS's traversal check;
 * - a byte that starts no valid sequence becomes the Latin-1 character of that byte (not U+FFFD), so
 *   payloads mixing raw high bytes with ASCII (GBK-style `%bf%27` quote smuggling) keep their ASCII.
 */
export const UTF8_OVERLONG = 1;
export const UTF8_INVALID = 2;

export interface Utf8Decoded {
  text: string;
  /** UTF8_* bits. */
  anomalies: number;
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

export function decodeUtf8Lenient(bytes: ArrayLike<number>, start = 0, end = bytes.length): Utf8Decoded {
  let text = '';
  let anomalies = 0;
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      text += String.fromCharCode(b0);
      i++;
      continue;
    }
    const b1 = i + 1 < end ? bytes[i + 1] : undefined;
    const b2 = i + 2 < end ? bytes[i + 2] : undefined;
    const b3 = i + 3 < end ? bytes[i + 3] : undefined;
    if ((b0 & 0xe0) === 0xc0 && isContinuation(b1)) {
      const cp = ((b0 & 0x1f) << 6) | (b1! & 0x3f);
      if (cp < 0x80) anomalies |= UTF8_OVERLONG;
      text += String.fromCharCode(cp);
      i += 2;
      continue;
    }
    if ((b0 & 0xf0) === 0xe0 && isContinuation(b1) && isContinuation(b2)) {
      const cp = ((b0 & 0x0f) << 12) | ((b1! & 0x3f) << 6) | (b2! & 0x3f);
      if (cp < 0x800) anomalies |= UTF8_OVERLONG;
      else if (cp >= 0xd800 && cp <= 0xdfff) anomalies |= UTF8_INVALID; // CESU-8 surrogate halves
      text += String.fromCharCode(cp);
      i += 3;
      continue;
    }
    if ((b0 & 0xf8) === 0xf0 && isContinuation(b1) && isContinuation(b2) && isContinuation(b3)) {
      const cp = ((b0 & 0x07) << 18) | ((b1! & 0x3f) << 12) | ((b2! & 0x3f) << 6) | (b3! & 0x3f);
      if (cp < 0x10000) anomalies |= UTF8_OVERLONG;
      if (cp > 0x10ffff) {
        anomalies |= UTF8_INVALID;
        text += String.fromCharCode(b0);
        i++;
        continue;
      }
      text += String.fromCodePoint(cp);
      i += 4;
      continue;
    }
    anomalies |= UTF8_INVALID;
    text += String.fromCharCode(b0);
    i++;
  }
  return { text, anomalies };
}
