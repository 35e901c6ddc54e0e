import { isPng } from './png-chunks.js';

/**
 * A Windows icon or cursor: its directory (reserved 0, type 1 or 2, image count), then each image at its
 * directory entry's offset and size, inside the file and after the directory, a PNG or a DIB (a 40-byte
 * BITMAPINFOHEADER). Returns the ranges ([start, end) pairs) no image or directory covers (where text could
 * hide), or null when the bytes are not such a file. Its pixels are no text: the model scored bitmap runs of
 * IDLE's icon at 0.999 (lead's upload probes, session 37).
 */
const MAX_IMAGES = 256;

export function icoTextRanges(bytes: Buffer): number[] | null {
  if (bytes.length < 22 || bytes.readUInt16LE(0) !== 0) return null;
  const type = bytes.readUInt16LE(2);
  const count = bytes.readUInt16LE(4);
  if ((type !== 1 && type !== 2) || count === 0 || count > MAX_IMAGES) return null;
  const directoryEnd = 6 + 16 * count;
  if (directoryEnd > bytes.length) return null;
  const images: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    if (bytes[entry + 3] !== 0) return null; // reserved
    const size = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    if (size < 40 || offset < directoryEnd || offset + size > bytes.length) return null;
    if (!isPng(bytes.subarray(offset)) && bytes.readUInt32LE(offset) !== 40) return null;
    images.push([offset, offset + size]);
  }
  images.sort((a, b) => a[0] - b[0]);
  const text: number[] = [];
  let covered = directoryEnd;
  for (const [start, end] of images) {
    if (start < covered && end > covered) return null; // overlapping images
    if (start > covered) text.push(covered, start);
    covered = Math.max(covered, end);
  }
  if (covered < bytes.length) text.push(covered, bytes.length);
  return text;
}
