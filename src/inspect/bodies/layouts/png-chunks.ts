import { crc32 } from 'node:zlib';

/**
 * A PNG walked chunk by chunk: signature, then chunks whose lengths chain to IEND at the file's very end and
 * whose CRCs match. Returns the byte ranges ([start, end) pairs) of the chunks that hold text or that this walk
 * does not know (tEXt, iTXt, a private chunk), or null when the bytes are not such a PNG. The signature alone
 * proves nothing: a payload after `\x89PNG\r\n\x1a\n`, or after IEND, is not a PNG's content.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Chunks of pixels, palettes and numbers: no text. zTXt is deflated (its text is not in the bytes). */
const BINARY_CHUNKS = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'tIME',
  'acTL', 'fcTL', 'fdAT', 'eXIf', 'zTXt', 'cICP', 'mDCv', 'cLLI', 'oFFs', 'pCAL', 'sCAL', 'gIFg', 'gIFx', 'sTER', 'dSIG',
]);

/** Most chunks walked: real images have tens, a few hundred with many IDATs. */
const MAX_CHUNKS = 4096;

export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== SIGNATURE[i]) return false;
  return true;
}

const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

export function pngTextRanges(bytes: Buffer): number[] | null {
  if (!isPng(bytes)) return null;
  const text: number[] = [];
  let at = 8;
  for (let n = 0; n < MAX_CHUNKS; n++) {
    if (at + 12 > bytes.length) return null;
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return null;
    for (let i = at + 4; i < at + 8; i++) if (!isLetter(bytes[i])) return null;
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (n === 0 && (type !== 'IHDR' || length !== 13)) return null;
    if (crc32(bytes.subarray(at + 4, end - 4)) !== bytes.readUInt32BE(end - 4)) return null;
    if (type === 'IEND') return end === bytes.length ? text : null;
    if (!BINARY_CHUNKS.has(type) && length > 0) text.push(at + 8, end - 4);
    at = end;
  }
  return null;
}
