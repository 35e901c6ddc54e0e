import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { Inspection } from '../inspect/types.js';
import type { Verdict } from '../decision/types.js';
import { WEBSOCKET_MESSAGE_METHOD, type RecordedMessage, type RequestRecord } from '../eval/record.js';
import { redactBody, redactHeaders, redactUrl, redactUrlEncoded, type RedactionPolicy } from './redact.js';
import { TrafficRotation, type RotationPolicy } from './traffic-rotation.js';

/** One line of the traffic log: a replayable request record plus what Warden decided about it. */
export interface TrafficLine extends RequestRecord {
  ts: string;
  ip: string;
  /** `base64` when the body is not valid UTF-8 text. */
  bodyEncoding?: 'base64';
  bodyTruncated?: boolean;
  verdict: { action: Verdict['action']; confidence: Verdict['confidence']; score: number; reasons: string[] };
  modelVersion?: string;
}

export interface TrafficLogOptions {
  file: string;
  sampleRate: number;
  maxBodyBytes: number;
  redaction: RedactionPolicy;
  /** Size/time rotation of `file`; absent = one ever-growing file. */
  rotation?: RotationPolicy;
}

/**
 * The NDJSON traffic log: tomorrow's training set. Redacts before writing, samples allow verdicts
 * (every non-allow verdict is kept), writes asynchronously.
 */
export class TrafficLog {
  private readonly stream: pino.DestinationStream & { flushSync?: () => void; end?: () => void; reopen?: () => void };
  private readonly options: TrafficLogOptions;
  private readonly rotation: TrafficRotation | null;

  constructor(options: TrafficLogOptions) {
    this.options = options;
    mkdirSync(dirname(options.file), { recursive: true });
    this.stream = pino.destination({ dest: options.file, sync: false, mkdir: true });
    this.rotation = options.rotation ? new TrafficRotation(options.file, options.rotation) : null;
  }

  record(inspection: Inspection, verdict: Verdict, modelVersion: string | undefined): void {
    if (verdict.action === 'allow' && this.options.sampleRate < 1 && Math.random() >= this.options.sampleRate) return;
    const text = `${JSON.stringify(this.lineFor(inspection, verdict, modelVersion))}\n`;
    this.stream.write(text);
    if (this.rotation?.wrote(Buffer.byteLength(text))) {
      // Lines still buffered land in the renamed file (same descriptor) or the new one: none is lost.
      this.rotation.rotate();
      this.stream.reopen?.();
    }
  }

  lineFor(inspection: Inspection, verdict: Verdict, modelVersion: string | undefined): TrafficLine {
    const policy = this.options.redaction;
    const line: TrafficLine = {
      id: verdict.incidentId,
      ts: new Date(inspection.receivedAt).toISOString(),
      source: 'traffic',
      label: verdict.action === 'allow' ? 'benign' : 'attack',
      category: 'live',
      ip: inspection.source.ip,
      method: inspection.websocket === undefined ? inspection.method : WEBSOCKET_MESSAGE_METHOD,
      path: redactUrl(inspection.rawPath, policy),
      query: redactUrlEncoded(inspection.rawQuery, policy),
      headers: redactHeaders(inspection.headers, policy),
      verdict: {
        action: verdict.action,
        confidence: verdict.confidence,
        score: verdict.score,
        reasons: verdict.reasons.map((r) => (r.ruleId !== undefined ? `${r.gate}:${r.ruleId}` : r.gate)),
      },
    };
    if (modelVersion !== undefined) line.modelVersion = modelVersion;
    const message = inspection.websocket;
    if (message !== undefined) {
      // The headers are the handshake's (the connection's context); the body is the message (README, "WebSocket messages").
      const websocket: RecordedMessage = { opcode: message.opcode === 2 ? 2 : 1, messageIndex: message.messageIndex, bytes: message.bytes };
      if (message.handshakeId !== undefined) websocket.handshakeId = message.handshakeId;
      line.websocket = websocket;
    }
    if (line.headers['content-encoding'] !== undefined) {
      // The body below is the one the gates inspected, its Content-Encoding already undone: the line is
      // the uncompressed request, so a replay (`warden eval`, `--target`, retraining) reads what was judged.
      delete line.headers['content-encoding'];
      if (line.headers['content-length'] !== undefined) line.headers['content-length'] = String(inspection.body.length);
    }
    if (inspection.body.length > 0) {
      const slice = inspection.body.subarray(0, this.options.maxBodyBytes);
      const text = slice.toString('utf8');
      if (Buffer.byteLength(text) === slice.length && !text.includes('\uFFFD')) line.body = redactBody(text, inspection.contentType, policy);
      else {
        // Not UTF-8 text: redacted as Latin-1 (one char per byte, so the other bytes survive unchanged), then base64.
        line.body = Buffer.from(redactBody(slice.toString('latin1'), inspection.contentType, policy), 'latin1').toString('base64');
        line.bodyEncoding = 'base64';
      }
      if (slice.length < inspection.body.length || inspection.bodyTruncated) line.bodyTruncated = true;
    }
    return line;
  }

  close(): void {
    // A file not yet open cannot be flushed synchronously (sonic-boom throws "not ready yet");
    // end() still writes what is buffered once the file opens, so nothing is lost.
    try {
      this.stream.flushSync?.();
    } catch {
      /* not open yet: end() below flushes on open */
    }
    this.stream.end?.();
  }
}
