/**
 * A uuencoded file (`begin 644 name` … `end`), as some uploaders take an archive: Oracle E-Business Suite's
 * Web ADI decodes a `.uue` upload and unzips it (CVE-2022-21587), and mail and news gateways still decode
 * it. Inside the text the archive's entry names are invisible to every rule; decoded, they are what the
 * server unpacks. Pure; bounded by the input (the output is 3/4 of the encoded lines).
 */

/** `begin` and an octal file mode, at the start of the content or of one of its first lines. */
const BEGIN_LINE = /^begin(?:-base64)? [0-7]{3,4} [^\r\n]*\r?\n/m;

/** How far into the content the `begin` line may start (a short preamble: a mail's or a tool's header). */
const MAX_PREAMBLE_BYTES = 1024;

/** Quick test on the first bytes: `begin ` somewhere near the start. */
export function mayBeUuencoded(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_PREAMBLE_BYTES + 16)).toString('latin1');
  return head.includes('begin ');
}

/**
 * The decoded bytes of the first uuencoded block of `bytes`, or null when there is none. A line's first
 * character gives its byte count (`' '` + n; a backquote is 0), then each four characters carry three
 * bytes (each character − 32, six bits). A malformed line ends the block, as `uudecode` stops there.
 */
export function uudecode(bytes: Uint8Array): Buffer | null {
  if (!mayBeUuencoded(bytes)) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const begin = BEGIN_LINE.exec(text.length > MAX_PREAMBLE_BYTES * 4 ? text.slice(0, MAX_PREAMBLE_BYTES * 4) : text);
  if (begin === null || begin.index > MAX_PREAMBLE_BYTES || begin[0].startsWith('begin-base64')) return null;
  const out = Buffer.allocUnsafe(Math.ceil(((text.length - begin.index) * 3) / 4));
  let n = 0;
  let pos = begin.index + begin[0].length;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 0x0d) end--;
    const first = text.charCodeAt(pos);
    const count = (first - 32) & 63;
    if (end === pos || count === 0 || (end - pos === 3 && text.startsWith('end', pos))) break;
    const need = Math.ceil(count / 3) * 4;
    if (end - pos - 1 < need) return n === 0 ? null : out.subarray(0, n);
    for (let produced = 0, k = pos + 1; produced < count; k += 4) {
      const c0 = (text.charCodeAt(k) - 32) & 63;
      const c1 = (text.charCodeAt(k + 1) - 32) & 63;
      const c2 = (text.charCodeAt(k + 2) - 32) & 63;
      const c3 = (text.charCodeAt(k + 3) - 32) & 63;
      out[n++] = ((c0 << 2) | (c1 >> 4)) & 0xff;
      produced++;
      if (produced < count) {
        out[n++] = ((c1 << 4) | (c2 >> 2)) & 0xff;
        produced++;
      }
      if (produced < count) {
        out[n++] = ((c2 << 6) | c3) & 0xff;
        produced++;
      }
    }
    pos = eol + 1;
  }
  return n === 0 ? null : out.subarray(0, n);
}
