/**
 * A TrueType or OpenType font (sfnt): its table directory (version 0x00010000, `true` or `OTTO`; a table count
 * whose searchRange agrees), each table inside the file, after the directory, 4-byte aligned and overlapping no
 * other, and a `head` table with its magic number. Returns the ranges ([start, end) pairs) of the tables of
 * glyph outlines and programs, or null when the bytes are not such a font. Those tables are TrueType bytecode and
 * coordinates: Liberation's `glyf` holds 170-260 printable runs of 12+ bytes, one of them (`ba```c```c``ab^ba``)
 * spelling 9001641's spliced command word (lead's upload probes, session 37). The font's names (`name`,
 * `post`) and tables this walk does not know stay text.
 */
const GLYPH_TABLES = new Set(['glyf', 'fpgm', 'prep', 'cvt ', 'loca', 'hmtx', 'CFF ', 'CFF2', 'gvar', 'hdmx', 'VDMX', 'LTSH']);

const MAX_TABLES = 64;
const HEAD_MAGIC = 0x5f0f3cf5;

export function fontGlyphRanges(bytes: Buffer): number[] | null {
  if (bytes.length < 12) return null;
  const version = bytes.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) return null;
  const count = bytes.readUInt16BE(4);
  if (count === 0 || count > MAX_TABLES) return null;
  const searchRange = 16 * 2 ** Math.floor(Math.log2(count));
  if (bytes.readUInt16BE(6) !== searchRange) return null;
  const directoryEnd = 12 + 16 * count;
  if (directoryEnd > bytes.length) return null;
  const tables: Array<[number, number, boolean]> = [];
  let head = false;
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    for (let j = record; j < record + 4; j++) if (bytes[j] < 0x20 || bytes[j] > 0x7e) return null;
    const tag = bytes.toString('latin1', record, record + 4);
    const offset = bytes.readUInt32BE(record + 8);
    const length = bytes.readUInt32BE(record + 12);
    if (offset < directoryEnd || offset % 4 !== 0 || offset + length > bytes.length) return null;
    if (tag === 'head') {
      if (length < 54 || bytes.readUInt32BE(offset + 12) !== HEAD_MAGIC) return null;
      head = true;
    }
    tables.push([offset, offset + length, GLYPH_TABLES.has(tag)]);
  }
  if (!head) return null;
  tables.sort((a, b) => a[0] - b[0]);
  const glyphs: number[] = [];
  for (let i = 0; i < tables.length; i++) {
    if (i > 0 && tables[i][0] < tables[i - 1][1]) return null;
    if (tables[i][2] && tables[i][1] > tables[i][0]) glyphs.push(tables[i][0], tables[i][1]);
  }
  return glyphs;
}
