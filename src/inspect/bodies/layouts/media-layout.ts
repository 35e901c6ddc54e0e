import { icoTextRanges } from './ico-directory.js';
import { jpegTextRanges } from './jpeg-segments.js';
import { pngTextRanges } from './png-chunks.js';

/**
 * Image files whose whole structure checks out (layouts/*.ts): the ranges of their bytes that hold or may hold
 * text ([start, end) pairs), or null for bytes that are no such file. The model's text windows of a binary
 * body are taken from those ranges only (text-windows.ts): the printable runs of pixels and tables scored as
 * attacks (a PNG's IDAT at 0.92, an icon's bitmap at 0.999: lead's upload probes, session 37), while a
 * payload in a text chunk, a comment, or anywhere in a file that does not check out is read as before.
 */
export function imageTextRanges(bytes: Buffer): number[] | null {
  return pngTextRanges(bytes) ?? jpegTextRanges(bytes) ?? icoTextRanges(bytes);
}
