/**
 * A JPEG walked marker by marker: SOI, segments whose lengths chain, entropy-coded scans after each SOS, EOI at
 * the file's very end. Returns the ranges ([start, end) pairs) of the segments that may hold text (COM, the APPn
 * segments other than JFIF, ICC and Adobe's: EXIF's strings, XMP), or null when the bytes are not such a JPEG.
 * `\xff\xd8\xff` alone proves nothing: a payload after it is no segment.
 */

/** APPn segments of binary data: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe). */
const BINARY_APP = new Set([0xe0, 0xe2, 0xee]);

/** Most segments walked. */
const MAX_SEGMENTS = 4096;

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function jpegTextRanges(bytes: Buffer): number[] | null {
  if (!isJpeg(bytes)) return null;
  const text: number[] = [];
  let at = 2;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) return null;
    while (at + 1 < bytes.length && bytes[at + 1] === 0xff) at++; // fill bytes
    if (at + 2 > bytes.length) return null;
    const marker = bytes[at + 1];
    if (marker === 0xd9) return at + 2 === bytes.length ? text : null;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0x00 || marker === 0xd8 || at + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === 0xfe || (marker >= 0xe0 && marker <= 0xef && !BINARY_APP.has(marker))) text.push(at + 4, end);
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data: a 0xff in it is stuffed (ff 00) or a restart marker; any other marker ends the scan.
      for (;;) {
        at = bytes.indexOf(0xff, at);
        if (at < 0 || at + 1 >= bytes.length) return null;
        const next = bytes[at + 1];
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at += 2;
      }
    }
  }
  return null;
}
