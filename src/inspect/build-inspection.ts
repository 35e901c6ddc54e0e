import { randomUUID } from 'node:crypto';
import { inspectBody } from './bodies/inspect-body.js';
import { parseMediaType } from './content-type.js';
import { addCookieFields } from './cookies.js';
import type { Decoder } from './decoders/decoder.js';
import { DECODE_FLAG_INVALID_PERCENT, DECODE_FLAG_OVERLONG_UTF8, DECODE_FLAG_PERCENT_U } from './decoders/decoder.js';
import { resolveDecoders } from './decoders/registry.js';
import { BODY_TRUNCATED, PATH_ABOVE_ROOT } from './findings.js';
import { addHeaderTargets, readHeaderFields } from './header-fields.js';
import { DEFAULT_INSPECT_OPTIONS, type InspectOptions } from './inspect-options.js';
import { addPathTargets } from './path-targets.js';
import { buildSnortBuffers } from './snort-buffers.js';
import { TargetCollector } from './target-collector.js';
import { latin1ToUtf8 } from './text/latin1-to-utf8.js';
import { MemoryBudget, unboundedMemory } from './memory-budget.js';
import type { Inspection, MessageContext, RawRequest, WebSocketMessageInfo } from './types.js';
import { inspectMessage, messageContextOf } from './message-inspection.js';
import { walkUrlencodedFields } from './urlencoded-fields.js';
import { finishNow, UNTIMED, type Steps, type WorkClock } from './work-clock.js';
import { normalizeUri } from './uri/normalize-uri.js';
import { BYTES_INVALID_PERCENT, BYTES_OVERLONG, BYTES_PERCENT_U } from './uri/percent-decode-bytes.js';
import { splitRequestTarget } from './uri/split-request-target.js';

export { DEFAULT_INSPECT_OPTIONS, type InspectOptions } from './inspect-options.js';

/**
 * A request → Inspection function with its options resolved once (decoder names looked up, defaults
 * merged). Called, it inspects at once; `steps` gives the same work as steps that pause when `clock`
 * says the slice is used up and stop walking fields once its budget is spent (the proxy runs them
 * with finishInSlices). With the same input and an untimed clock both give the same Inspection.
 */
export interface Inspector {
  (raw: RawRequest): Inspection;
  /** `memoryBudgetBytes`: what the walk may build (inspection.memoryBudgetMb, see memory-budget.ts); none by default. */
  steps(raw: RawRequest, clock: WorkClock, memoryBudgetBytes?: number): Steps<Inspection>;
  /** A WebSocket message in its connection's context (message-inspection.ts), as steps. */
  message(context: MessageContext, payload: Buffer, websocket: WebSocketMessageInfo, clock: WorkClock, memoryBudgetBytes?: number): Steps<Inspection>;
}

/** Resolves options once; use the returned function on the hot path. */
export function createInspector(overrides: Partial<InspectOptions> = {}): Inspector {
  const options: InspectOptions = { ...DEFAULT_INSPECT_OPTIONS, ...overrides };
  const decoders = resolveDecoders(options.decoders);
  return Object.assign((raw: RawRequest) => finishNow(inspectRequest(raw, options, decoders, UNTIMED, unboundedMemory())), {
    steps: (raw: RawRequest, clock: WorkClock, memoryBudgetBytes = Infinity) => inspectRequest(raw, options, decoders, clock, new MemoryBudget(memoryBudgetBytes)),
    message: (context: MessageContext, payload: Buffer, websocket: WebSocketMessageInfo, clock: WorkClock, memoryBudgetBytes = Infinity) =>
      inspectMessage(context, payload, websocket, options, decoders, clock, new MemoryBudget(memoryBudgetBytes)),
  });
}

// buildInspection callers usually pass the same options object every time: compile it once.
const inspectors = new WeakMap<Partial<InspectOptions>, Inspector>();
const defaultInspector = createInspector();

/**
 * Turns a request into an Inspection: Snort buffers plus one target per client-controlled field
 * (path segments, query args, headers, cookies, body fields), each with its decoded forms, and the
 * anomalies met on the way. Pure and synchronous; never throws on hostile input.
 */
export function buildInspection(raw: RawRequest, options?: Partial<InspectOptions>): Inspection {
  if (options === undefined) return defaultInspector(raw);
  let inspector = inspectors.get(options);
  if (inspector === undefined) {
    inspector = createInspector(options);
    inspectors.set(options, inspector);
  }
  return inspector(raw);
}

/** URI anomalies as decode flags, so the URI and the targets report them under the same codes. */
function uriAnomalyFlags(anomalies: number): number {
  let flags = 0;
  if (anomalies & BYTES_INVALID_PERCENT) flags |= DECODE_FLAG_INVALID_PERCENT;
  if (anomalies & BYTES_PERCENT_U) flags |= DECODE_FLAG_PERCENT_U;
  if (anomalies & BYTES_OVERLONG) flags |= DECODE_FLAG_OVERLONG_UTF8;
  return flags;
}

function* inspectRequest(raw: RawRequest, options: InspectOptions, decoders: readonly Decoder[], clock: WorkClock, memory: MemoryBudget): Steps<Inspection> {
  // A record of a WebSocket message: the message alone is walked, its handshake is context.
  if (raw.websocket !== undefined) return yield* inspectMessage(messageContextOf(raw, options.uriDecodeRounds), raw.body, raw.websocket, options, decoders, clock, memory);
  const collector = new TargetCollector(options, decoders, clock, memory);
  const parts = splitRequestTarget(raw.url);
  const uri = normalizeUri(parts, options.uriDecodeRounds);
  if (uri.anomalies !== 0) collector.reportDecodeFlags(uriAnomalyFlags(uri.anomalies), 'path', 'uri');
  if (uri.aboveRoot) collector.report(PATH_ABOVE_ROOT, [], 'path', 'path');

  const { headers, headerMap, cookies } = readHeaderFields(raw.rawHeaders);
  const contentTypeHeader = headerMap.get('content-type');
  const media = parseMediaType(contentTypeHeader);

  addPathTargets(collector, parts.path);
  if (parts.hasQuery) yield* walkUrlencodedFields(collector, 'query', latin1ToUtf8(parts.query));
  addHeaderTargets(collector, headers);
  addCookieFields(collector, cookies);
  if (raw.bodyTruncated) collector.report(BODY_TRUNCATED, [], 'body');
  const bodyLatin1 = raw.body.length === 0 ? '' : raw.body.toString('latin1');
  const bodyKind = yield* inspectBody(raw.body, media.essence, {
    collector,
    options,
    namePrefix: '',
    truncated: raw.bodyTruncated,
    mediaParameters: media.parameters,
    multipartLevel: 0,
    latin1: bodyLatin1,
    requestBody: raw.body,
    partsRead: { count: 0 },
  });

  if (collector.dueNow()) yield;
  const buffers = buildSnortBuffers({
    method: raw.method,
    url: raw.url,
    httpVersion: raw.httpVersion,
    headers,
    cookies,
    snortUri: uri.snortUri,
    bodyLatin1,
  });

  const inspection: Inspection = {
    id: randomUUID(),
    receivedAt: Date.now(),
    source: raw.source,
    method: raw.method,
    rawUrl: raw.url,
    rawPath: parts.path,
    rawQuery: parts.query,
    path: uri.path,
    httpVersion: raw.httpVersion,
    headers,
    headerMap,
    host: headerMap.get('host') ?? parts.authority,
    contentType: media.essence,
    body: raw.body,
    bodyTruncated: raw.bodyTruncated,
    bodyKind,
    buffers,
    targets: collector.targets,
    findings: collector.findings,
  };
  let limits = collector.limitsResult();
  // inspect-prefix: the rest of the body is judged as it streams (see src/proxy/remainder-scan.ts).
  if (raw.bodyTruncated) (limits ??= { reached: [], uncovered: [], remainderTargets: 0 }).reached.push('body.limit');
  if (limits !== undefined) inspection.limits = limits;
  if (collector.binaryRegions.length > 0) inspection.binaryRegions = collector.binaryRegions;
  if (collector.opaqueRegions.length > 0) inspection.opaqueRegions = collector.opaqueRegions;
  return inspection;
}
