import type { Transform } from 'node:stream';
import type { WardenConfig } from '../config/types.js';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import {
  corruptContentEncoding,
  decodedContentTooLarge,
  tooManyContentEncodings,
  unsupportedContentEncoding,
} from './errors-content.js';

export interface DecompressLimits {
  /** Largest decoded body, in bytes. */
  maxBytes: number;
  /** Largest decoded size as a multiple of the body received on the wire (all codings together). */
  maxRatio: number;
}

type Coding = 'gzip' | 'deflate' | 'br';

/** More stacked codings than any real client sends; each layer multiplies a bomb's ratio. */
export const MAX_STACKED_CODINGS = 3;

function codingOf(token: string): Coding | null {
  switch (token) {
    case 'gzip':
    case 'x-gzip':
      return 'gzip';
    case 'deflate':
      return 'deflate';
    case 'br':
      return 'br';
    default:
      return null;
  }
}

/** Parses `gzip, br` into the codings to undo, in the order to undo them (last applied first). */
export function parseContentEncoding(header: string): Coding[] {
  const codings: Coding[] = [];
  for (const raw of header.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '' || token === 'identity') continue;
    const coding = codingOf(token);
    if (coding === null) throw unsupportedContentEncoding(token);
    codings.push(coding);
  }
  if (codings.length > MAX_STACKED_CODINGS) throw tooManyContentEncodings(codings.length, MAX_STACKED_CODINGS);
  return codings.reverse();
}

/**
 * HTTP's "deflate" is zlib-wrapped (RFC 9110) but some clients send raw deflate: a zlib stream starts
 * with CM=8 and a header checksum divisible by 31, which raw deflate data almost never matches.
 */
function isZlibWrapped(data: Buffer): boolean {
  return data.length >= 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0;
}

/**
 * `partial`: the data is a prefix of the stream (the body was cut at the inspection limit), so the
 * decoder flushes what it has at the end instead of failing with "unexpected end of file".
 */
function createDecoder(coding: Coding, data: Buffer, partial: boolean): Transform {
  const zlibOptions = partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {};
  if (coding === 'gzip') return createGunzip(zlibOptions);
  if (coding === 'br') return createBrotliDecompress(partial ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {});
  return isZlibWrapped(data) ? createInflate(zlibOptions) : createInflateRaw(zlibOptions);
}

/**
 * Undoes one coding through a zlib stream, counting output chunks as they come and destroying the
 * stream the moment the budget is crossed: a bomb costs at most one chunk (16 KiB) past the budget,
 * never its full output.
 */
function decodeOne(data: Buffer, coding: Coding, budget: number, budgetText: string, partial: boolean, keep = Infinity, totals?: { decoded: number }): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const stream = createDecoder(coding, data, partial);
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    let settled = false;
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > budget) {
        settled = true;
        chunks.length = 0;
        stream.destroy();
        reject(decodedContentTooLarge(budgetText));
        return;
      }
      // Past `keep` the output is only counted (the bomb check still needs the total), not held.
      if (kept < keep) {
        const part = kept + chunk.length > keep ? chunk.subarray(0, keep - kept) : chunk;
        chunks.push(part);
        kept += part.length;
      }
    });
    stream.on('error', (err: Error) => {
      if (settled) return;
      settled = true;
      reject(corruptContentEncoding(coding, err.message));
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      if (totals !== undefined) totals.decoded = size;
      resolve(Buffer.concat(chunks, kept));
    });
    stream.end(data);
  });
}

/**
 * Decodes a request body's Content-Encoding (gzip, x-gzip, deflate in zlib or raw form, br, and
 * stacks of them such as `gzip, br`) for inspection, refusing — without allocating the output — a
 * body whose decoded size would pass `maxBytes` or `maxRatio` times its size on the wire.
 * Throws WardenErrors: 413 too large, 415 unknown or over-stacked coding, 400 corrupt data.
 * `partial`: `body` is the first bytes of a longer body (inspect-prefix): decode as far as they go.
 */
export async function decodeContentEncoding(body: Buffer, encoding: string, limits: DecompressLimits, partial = false): Promise<Buffer> {
  return (await decodeForInspection(body, encoding, limits, partial)).body;
}

/**
 * `decodeContentEncoding` for the proxy: `keep` (inspect-prefix) holds only the first `keep` decoded
 * bytes of the last coding (`cut` says the output was longer) while still refusing a bomb by its total.
 */
export async function decodeForInspection(
  body: Buffer,
  encoding: string,
  limits: DecompressLimits,
  partial = false,
  keep = Infinity,
): Promise<{ body: Buffer; cut: boolean }> {
  const codings = parseContentEncoding(encoding);
  if (codings.length === 0 || body.length === 0) return { body, cut: false };
  const ratioBudget = Math.floor(body.length * limits.maxRatio);
  const budget = Math.min(limits.maxBytes, ratioBudget);
  const budgetText =
    budget === limits.maxBytes ? `the limit of ${limits.maxBytes} bytes` : `${limits.maxRatio}x its ${body.length} bytes on the wire`;
  let data = body;
  const totals = { decoded: 0 };
  for (let i = 0; i < codings.length; i++) {
    const last = i === codings.length - 1;
    data = await decodeOne(data, codings[i], budget, budgetText, partial, last ? keep : Infinity, totals);
  }
  return { body: data, cut: totals.decoded > data.length };
}

/**
 * A request body as the gates inspect it (the proxy, and `warden eval` replaying a record as sent):
 * its Content-Encoding undone. The decoded body is held to the same inspection limit as a plain one
 * (an 8 MB JSON inflated from 600 KB costs what an 8 MB body would): over it a 413 with `reject`, the
 * decoded prefix with `inspect-prefix`. `truncated`: `body` is already the prefix of a longer body;
 * the result's `truncated` also says when decoding cut it. Throws the WardenErrors of `decodeForInspection`.
 */
export async function bodyForInspection(
  body: Buffer,
  contentEncoding: string | undefined,
  truncated: boolean,
  bodyConfig: WardenConfig['body'],
): Promise<{ body: Buffer; truncated: boolean }> {
  if (contentEncoding === undefined || body.length === 0) return { body, truncated };
  // A body cut at the inspection limit (inspect-prefix) still has its prefix decoded: the raw
  // compressed bytes would hide everything from the gates.
  const prefix = bodyConfig.overLimit === 'inspect-prefix';
  const limits = prefix ? bodyConfig.decompress : { ...bodyConfig.decompress, maxBytes: Math.min(bodyConfig.decompress.maxBytes, bodyConfig.limit) };
  const decoded = await decodeForInspection(body, contentEncoding, limits, truncated, prefix ? bodyConfig.limit : Infinity);
  return { body: decoded.body, truncated: truncated || decoded.cut };
}
