import { connect, type Socket } from 'node:net';
import { recordUrl, type RequestRecord } from './record.js';
import { recordBody } from './record-request.js';

/**
 * Replays request records against a live HTTP target over plain TCP, writing each request byte for
 * byte: path and query exactly as recorded (no URL parsing, so `/../`, `%zz` or `%u0027` reach the
 * server unchanged), headers in recorded order and case. Used to score Warden and any other WAF with
 * the same client on the same records.
 */

export interface ReplayOptions {
  /** `http://host:port`; only the origin is used, each record supplies its own path. */
  target: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Statuses that count as "blocked" (default [403]). */
  blockedStatuses?: number[];
  /** Per-request budget from connect to response head (default 10 000 ms). */
  timeoutMs?: number;
  /** Called as each record finishes, in completion order (progress, streaming output). */
  onResult?: (result: ReplayResult) => void;
}

export interface ReplayResult {
  id: string;
  source: string;
  category: string;
  label: RequestRecord['label'];
  /** Final (non-1xx) response status; null when no response head arrived. */
  status: number | null;
  blocked: boolean;
  /** Connect/timeout/parse failure; such a record counts as passed. */
  error?: string;
  ms: number;
}

const MAX_HEAD_BYTES = 64 * 1024;

/** The exact bytes of one request: UTF-8 for every character (the record is JSON text), CRLF framing. */
export function requestBytes(record: RequestRecord, hostHeader: string): Buffer {
  const body = recordBody(record);
  const names = new Set(Object.keys(record.headers).map((n) => n.toLowerCase()));
  const lines = [`${record.method} ${recordUrl(record)} HTTP/1.1`];
  if (!names.has('host')) lines.push(`Host: ${hostHeader}`);
  for (const [name, value] of Object.entries(record.headers)) lines.push(`${name}: ${value}`);
  if (body.length > 0 && !names.has('content-length') && !names.has('transfer-encoding')) lines.push(`Content-Length: ${body.length}`);
  // The response is abandoned after its head, so the connection is never reused.
  if (!names.has('connection')) lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/**
 * Status of the first final response in `head` (skipping 100 Continue and other 1xx heads), or
 * undefined while more bytes are needed.
 */
export function finalStatus(head: Buffer): number | undefined {
  let offset = 0;
  for (;;) {
    const end = head.indexOf('\r\n\r\n', offset, 'latin1');
    if (end < 0) return undefined;
    const statusLine = head.toString('latin1', offset, head.indexOf('\r\n', offset, 'latin1'));
    const match = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine);
    if (match === null) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine.slice(0, 80))}`);
    const status = Number(match[1]);
    if (status >= 200 || status === 101) return status;
    offset = end + 4;
  }
}

function sendOne(record: RequestRecord, host: string, port: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | null, status?: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err !== null) reject(err);
      else resolve(status as number);
    };
    const timer = setTimeout(() => finish(new Error(`no response head within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => socket.write(requestBytes(record, `${host}:${port}`)));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      try {
        const status = finalStatus(Buffer.concat(chunks, size));
        if (status !== undefined) finish(null, status);
        else if (size > MAX_HEAD_BYTES) finish(new Error('response head larger than 64 KiB'));
      } catch (err) {
        finish(err as Error);
      }
    });
    // A server may answer and close while the body is still being written (early 403): keep the answer.
    socket.on('error', (err) => {
      try {
        const status = finalStatus(Buffer.concat(chunks, size));
        if (status !== undefined) return finish(null, status);
      } catch {
        // fall through to the socket error
      }
      finish(err);
    });
    socket.on('end', () => finish(new Error('connection closed before a response head')));
  });
}

/**
 * Sends every record to `options.target` with at most `concurrency` in flight; resolves with one
 * result per record in input order. Failures are results, not rejections, so one bad record does not
 * lose the run.
 */
export async function replayRecords(
  records: AsyncIterable<RequestRecord> | RequestRecord[],
  options: ReplayOptions,
): Promise<ReplayResult[]> {
  const url = new URL(options.target);
  if (url.protocol !== 'http:') throw new Error(`replay target must be http://host:port, got ${options.target}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port === '' ? 80 : Number(url.port);
  const blocked = new Set(options.blockedStatuses ?? [403]);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const results: ReplayResult[] = [];
  const inFlight = new Set<Promise<void>>();

  const run = async (record: RequestRecord, index: number): Promise<void> => {
    const started = performance.now();
    const base = { id: record.id, source: record.source, category: record.category, label: record.label };
    let result: ReplayResult;
    try {
      // A WebSocket message is no HTTP request: written as one it would be a request with method WEBSOCKET.
      if (record.websocket !== undefined) throw new Error('a WebSocket message record is not replayed over HTTP');
      const status = await sendOne(record, host, port, timeoutMs);
      result = { ...base, status, blocked: blocked.has(status), ms: performance.now() - started };
    } catch (err) {
      result = { ...base, status: null, blocked: false, error: (err as Error).message, ms: performance.now() - started };
    }
    results[index] = result;
    options.onResult?.(result);
  };

  let index = 0;
  for await (const record of records) {
    const task = run(record, index++).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return results;
}
