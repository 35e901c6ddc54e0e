import type { BodyContext } from './body-context.js';
import { controlShareAbove } from './text.js';
import { fontGlyphRanges } from './layouts/sfnt-tables.js';

/**
 * Binary stretches of a request's body: a body, or a multipart file part, whose bytes are not text (more than
 * 5 % control bytes, text.ts). Rules that spell only printable bytes read them as their printable stretches
 * (signatures/match/binary-text-view.ts): a font's hinting code, compressed or image data spelled a rule's
 * short literal or pcre across garbage (9001304 on .gz and JPEG bytes, 9001641 on TrueType fonts; lead's
 * upload probes, session 37). Decided by the bytes, never by the part's Content-Type: a sender sets that.
 */

/** A big file part is judged binary by its first bytes: text past them still reaches every rule as a printable stretch. */
const SNIFF_BYTES = 65_536;

/** Whether a file part's bytes are binary, judged on at most their first SNIFF_BYTES. */
export function fileLooksBinary(bytes: Buffer): boolean {
  return controlShareAbove(bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes);
}

/**
 * Marks `bytes` binary (TargetCollector.binaryRegions) when they are the request body's own bytes; a decoded or
 * transcoded copy (base64 transfer encoding, a charset) is in no buffer a rule reads, and is left alone.
 */
export function markBinaryBytes(bytes: Buffer, context: BodyContext): void {
  const body = context.requestBody;
  if (body === undefined || bytes.length === 0 || bytes.buffer !== body.buffer) return;
  const start = bytes.byteOffset - body.byteOffset;
  // Same memory as the body's (a pooled buffer's slab holds others too): only a range inside the body is its bytes.
  if (start < 0 || start + bytes.length > body.length) return;
  const { collector } = context;
  collector.binaryRegions.push(start, start + bytes.length);
  // A font whose tables check out: its glyph outlines and programs are no text at all (layouts/sfnt-tables.ts).
  const glyphs = fontGlyphRanges(bytes);
  if (glyphs !== null) for (let i = 0; i < glyphs.length; i++) collector.opaqueRegions.push(start + glyphs[i]);
}
