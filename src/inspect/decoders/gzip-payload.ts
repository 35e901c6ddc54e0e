/**
 * Gzip inside base64 (`H4sI…`): how serialized-object exploits travel when a parameter or cookie holds
 * compressed state (ysoserial `| gzip | base64`, compressed view state, "remember me" blobs). What the
 * value carries is only visible after inflating, so the base64 decoder inflates a gzip stream, bounded,
 * and hands on what is inside: text as text (JSON, PHP `O:8:"…":{…}`, YAML), and a binary serialized
 * object — Java (`AC ED 00 05`), .NET BinaryFormatter (`00 01 00 00 00 FF FF FF FF`), Python pickle
 * (`80 02`–`80 05`), Ruby Marshal (`04 08`) — as the base64 of its bytes, the spelling (`rO0AB…`,
 * `AAEAAAD/////…`, `gASV…`, `BAh…`) under which the screen, the signatures' patterns and the model know
 * it. Other binary content stays opaque, as any binary base64 does.
 */
import { constants, inflateRawSync } from 'node:zlib';

/** Inflated bytes kept at most: a form is cut to the inspector's `maxDecodedLength` anyway; a gzip bomb stops here. */
export const MAX_INFLATED_BYTES = 16 * 1024;

/** FHCRC | FEXTRA | FNAME | FCOMMENT: optional header fields before the deflate data. */
const OPTIONAL_HEADER_FLAGS = 0x1e;

/** True for the gzip magic with the deflate method (RFC 1952: 1F 8B 08). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Offset of the deflate data after a gzip header (RFC 1952 §2.3), or -1 when the header is cut short. */
function deflateStart(bytes: Uint8Array): number {
  const flags = bytes[3];
  let at = 10;
  if ((flags & OPTIONAL_HEADER_FLAGS) === 0) return at;
  if (flags & 0x04) {
    if (at + 2 > bytes.length) return -1;
    at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  }
  for (const bit of [0x08, 0x10]) {
    if (flags & bit) {
      while (at < bytes.length && bytes[at] !== 0) at++;
      at++;
    }
  }
  if (flags & 0x02) at += 2;
  return at < bytes.length ? at : -1;
}

/**
 * The inflated content of a gzip stream, up to MAX_INFLATED_BYTES; a stream cut short yields what
 * inflates before the cut (a payload is often truncated in transit or on purpose). Null when nothing
 * inflates (corrupt data).
 */
export function inflateGzip(bytes: Uint8Array): Buffer | null {
  const start = deflateStart(bytes);
  if (start < 0) return null;
  try {
    const out = inflateRawSync(bytes.subarray(start), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
    return out.length > 0 ? out : null;
  } catch {
    // Corrupt data, or more than MAX_INFLATED_BYTES (Node stops there with ERR_BUFFER_TOO_LARGE and
    // keeps no partial output): the value stays an opaque base64 form, as before this decoder looked.
    return null;
  }
}

/** The binary serialized-object formats named in the module comment, by their leading bytes. */
export function isSerializedObject(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xac && b1 === 0xed && b2 === 0x00 && b3 === 0x05) return true; // Java
  if (b0 === 0x00 && b1 === 0x01 && b2 === 0x00 && b3 === 0x00 && bytes.length >= 9 && bytes[5] === 0xff && bytes[8] === 0xff) return true; // .NET
  if (b0 === 0x80 && b1 >= 0x02 && b1 <= 0x05) return true; // pickle protocol 2-5
  return b0 === 0x04 && b1 === 0x08; // Ruby Marshal 4.8
}
