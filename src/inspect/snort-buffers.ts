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
 * Buffers this module built: their `raw` is `method SP rawUri SP HTTP/version CRLF rawHeader CRLF
 * clientBody` by construction, so the prefilter's scan of a body shared with raw's
 * (signatures/compile/prefilter.ts) need not compare the body with raw's end, ~0.4 ns a char: 2 µs on
 * the bench's 4.5 KB multipart body, 0.4 ms on a 1 MiB one, nor find the head buffers in raw by
 * comparing them char by char, which also flattened the header block's concatenated lines: 4.6 µs of
 * the bench's form request, warm (issue 14). Buffers made elsewhere (a test's, a copy from an
 * inspection thread) are compared.
 */
const LAID_OUT_HERE = new WeakSet<SnortBuffers>();

/** Whether `buffers.raw` ends with `buffers.clientBody` (the request's head, then its body). */
export function rawEndsWithBody(buffers: SnortBuffers): boolean {
  return LAID_OUT_HERE.has(buffers) || buffers.raw.endsWith(buffers.clientBody);
}

/**
 * Whether this module built `buffers`, so that `raw` holds `method` from 0, `rawUri` one char after it,
 * `rawHeader` ending two chars (CRLF) before `clientBody`, and `clientBody` at its end, each followed
 * by a char that is no word character (SP, SP, CR) or by the end.
 */
export function rawLaidOutHere(buffers: SnortBuffers): boolean {
  return LAID_OUT_HERE.has(buffers);
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
  const buffers: SnortBuffers = {
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
  LAID_OUT_HERE.add(buffers);
  return buffers;
}
