import { isUtf8 } from 'node:buffer';
import type { DecodeContext, Decoder } from './decoder.js';
import { inflateGzip, isGzip, isSerializedObject } from './gzip-payload.js';
import { authSchemePrefixLength, TRIGGER_BASE64_SHAPE } from './triggers.js';

/** Decoded bytes that are control characters (other than tab/CR/LF) above this share mean "not text". */
const MAX_CONTROL_SHARE = 0.05;

/** Text when the bytes are valid UTF-8 and nearly free of control characters; else null. */
export function decodedTextOrNull(bytes: Buffer): string | null {
  if (bytes.length === 0 || !isUtf8(bytes)) return null;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls > bytes.length * MAX_CONTROL_SHARE) return null;
  return bytes.toString('utf8');
}

/**
 * What an inflated gzip payload is judged as: a binary serialized object as the base64 of its bytes
 * (the spelling the deserialization rules know), text as text, anything else null.
 */
export function inflatedSpelling(inflated: Buffer): string | null {
  return isSerializedObject(inflated) ? inflated.toString('base64') : decodedTextOrNull(inflated);
}

/**
 * Base64 (standard or url-safe, padded or not, optionally after `Basic `, optionally wrapped in lines
 * of 64 or 76 as MIME and PEM write it) — only when the value has
 * the shape (see triggers.ts) and decodes to text: random tokens and plain words decode to binary
 * noise and are dropped, so they do not grow a useless form. A gzip stream is inflated first
 * (gzip-payload.ts), bounded.
 */
export function decodeBase64Text(s: string, context: DecodeContext): string {
  let body = s.slice(authSchemePrefixLength(s));
  // Wrapped base64 (MIME/PEM lines, triggers.ts): the line breaks are not data.
  if (body.includes('\n') || body.includes('\r')) body = body.replace(/[\r\n]/g, '');
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 0x3d) end--;
  if (end % 4 === 1 || body.length - end > 2) return s; // impossible lengths are not base64
  const bytes = Buffer.from(body, 'base64');
  if (isGzip(bytes)) {
    // Gzip in base64 (`H4sI…`): judge what it carries (gzip-payload.ts).
    const inflated = inflateGzip(bytes);
    if (inflated === null) return s;
    context.inflated = true;
    return inflatedSpelling(inflated) ?? s;
  }
  const text = decodedTextOrNull(bytes);
  return text ?? s;
}

export const base64Decoder: Decoder = {
  name: 'base64',
  triggers: TRIGGER_BASE64_SHAPE,
  decode: decodeBase64Text,
};
