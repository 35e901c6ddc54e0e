import type { RawRequest } from '../../src/inspect/types.js';

/** A RawRequest as the proxy would hand it over: headers as [name, value] pairs, body as text or bytes. */
export function rawRequest(
  method: string,
  url: string,
  headers: Array<[string, string]> = [],
  body: string | Buffer = '',
  bodyTruncated = false,
): RawRequest {
  return {
    method,
    url,
    httpVersion: '1.1',
    rawHeaders: headers.flat(),
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    bodyTruncated,
    source: { ip: '203.0.113.7', port: 40000, peerIp: '203.0.113.7' },
  };
}
