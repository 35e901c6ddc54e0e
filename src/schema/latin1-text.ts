// Bytes above 0x7f: the request target holds raw (unencoded) UTF-8, one latin1 char per byte.
const NON_ASCII = /[\u0080-\u00ff]/;

/**
 * The normalizer keeps the request target as latin1 (one char per byte, as Snort sees it). Clients
 * that send unencoded UTF-8 in a path or query mean UTF-8 text, which is what the spec's literals
 * and patterns are written in; percent-encoded text is decoded as UTF-8 too.
 */
export function latin1TargetToText(target: string): string {
  return NON_ASCII.test(target) ? Buffer.from(target, 'latin1').toString('utf8') : target;
}
