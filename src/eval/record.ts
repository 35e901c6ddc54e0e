/**
 * The request-record format shared by `warden eval`, the dataset generators and the traffic log:
 * one JSON object per line, `query` and `body` exactly as sent on the wire.
 */
export interface RequestRecord {
  id: string;
  source: string;
  label: 'attack' | 'benign';
  category: string;
  method: string;
  /** Path as sent, possibly with raw bytes or percent-escapes. */
  path: string;
  /** Query string as sent, without the leading `?`; '' when none. */
  query: string;
  headers: Record<string, string>;
  /** Body exactly as sent (already URL-encoded for forms); absent when none. */
  body?: string;
  /** `base64` when `body` is the base64 of its bytes (a binary or non-UTF-8 body, as the traffic log writes it). */
  bodyEncoding?: 'base64';
  /** The client address the request came from (`warden eval --reputation per-source`); optional. */
  clientIp?: string;
  /**
   * Set on a WebSocket message (`method` is then "WEBSOCKET"): `body` is the message, `path`, `query` and
   * `headers` its connection's handshake (a GET), which is context and not judged again with it.
   */
  websocket?: RecordedMessage;
}

/** A WebSocket message's own fields in a record: opcode 1 (text) or 2 (binary); where it was in its connection. */
export interface RecordedMessage {
  opcode: 1 | 2;
  messageIndex?: number;
  bytes?: number;
  handshakeId?: string;
}

/**
 * The method a WebSocket message is logged under (decision log, traffic log, request records): not an HTTP
 * method, so no reader takes a message for a GET with a body. The message's inspection keeps its handshake's
 * method (GET) as context, for the route it resolved to.
 */
export const WEBSOCKET_MESSAGE_METHOD = 'WEBSOCKET';

const LABELS = new Set(['attack', 'benign']);

/**
 * Checks one parsed line; returns every reason it is not a valid record (joined by "; "), or null. All
 * of them at once: a hand-written record missing `source` and `query` is fixed in one edit, not two runs.
 */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['id', 'source', 'category', 'method', 'path', 'query'] as const) {
    if (typeof r[key] !== 'string') problems.push(`"${key}" must be a string`);
  }
  if (!LABELS.has(r.label as string)) problems.push('"label" must be "attack" or "benign"');
  if (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers)) problems.push('"headers" must be an object');
  else {
    for (const [k, v] of Object.entries(r.headers as Record<string, unknown>)) {
      if (typeof v !== 'string') problems.push(`header "${k}" must be a string`);
    }
  }
  if (r.body !== undefined && typeof r.body !== 'string') problems.push('"body" must be a string when present');
  if (r.bodyEncoding !== undefined && r.bodyEncoding !== 'base64') problems.push('"bodyEncoding" must be "base64" when present');
  if (r.clientIp !== undefined && typeof r.clientIp !== 'string') problems.push('"clientIp" must be a string when present');
  if (typeof r.path === 'string' && !r.path.startsWith('/')) problems.push('"path" must start with /');
  const message = r.websocket;
  if (message !== undefined) {
    const m = message as Record<string, unknown> | null;
    if (typeof m !== 'object' || m === null || Array.isArray(m) || (m.opcode !== 1 && m.opcode !== 2)) problems.push('"websocket" must be an object whose "opcode" is 1 (text) or 2 (binary)');
    else if (m.messageIndex !== undefined && !(Number.isInteger(m.messageIndex) && (m.messageIndex as number) >= 0)) problems.push('"websocket.messageIndex" must be an integer >= 0 when present');
    if (r.method !== WEBSOCKET_MESSAGE_METHOD) problems.push(`a WebSocket message ("websocket" present) must have "method": "${WEBSOCKET_MESSAGE_METHOD}"`);
  } else if (r.method === WEBSOCKET_MESSAGE_METHOD) problems.push(`"method": "${WEBSOCKET_MESSAGE_METHOD}" is a WebSocket message: it needs "websocket": { "opcode": 1 | 2 }`);
  return problems.length === 0 ? null : problems.join('; ');
}

/** The request-target a record stands for. */
export function recordUrl(r: RequestRecord): string {
  return r.query === '' ? r.path : `${r.path}?${r.query}`;
}
