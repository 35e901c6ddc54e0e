import { brotliCompressSync, constants, crc32, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding, parseContentEncoding } from '../../src/proxy/content-decoding.js';
import { WardenError } from '../../src/errors.js';

const limits = { maxBytes: 8 * 1024 * 1024, maxRatio: 100 };
const text = Buffer.from('{"user":"alice","note":"' + 'hello '.repeat(200) + '"}');

/**
 * A single-member gzip of 1 GiB of zeros (about 1 MB on the wire), built without compressing 1 GiB:
 * the raw-deflate encoding of 1 MiB of zeros, sync-flushed so it ends on a byte boundary and is not
 * final, repeated 1024 times, then an empty final block and the real CRC32/ISIZE trailer.
 */
function gzipBombOfZeros(mebibytes: number): Buffer {
  const mib = Buffer.alloc(1 << 20);
  const segment = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalBlock = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mib, crc);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((mebibytes * (1 << 20)) >>> 0, 4);
  return Buffer.concat([header, ...Array<Buffer>(mebibytes).fill(segment), finalBlock, trailer]);
}

async function errorOf(promise: Promise<unknown>): Promise<WardenError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WardenError) return err;
    throw err;
  }
  throw new Error('expected a WardenError');
}

describe('decodeContentEncoding', () => {
  it('decodes gzip and x-gzip', async () => {
    expect(await decodeContentEncoding(gzipSync(text), 'gzip', limits)).toEqual(text);
    expect(await decodeContentEncoding(gzipSync(text), 'X-GZIP', limits)).toEqual(text);
  });

  it('decodes deflate both zlib-wrapped (the standard) and raw (what some clients send)', async () => {
    expect(await decodeContentEncoding(deflateSync(text), 'deflate', limits)).toEqual(text);
    expect(await decodeContentEncoding(deflateRawSync(text), 'deflate', limits)).toEqual(text);
  });

  it('decodes br', async () => {
    expect(await decodeContentEncoding(brotliCompressSync(text), 'br', limits)).toEqual(text);
  });

  it('undoes stacked codings last-applied first: "gzip, br" is br(gzip(body))', async () => {
    const stacked = brotliCompressSync(gzipSync(text));
    expect(await decodeContentEncoding(stacked, 'gzip, br', limits)).toEqual(text);
  });

  it('treats identity and empty tokens as no coding', async () => {
    expect(await decodeContentEncoding(text, 'identity', limits)).toBe(text);
    expect(parseContentEncoding(' , identity')).toEqual([]);
  });

  it('refuses an unknown coding with 415', async () => {
    const err = await errorOf(decodeContentEncoding(text, 'gzip, compress', limits));
    expect(err.code).toBe('WARDEN_PROXY_UNSUPPORTED_CONTENT_ENCODING');
    expect(err.status).toBe(415);
  });

  it('refuses more than three stacked codings with 415', async () => {
    const err = await errorOf(decodeContentEncoding(text, 'gzip, gzip, gzip, gzip', limits));
    expect(err.code).toBe('WARDEN_PROXY_TOO_MANY_CONTENT_ENCODINGS');
  });

  it('refuses corrupt data with 400', async () => {
    const err = await errorOf(decodeContentEncoding(Buffer.from('definitely not gzip'), 'gzip', limits));
    expect(err.code).toBe('WARDEN_PROXY_CORRUPT_CONTENT_ENCODING');
    expect(err.status).toBe(400);
  });

  it('refuses output over maxBytes with 413', async () => {
    const body = gzipSync(Buffer.alloc(100_000, 'a'));
    const err = await errorOf(decodeContentEncoding(body, 'gzip', { maxBytes: 50_000, maxRatio: 10_000 }));
    expect(err.code).toBe('WARDEN_PROXY_DECODED_CONTENT_TOO_LARGE');
    expect(err.status).toBe(413);
  });

  it('refuses output over maxRatio times the wire size with 413', async () => {
    const body = gzipSync(Buffer.alloc(100_000, 'a')); // ~100 bytes on the wire
    const err = await errorOf(decodeContentEncoding(body, 'gzip', { maxBytes: 1 << 30, maxRatio: 100 }));
    expect(err.code).toBe('WARDEN_PROXY_DECODED_CONTENT_TOO_LARGE');
  });

  it('counts the ratio against the wire size across stacked codings', async () => {
    const inner = gzipSync(Buffer.alloc(2_000_000)); // ~2 KB
    const body = brotliCompressSync(inner); // smaller still
    const err = await errorOf(decodeContentEncoding(body, 'gzip, br', { maxBytes: 1 << 30, maxRatio: 100 }));
    expect(err.code).toBe('WARDEN_PROXY_DECODED_CONTENT_TOO_LARGE');
  });

  it('refuses a 1 GiB gzip bomb fast, without allocating its output', async () => {
    const bomb = gzipBombOfZeros(1024);
    expect(bomb.length).toBeLessThan(1_200_000);
    // "Fast" as a ratio (CI shares its cores): refusing must cost about what inflating the 8 MiB budget
    // costs, not what inflating 1 GiB would (128x that).
    const budget = gzipBombOfZeros(8);
    const legitStarted = performance.now();
    expect((await decodeContentEncoding(budget, 'gzip', { maxBytes: 9 * 1024 * 1024, maxRatio: 10_000 })).length).toBe(8 << 20);
    const legitMs = performance.now() - legitStarted;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const err = await errorOf(decodeContentEncoding(bomb, 'gzip', { maxBytes: 8 * 1024 * 1024, maxRatio: 1000 }));
    const elapsedMs = performance.now() - started;
    expect(err.code).toBe('WARDEN_PROXY_DECODED_CONTENT_TOO_LARGE');
    expect(elapsedMs).toBeLessThan(Math.max(20 * legitMs, 50));
    // 1 GiB would be 1024 MB; the budget is 8 MiB, so growth stays in the tens of MB at most.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('decodes a valid bomb-shaped body that fits the limits (the bomb builder makes real gzip)', async () => {
    const small = gzipBombOfZeros(2);
    const out = await decodeContentEncoding(small, 'gzip', { maxBytes: 4 << 20, maxRatio: 10_000 });
    expect(out.length).toBe(2 << 20);
  });
});

describe('decodeContentEncoding of a prefix (inspect-prefix cut the body)', () => {
  // Incompressible text, so that a prefix of the compressed stream holds a prefix of the text.
  const long = Buffer.from(Array.from({ length: 4000 }, (_, i) => `${i.toString(36)}:${(i * 7919).toString(16)}`).join(','));

  it.each([
    ['gzip', gzipSync(long)],
    ['deflate', deflateSync(long)],
    ['br', brotliCompressSync(long)],
  ] as const)('decodes as far as a cut %s stream goes', async (coding, compressed) => {
    const prefix = compressed.subarray(0, Math.floor(compressed.length / 2));
    await expect(decodeContentEncoding(prefix, coding, limits)).rejects.toThrow(WardenError); // whole body expected: corrupt
    const decoded = await decodeContentEncoding(prefix, coding, limits, true);
    expect(decoded.length).toBeGreaterThan(1000);
    expect(long.subarray(0, decoded.length).equals(decoded)).toBe(true);
  });

  it('still refuses data that is not the coding at all', async () => {
    expect((await errorOf(decodeContentEncoding(Buffer.from('not gzip at all, just text'), 'gzip', limits, true))).status).toBe(400);
  });
});
