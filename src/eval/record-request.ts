import type { RawRequest } from '../inspect/types.js';
import { recordUrl, type RequestRecord } from './record.js';

const EVAL_SOURCE = { ip: '192.0.2.10', port: 40000, peerIp: '192.0.2.10' };

/** The request a record stands for, as the proxy would have received it (body bytes as UTF-8, or decoded from base64). */
export function recordToRawRequest(record: RequestRecord, sourceIp = EVAL_SOURCE.ip): RawRequest {
  const rawHeaders: string[] = [];
  let hasHost = false;
  for (const [name, value] of Object.entries(record.headers)) {
    if (name.toLowerCase() === 'host') hasHost = true;
    rawHeaders.push(name, value);
  }
  if (!hasHost) rawHeaders.unshift('Host', 'app.test');
  const body = recordBody(record);
  const message = record.websocket;
  // A WebSocket message: its handshake (a GET: only a GET upgrades) as context, the message alone judged.
  if (message !== undefined) {
    const websocket = { messageIndex: message.messageIndex ?? 0, opcode: message.opcode, bytes: body.length, ...(message.handshakeId !== undefined ? { handshakeId: message.handshakeId } : {}) };
    return { method: 'GET', url: recordUrl(record), httpVersion: '1.1', rawHeaders, body, bodyTruncated: false, source: { ...EVAL_SOURCE, ip: sourceIp, peerIp: sourceIp }, websocket };
  }
  if (body.length > 0 && !Object.keys(record.headers).some((h) => h.toLowerCase() === 'content-length')) {
    rawHeaders.push('Content-Length', String(body.length));
  }
  return {
    method: record.method,
    url: recordUrl(record),
    httpVersion: '1.1',
    rawHeaders,
    body,
    bodyTruncated: false,
    source: { ...EVAL_SOURCE, ip: sourceIp, peerIp: sourceIp },
  };
}

/** A record's body bytes: its characters as UTF-8, or its base64 decoded (`bodyEncoding: "base64"`). */
export function recordBody(record: RequestRecord): Buffer {
  if (record.body === undefined) return Buffer.alloc(0);
  return Buffer.from(record.body, record.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}
