import { defineError } from '../errors.js';

/** Content-Encoding errors: a body Warden cannot (or will not) decompress is never forwarded uninspected. */
export const decodedContentTooLarge = defineError(
  'WARDEN_PROXY_DECODED_CONTENT_TOO_LARGE',
  413,
  (limit: string) => `decompressed request body exceeds ${limit}`,
);
export const unsupportedContentEncoding = defineError(
  'WARDEN_PROXY_UNSUPPORTED_CONTENT_ENCODING',
  415,
  (encoding: string) => `unsupported Content-Encoding "${encoding}" (supported: gzip, x-gzip, deflate, br, identity)`,
);
export const tooManyContentEncodings = defineError(
  'WARDEN_PROXY_TOO_MANY_CONTENT_ENCODINGS',
  415,
  (count: number, max: number) => `Content-Encoding stacks ${count} codings; at most ${max} are decoded`,
);
export const corruptContentEncoding = defineError(
  'WARDEN_PROXY_CORRUPT_CONTENT_ENCODING',
  400,
  (encoding: string, reason: string) => `request body is not valid ${encoding} data: ${reason}`,
);
