import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive as the server's unzip reads them: what an archive upload (a plugin, a theme,
 * a key or license bundle, an import) hands the application. Its entry names decide where files land
 * (`../../etc/cron.d/x`: Zip Slip, CVE-2018-1002200 class) and its entries' text is what lands (a JSP or PHP
 * shell, a plugin descriptor, a cron line); in the request both sit inside the archive's bytes, deflated as
 * often as not. Local file headers are walked from the start (PKZIP's streaming order; a reader that trusts
 * the central directory sees the same entries in an archive written once), bounded in entries and bytes.
 */

export interface ZipEntry {
  /** The entry's name as stored (UTF-8, or Latin-1 when it is not valid UTF-8). */
  name: string;
  /** The entry's bytes (inflated when deflated), or null when not asked for or not readable within the bounds. */
  content: Buffer | null;
}

/** Most entries read from one archive; the rest stay in the body buffer. */
export const MAX_ZIP_ENTRIES = 64;

/** Most bytes inflated from one archive (all entries together): a zip bomb stops here. */
export const MAX_ZIP_INFLATED_BYTES = 256 * 1024;

const LOCAL_HEADER = 0x04034b50;

/** True when `bytes` starts with a zip local file header (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 30 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function entryName(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\ufffd') ? bytes.toString('latin1') : utf8;
}

/**
 * The archive's entries in stored order, or [] when `bytes` is not a zip. Never throws. Contents are read
 * (inflated) only with `contents: true`; the inspector takes names alone (archive.ts), so a request's
 * archive costs a walk of its headers, not up to 256 KiB of inflating.
 */
export function zipEntries(bytes: Buffer, options: { contents?: boolean } = {}): ZipEntry[] {
  const entries: ZipEntry[] = [];
  if (!isZip(bytes)) return entries;
  let budget = MAX_ZIP_INFLATED_BYTES;
  let at = 0;
  while (entries.length < MAX_ZIP_ENTRIES && at + 30 <= bytes.length && bytes.readUInt32LE(at) === LOCAL_HEADER) {
    const flags = bytes.readUInt16LE(at + 6);
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const nameEnd = at + 30 + nameLength;
    if (nameEnd > bytes.length) break;
    const name = entryName(bytes.subarray(at + 30, nameEnd));
    const start = nameEnd + extraLength;
    // A data descriptor (flag bit 3) leaves the size in the local header 0: the entry's end is unknown here.
    const sized = (flags & 0x08) === 0 || size > 0;
    const end = start + size;
    let content: Buffer | null = null;
    if (options.contents === true && sized && end <= bytes.length && budget > 0) {
      const data = bytes.subarray(start, end);
      if (method === 0) content = data.subarray(0, budget);
      else if (method === 8) {
        try {
          content = inflateRawSync(data, { maxOutputLength: budget });
        } catch {
          content = null; // cut short by the budget, or not deflate
        }
      }
      if (content !== null) budget -= content.length;
    }
    entries.push({ name, content });
    if (!sized || end > bytes.length) break;
    at = end;
  }
  return entries;
}
