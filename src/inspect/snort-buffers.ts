import { decodeRounds } from './uri/normalize-uri.js';
import type { SnortBuffers } from './types.js';

export interface SnortBufferInputs {
  method: string;
  url: string;
  httpVersion: string;
  headers: ReadonlyArray<readonly [string, string]>;
  cookies: readonly string[];
  /** http_uri, already normalized by normalizeUri. */
  snortUri: string;
  /** The body as latin1, one char per byte. */
  bodyLatin1: string;
}

/**
 * The Snort buffers, all latin1 (one char per byte). Node has parsed the header block, so `raw` and
 * `rawHeader` are rebuilt as `Name: value\r\n` lines in the order and case received: whitespace
 * around values and obs-fold (which node rejects) are not byte-exact.
 */
export function buildSnortBuffers(input: SnortBufferInputs): SnortBuffers {
  let rawHeader = '';
  let header = '';
  for (const [name, value] of input.headers) {
    const line = `${name}: ${value}\r\n`;
    rawHeader += line;
    // Snort 3: http_header leaves out the request line and the cookies (they have http_cookie).
    if (name.length !== 6 || name.toLowerCase() !== 'cookie') header += line;
  }
  const rawCookie = input.cookies.join('; ');
  // http_cookie is percent-decoded once: frameworks decode cookie values before use.
  const cookie = rawCookie.indexOf('%') >= 0 ? decodeRounds(rawCookie, 1, false).bytes : rawCookie;
  const requestLine = `${input.method} ${input.url} HTTP/${input.httpVersion}\r\n`;
  return {
    raw: `${requestLine}${rawHeader}\r\n${input.bodyLatin1}`,
    method: input.method,
    uri: input.snortUri,
    rawUri: input.url,
    header,
    rawHeader,
    cookie,
    rawCookie,
    clientBody: input.bodyLatin1,
  };
}
