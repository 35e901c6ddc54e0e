/**
 * Small binary files built in code, each valid in the structure its layout walker checks (src/inspect/bodies/layouts/):
 * a PNG (chunks with CRCs, IEND last), a JPEG (SOI, segments, a scan, EOI), an icon (directory, DIB images), a TrueType
 * font (table directory, `head` with its magic), and noise standing for compressed or pixel data.
 */
import { crc32 } from 'node:zlib';
import { pseudoRandom } from '../../../datasets/untyped-body-probes.js';

/** Pseudo-random bytes (xorshift32): compressed or image data. */
export const noise = (length: number, seed: number): Buffer => pseudoRandom(seed, length);

/** Bytes that hold no printable run of 12 (every 8th byte a control byte), seeded. */
export function quietNoise(length: number, seed: number): Buffer {
  const bytes = noise(length, seed);
  for (let i = 0; i < length; i += 8) bytes[i] = 0x01;
  return bytes;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

/** A PNG of `idat` pixel bytes, with `extra` chunks (tEXt, …) before IEND. */
export function png(idat: Buffer, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), ...extra, pngChunk('IEND', Buffer.alloc(0))]);
}

function segment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** A baseline JPEG whose scan holds `scan` (0xff bytes stuffed), with a COM segment when `comment` is given. */
export function jpeg(scan: Buffer, comment?: string): Buffer {
  const stuffed: number[] = [];
  for (const b of scan) {
    stuffed.push(b);
    if (b === 0xff) stuffed.push(0x00);
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00', 'latin1')),
    ...(comment === undefined ? [] : [segment(0xfe, Buffer.from(comment, 'latin1'))]),
    segment(0xdb, quietNoise(65, 3)),
    segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from(stuffed),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** An icon of one DIB image whose pixel bytes are `pixels`. */
export function ico(pixels: Buffer): Buffer {
  const dib = Buffer.alloc(40);
  dib.writeUInt32LE(40, 0);
  const image = Buffer.concat([dib, pixels]);
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(1, 4);
  head[6] = 16;
  head[7] = 16;
  head.writeUInt32LE(image.length, 6 + 8);
  head.writeUInt32LE(head.length, 6 + 12);
  return Buffer.concat([head, image]);
}

/** A TrueType font with a `head` table, a `name` table holding `names` and a `glyf` table of `glyphs` bytes. */
export function trueTypeFont(glyphs: Buffer, names = 'Generated Sans Regular'): Buffer {
  const head = Buffer.alloc(56);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt32BE(0x5f0f3cf5, 12);
  const tables: Array<[string, Buffer]> = [
    ['glyf', glyphs],
    ['head', head],
    ['name', Buffer.from(names, 'latin1')],
  ];
  const directory = Buffer.alloc(12 + 16 * tables.length);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(tables.length, 4);
  directory.writeUInt16BE(16 * 2 ** Math.floor(Math.log2(tables.length)), 6);
  const bodies: Buffer[] = [];
  let offset = directory.length;
  tables.forEach(([tag, data], i) => {
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    directory.write(tag, 12 + 16 * i, 'latin1');
    directory.writeUInt32BE(offset, 12 + 16 * i + 8);
    directory.writeUInt32BE(data.length, 12 + 16 * i + 12);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([directory, ...bodies]);
}

/** Glyph bytes of Liberation's: TrueType instructions whose printable run spells 9001641's spliced word (`c``a). */
export const GLYF_RUN = 'ba```c```c``ab^ba``';
