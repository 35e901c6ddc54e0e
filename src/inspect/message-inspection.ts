import { randomUUID } from 'node:crypto';
import { inspectBody } from './bodies/inspect-body.js';
import { isValidJson, structuredShape } from './bodies/body-kind.js';
import type { Decoder } from './decoders/decoder.js';
import { readHeaderFields } from './header-fields.js';
import type { InspectOptions } from './inspect-options.js';
import type { MemoryBudget } from './memory-budget.js';
import { TargetCollector } from './target-collector.js';
import type { Inspection, MessageContext, RawRequest, SnortBuffers, WebSocketMessageInfo } from './types.js';
import type { Steps, WorkClock } from './work-clock.js';
import { normalizeUri } from './uri/normalize-uri.js';
import { splitRequestTarget } from './uri/split-request-target.js';

/** RFC 6455 data opcodes. */
const TEXT = 0x1;

/**
 * The media type a message is read as, guessed from what it is (WebSocket frames carry none): a text
 * message that parses as JSON is JSON (its values are fields), one shaped as XML is XML, any other text
 * is text/plain; a binary message gets none, so it is read as an untyped body is (as text when it is
 * text, else its printable stretches as text windows: bodies/text-windows.ts).
 */
export function messageContentType(opcode: number, payload: Buffer): 'application/json' | 'application/xml' | 'text/plain' | '' {
  if (opcode !== TEXT) return '';
  const shape = structuredShape(payload);
  if (shape === 'json' && isValidJson(payload)) return 'application/json';
  if (shape === 'xml') return 'application/xml';
  return 'text/plain';
}

const UTF8 = new Map([['charset', 'utf-8']]);
const NO_PARAMETERS = new Map<string, string>();

/**
 * The handshake's request as the context of its connection's messages, read from a RawRequest (an
 * offline record of a message: `warden eval`, retraining). The proxy takes it from the handshake's own
 * inspection instead, once per connection.
 */
export function messageContextOf(raw: RawRequest, uriDecodeRounds: number): MessageContext {
  const parts = splitRequestTarget(raw.url);
  const { headers, headerMap } = readHeaderFields(raw.rawHeaders);
  return {
    source: raw.source,
    method: raw.method,
    rawUrl: raw.url,
    rawPath: parts.path,
    rawQuery: parts.query,
    path: normalizeUri(parts, uriDecodeRounds).path,
    httpVersion: raw.httpVersion,
    headers,
    headerMap,
    host: headerMap.get('host') ?? parts.authority,
  };
}

/**
 * A message's Snort buffers: after the upgrade the stream carries no HTTP, so as in Snort and Suricata
 * on a WebSocket stream the message is pkt_data and file_data (http_client_body here) and the http_uri /
 * http_header buffers are empty. The handshake's were scanned once, with its own verdict.
 */
function messageBuffers(payloadLatin1: string): SnortBuffers {
  return { raw: payloadLatin1, method: '', uri: '', rawUri: '', header: '', rawHeader: '', cookie: '', rawCookie: '', clientBody: payloadLatin1 };
}

/**
 * A WebSocket message as the gates judge it: its targets are the message's alone (read as a body of its
 * guessed type), its buffers the message's; the connection's context — method, target, headers, host,
 * source — rides along for what is the connection's (route, exceptions, reputation keys, the log line)
 * and is never walked again: the handshake's query, headers and cookies had their verdict at the handshake.
 */
export function* inspectMessage(
  context: MessageContext,
  payload: Buffer,
  websocket: WebSocketMessageInfo,
  options: InspectOptions,
  decoders: readonly Decoder[],
  clock: WorkClock,
  memory: MemoryBudget,
): Steps<Inspection> {
  const collector = new TargetCollector(options, decoders, clock, memory);
  const contentType = messageContentType(websocket.opcode, payload);
  const latin1 = payload.length === 0 ? '' : payload.toString('latin1');
  const bodyKind = yield* inspectBody(payload, contentType, {
    collector,
    options,
    namePrefix: '',
    truncated: false,
    mediaParameters: contentType === 'text/plain' ? UTF8 : NO_PARAMETERS,
    multipartLevel: 0,
    latin1,
    partsRead: { count: 0 },
  });
  if (collector.dueNow()) yield;
  const inspection: Inspection = {
    id: randomUUID(),
    receivedAt: Date.now(),
    source: context.source,
    method: context.method,
    rawUrl: context.rawUrl,
    rawPath: context.rawPath,
    rawQuery: context.rawQuery,
    path: context.path,
    httpVersion: context.httpVersion,
    headers: context.headers,
    headerMap: context.headerMap,
    host: context.host,
    contentType,
    body: payload,
    bodyTruncated: false,
    bodyKind,
    buffers: messageBuffers(latin1),
    targets: collector.targets,
    findings: collector.findings,
    websocket,
  };
  const limits = collector.limitsResult();
  if (limits !== undefined) inspection.limits = limits;
  return inspection;
}
