import type { RawRequest, RequestSource } from '../../inspect/types.js';
import { isValidJson, structuredShape } from '../../inspect/bodies/body-kind.js';
import { OPCODE } from './client-frames.js';
import { rawHeadersWithout } from '../../net/raw-headers.js';

/** Handshake headers that say nothing about a message, and the body framing the message replaces. */
const NOT_CARRIED = /^(?:connection|upgrade|sec-websocket-[a-z-]*|content-type|content-length|transfer-encoding|content-encoding|expect)$/;

/** The handshake as every message of its connection reuses it: method, target, version and the headers carried. */
export interface HandshakeRequest {
  method: string;
  url: string;
  httpVersion: string;
  /** rawHeaders of the handshake without NOT_CARRIED. */
  headers: readonly string[];
  source: RequestSource;
}

export function handshakeRequest(method: string, url: string, httpVersion: string, rawHeaders: readonly string[], source: RequestSource): HandshakeRequest {
  return { method, url, httpVersion, headers: rawHeadersWithout(rawHeaders, (name) => NOT_CARRIED.test(name)), source };
}

/**
 * The media type a message is judged under, guessed from what it is (WebSocket frames carry none): a text
 * message that parses as JSON is JSON (its values are fields), one shaped as XML is XML, any other text is
 * text/plain; a binary message gets no type, so it is read as an untyped body is (as text when it is text,
 * else its printable stretches as text windows: src/inspect/bodies/text-windows.ts).
 */
export function messageContentType(opcode: number, payload: Buffer): string | null {
  if (opcode !== OPCODE.text) return null;
  const shape = structuredShape(payload);
  if (shape === 'json' && isValidJson(payload)) return 'application/json';
  if (shape === 'xml') return 'application/xml';
  return 'text/plain; charset=utf-8';
}

/**
 * A message as the request the gates judge: the handshake's method, target and headers (so routes, exceptions
 * and reputation keys are the connection's) with the message as its body, as a body the proxy received would be.
 */
export function messageRequest(handshake: HandshakeRequest, opcode: number, payload: Buffer): RawRequest {
  const type = messageContentType(opcode, payload);
  const rawHeaders = handshake.headers.slice();
  if (type !== null) rawHeaders.push('Content-Type', type);
  rawHeaders.push('Content-Length', String(payload.length));
  return { method: handshake.method, url: handshake.url, httpVersion: handshake.httpVersion, rawHeaders, body: payload, bodyTruncated: false, source: handshake.source };
}
