/**
 * Decodes UTF-8 the way a naive server does, so the WAF sees what the application may see:
 * - overlong forms (`C0 AF`, `E0 80 AF`, and the 5- and 6-byte `F8 80 80 80 AF`, `FC 80 80 80 80 AF`)
 *   decode to the code point they spell (`/`) and are reported, because that is exactly how
 *   CVE-2000-0884 walked past IIS's traversal check;
 * - `C0`/`C1`, which can only ever start an overlong form, mask whatever byte follows as decoders that
 *   skip the continuation check do (`C0 2E`, `C0 6E` → `.`, `C1 1C` → `\`): evasion tools emit
 *   exactly these, and no valid UTF-8 contains them;
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
    if ((b0 === 0xc0 || b0 === 0xc1) && b1 !== undefined && b1 < 0x80) {
      // An overlong lead with an ASCII second byte: a masking decoder reads (b0 & 1) << 6 | (b1 & 0x3f).
      anomalies |= UTF8_OVERLONG | UTF8_INVALID;
      text += String.fromCharCode(((b0 & 0x01) << 6) | (b1 & 0x3f));
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
    if (b0 >= 0xf8 && b0 <= 0xfd) {
      // 5- and 6-byte forms were dropped from UTF-8 in 2003; the only ones seen in requests spell ASCII.
      const n = b0 >= 0xfc ? 6 : 5;
      let cp = b0 & (n === 6 ? 0x01 : 0x03);
      let k = 1;
      while (k < n && i + k < end && isContinuation(bytes[i + k])) {
        cp = (cp << 6) | (bytes[i + k] & 0x3f);
        k++;
      }
      if (k === n && cp < 0x80) {
        anomalies |= UTF8_OVERLONG;
        text += String.fromCharCode(cp);
        i += n;
        continue;
      }
    }
    anomalies |= UTF8_INVALID;
    text += String.fromCharCode(b0);
    i++;
  }
  return { text, anomalies };
}
