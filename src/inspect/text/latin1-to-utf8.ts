/**
 * Node hands headers and the request-target over as Latin-1 strings (one char per byte); targets are
 * UTF-8 text. ASCII-only strings (nearly all of them) are returned as-is without a copy.
 */
const NON_ASCII = /[\u0080-\uffff]/;

export function latin1ToUtf8(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return Buffer.from(s, 'latin1').toString('utf8');
}
