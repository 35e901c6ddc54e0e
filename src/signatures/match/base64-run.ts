/**
 * What Snort's `base64_decode` reads: the base64 run starting at a position of a buffer (after leading
 * spaces and tabs), standard or url-safe alphabet, up to the first other byte or `=` padding, at most
 * `maxEncoded` bytes, decoded to a latin1 string (one char per byte, as buffers are).
 */

/** Longest run decoded: 64 KiB of base64 is 48 KiB of data, far beyond any rule's `bytes`. */
export const MAX_BASE64_RUN = 65_536;

function isBase64Char(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x2d || c === 0x5f;
}

/** Decodes the run at `text[start]` (before `end`); '' when none. */
export function decodeBase64Run(text: string, start: number, end: number, maxEncoded: number): string {
  let i = Math.max(0, start);
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const limit = Math.min(end, i + Math.min(maxEncoded < 0 ? MAX_BASE64_RUN : maxEncoded, MAX_BASE64_RUN));
  let j = i;
  while (j < limit && isBase64Char(text.charCodeAt(j))) j++;
  if (j - i < 2) return '';
  return Buffer.from(text.slice(i, j), 'base64').toString('latin1');
}
