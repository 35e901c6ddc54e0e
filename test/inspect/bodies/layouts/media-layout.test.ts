import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageTextRanges } from '../../../../src/inspect/bodies/layouts/media-layout.js';
import { pngTextRanges } from '../../../../src/inspect/bodies/layouts/png-chunks.js';
import { jpegTextRanges } from '../../../../src/inspect/bodies/layouts/jpeg-segments.js';
import { icoTextRanges } from '../../../../src/inspect/bodies/layouts/ico-directory.js';
import { fontGlyphRanges } from '../../../../src/inspect/bodies/layouts/sfnt-tables.js';
import { GLYF_RUN, ico, jpeg, noise, png, pngChunk, trueTypeFont } from '../binary-fixtures.js';

const SQLI = "1' OR '1'='1' -- ";
const textOf = (bytes: Buffer, ranges: number[] | null): string[] => {
  const out: string[] = [];
  for (let i = 0; ranges !== null && i < ranges.length; i += 2) out.push(bytes.toString('latin1', ranges[i], ranges[i + 1]));
  return out;
};

describe('PNG chunk walk', () => {
  it('checks out a PNG and gives its tEXt chunk as text, not its pixels', () => {
    const file = png(noise(2000, 5), [pngChunk('tEXt', Buffer.from(`Comment\x00${SQLI}`, 'latin1'))]);
    expect(textOf(file, pngTextRanges(file))).toEqual([`Comment\x00${SQLI}`]);
  });

  it('refuses the signature followed by a payload, a bad CRC, and bytes after IEND', () => {
    expect(pngTextRanges(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(SQLI)]))).toBeNull();
    const file = png(noise(500, 6));
    const broken = Buffer.from(file);
    broken[45] ^= 0xff; // inside IDAT: its CRC no longer matches
    expect(pngTextRanges(broken)).toBeNull();
    expect(pngTextRanges(Buffer.concat([file, Buffer.from(SQLI)]))).toBeNull();
    expect(pngTextRanges(file)).toEqual([]);
  });
});

describe('JPEG segment walk', () => {
  it('checks out a JPEG and gives its comment as text, not its scan', () => {
    const file = jpeg(noise(3000, 7), `made by ${SQLI}`);
    expect(textOf(file, jpegTextRanges(file))).toEqual([`made by ${SQLI}`]);
  });

  it('refuses SOI followed by a payload, and a scan with no EOI', () => {
    expect(jpegTextRanges(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(SQLI)]))).toBeNull();
    const file = jpeg(noise(300, 8));
    expect(jpegTextRanges(file.subarray(0, file.length - 2))).toBeNull();
    expect(jpegTextRanges(Buffer.concat([file, Buffer.from(SQLI)]))).toBeNull();
  });
});

describe('icon directory walk', () => {
  it('checks out an icon of DIB images: no text left over', () => {
    expect(icoTextRanges(ico(noise(1024, 9)))).toEqual([]);
  });

  it('gives bytes no image covers as text, and refuses an image past the end', () => {
    const file = ico(noise(1024, 9));
    expect(textOf(Buffer.concat([file, Buffer.from(SQLI)]), icoTextRanges(Buffer.concat([file, Buffer.from(SQLI)])))).toEqual([SQLI]);
    const broken = Buffer.from(file);
    broken.writeUInt32LE(file.length, 6 + 8);
    expect(icoTextRanges(broken)).toBeNull();
  });
});

describe('font table walk', () => {
  it("checks out a TrueType font and gives its glyph table's range", () => {
    const file = trueTypeFont(Buffer.concat([noise(200, 1), Buffer.from(GLYF_RUN), noise(200, 2)]));
    const ranges = fontGlyphRanges(file);
    expect(ranges).toHaveLength(2);
    expect(textOf(file, ranges)[0]).toContain(GLYF_RUN);
  });

  it('refuses a font whose head table lacks its magic, or a table past the end', () => {
    const file = trueTypeFont(noise(200, 1));
    const headMagicAt = file.indexOf(Buffer.from([0x5f, 0x0f, 0x3c, 0xf5]));
    const noMagic = Buffer.from(file);
    noMagic[headMagicAt] = 0;
    expect(fontGlyphRanges(noMagic)).toBeNull();
    expect(fontGlyphRanges(file.subarray(0, file.length - 40))).toBeNull();
    expect(fontGlyphRanges(Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from(SQLI)]))).toBeNull();
  });
});

it('checks nothing out of a gzip stream, nor a gzip magic before a payload', () => {
  expect(imageTextRanges(gzipSync(Buffer.from('x'.repeat(1000))))).toBeNull();
  expect(imageTextRanges(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), Buffer.from(SQLI)]))).toBeNull();
});
