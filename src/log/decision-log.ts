import pino, { type Logger } from 'pino';
import type { Inspection } from '../inspect/types.js';
import { WEBSOCKET_MESSAGE_METHOD } from '../eval/record.js';
import type { GateResults, Verdict } from '../decision/types.js';
import { redactLogObject, type RedactionPolicy } from './redact.js';
import { TrafficRotation, type RotationPolicy } from './traffic-rotation.js';

/** A file destination renamed aside by size/age (same scheme as the traffic log); lines still buffered land in one file or the other, none is lost. */
function rotatingDestination(file: string, rotation: RotationPolicy | undefined): pino.DestinationStream {
  const dest = pino.destination({ dest: file, mkdir: true, sync: false });
  if (rotation === undefined || (rotation.maxBytes === 0 && rotation.maxAgeMs === 0)) return dest;
  const rotator = new TrafficRotation(file, rotation);
  const wrapper = {
    write(line: string): boolean {
      const ok = dest.write(line);
      if (rotator.wrote(Buffer.byteLength(line)) && rotator.rotate() !== null) dest.reopen();
      return ok;
    },
    flush: (cb?: (err?: Error) => void): void => dest.flush(cb),
    flushSync: (): void => dest.flushSync(),
    end: (): void => dest.end(),
    reopen: (): void => dest.reopen(),
  };
  return wrapper;
}

export type DecisionLogger = Logger;

/**
 * The structured decision log: one JSON line per non-allow verdict (or every verdict), SIEM-ready.
 * Every line passes the shared redaction stage (`redactLogObject`) before it is written.
 */
export function createDecisionLogger(destination: string, level: string, redaction?: RedactionPolicy, rotation?: RotationPolicy): DecisionLogger {
  const stream = destination === 'stdout' ? pino.destination(1) : rotatingDestination(destination, rotation);
  const formatters = redaction === undefined ? undefined : { log: (fields: Record<string, unknown>) => redactLogObject(fields, redaction) };
  return pino({ level, base: { service: 'warden', pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters }, stream);
}

/** The fields of a verdict line: who, what, which gate said what about which field, and the arithmetic. */
export function verdictLogFields(
  inspection: Inspection,
  verdict: Verdict,
  results: GateResults,
  upstreamStatus: number | null,
  remainder?: { scannedBytes: number; unscannedBytes: number },
) {
  const model = results.model;
  // A WebSocket message has no HTTP status and is no GET: its line says so (websocket.close when Warden ended the connection).
  const message = inspection.websocket !== undefined;
  return {
    event: 'verdict',
    incidentId: verdict.incidentId,
    action: verdict.action,
    confidence: verdict.confidence,
    score: verdict.score,
    mode: verdict.mode,
    status: message ? undefined : verdict.action === 'block' ? verdict.status : upstreamStatus,
    // The verified identity (never the credential): who was blocked or let through.
    source: { ip: inspection.source.ip, peer: inspection.source.peerIp, identity: inspection.source.identity },
    request: { method: message ? WEBSOCKET_MESSAGE_METHOD : inspection.method, host: inspection.host, path: inspection.rawPath, bytes: inspection.body.length },
    // `partial`: a limit cut the inspection (fields past it got a lighter pass, or the body's rest was judged in windows or not at all).
    inspection: inspection.limits === undefined && remainder === undefined ? 'full' : 'partial',
    limits: inspection.limits,
    remainder,
    reasons: verdict.reasons,
    explain: verdict.explain,
    signatures: results.signatures?.hits.map((h) => (h.decoded === undefined ? { rule: `${h.gid}:${h.sid}`, msg: h.msg, buffer: h.buffer, targetIndex: h.targetIndex } : { rule: `${h.gid}:${h.sid}`, msg: h.msg, buffer: h.buffer, targetIndex: h.targetIndex, decoded: h.decoded })),
    // A block hit settled the verdict: the rules left unevaluated (the model did not run either).
    signaturesUnevaluated: results.signatures?.unevaluated,
    model: model === null ? undefined : { version: model.modelVersion, max: model.maxScore, screened: model.screened, total: model.total },
    schema: results.schema === null ? undefined : { operation: results.schema.operation, violations: results.schema.violations },
    failures: results.failures.length > 0 ? results.failures : undefined,
    timingsUs: verdict.timings,
    // A WebSocket message: { handshakeId, messageIndex, opcode, bytes, close }.
    websocket: inspection.websocket,
  };
}
