import type { IncomingMessage } from 'node:http';
import { bodyIncomplete, bodyTooLarge } from './errors.js';

export interface BodyPolicy {
  limit: number;
  overLimit: 'reject' | 'inspect-prefix';
  /** Time the client has to send the whole body. */
  timeoutMs: number;
}

export interface ReadBody {
  /** The bytes kept for inspection (the whole body, or its first `limit` bytes). */
  inspected: Buffer;
  truncated: boolean;
  /** With inspect-prefix, the rest of the body still to stream to the upstream; null when all was read. */
  rest: AsyncIterable<Buffer> | null;
}

const EMPTY = Buffer.alloc(0);

function declaresBody(req: IncomingMessage): boolean {
  const te = req.headers['transfer-encoding'];
  if (te !== undefined) return true;
  const cl = req.headers['content-length'];
  return cl !== undefined && cl !== '0';
}

/**
 * Reads a request body (node has already removed chunked framing) up to the inspection limit.
 * Over the limit: `reject` throws 413 as soon as the limit is crossed (nothing is forwarded);
 * `inspect-prefix` keeps the first `limit` bytes for inspection and hands back the rest as a stream.
 */
export function readRequestBody(req: IncomingMessage, policy: BodyPolicy): Promise<ReadBody> {
  if (!declaresBody(req)) return Promise.resolve({ inspected: EMPTY, truncated: false, rest: null });
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (policy.overLimit === 'reject' && Number.isFinite(declared) && declared > policy.limit) {
    // Refuse early, before reading a byte, when the client says up front it will exceed the limit.
    return Promise.reject(bodyTooLarge(policy.limit));
  }
  return new Promise<ReadBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const timer = setTimeout(() => finish(bodyIncomplete(`no complete body within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    timer.unref();

    const finish = (err: Error | null, result?: ReadBody): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) reject(err);
      else resolve(result!);
    };
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length <= policy.limit) {
        chunks.push(chunk);
        size += chunk.length;
        return;
      }
      if (policy.overLimit === 'reject') {
        req.pause();
        finish(bodyTooLarge(policy.limit));
        return;
      }
      const keep = policy.limit - size;
      if (keep > 0) chunks.push(chunk.subarray(0, keep));
      req.pause();
      const overflow = chunk.subarray(keep);
      finish(null, {
        inspected: Buffer.concat(chunks, policy.limit),
        truncated: true,
        rest: restOf(req, overflow),
      });
    };
    const onEnd = (): void => finish(null, { inspected: Buffer.concat(chunks, size), truncated: false, rest: null });
    const onError = (err: Error): void => finish(bodyIncomplete(err.message));
    const onAborted = (): void => finish(bodyIncomplete('client aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

async function* restOf(req: IncomingMessage, first: Buffer): AsyncIterable<Buffer> {
  if (first.length > 0) yield first;
  for await (const chunk of req) yield chunk as Buffer;
}
