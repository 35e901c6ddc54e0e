import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { WardenError } from '../errors.js';
import { buildClientResponseHeaders } from './forward-headers.js';
import { upstreamTimeout, upstreamUnavailable } from './errors.js';
import { upstreamTlsUnverified } from '../tls/errors.js';
import { isTlsFailure } from '../tls/upstream-tls.js';

export interface UpstreamOptions {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Keep-alive connections kept open to the upstream. */
  connections: number;
  /** Verification of an https upstream (CA, SNI name, pins); null for an http one. */
  tls?: ConnectionOptions | null;
}

export interface UpstreamRequest {
  method: string;
  /** Origin-form request-target, byte-for-byte as the client sent it. */
  path: string;
  headers: string[];
  body: Buffer | AsyncIterable<Buffer> | null;
  /** Flat [name, value, ...] Warden adds to the upstream's answer (the RateLimit fields). */
  responseHeaders?: readonly string[];
  /** Sees the upstream's response headers before they are relayed; a promise it returns is waited for (the session ids a Set-Cookie issues). */
  beforeHead?: (headers: Record<string, string | string[] | undefined>) => Promise<void> | null;
}

export interface ForwardResult {
  status: number;
  /** Response body bytes relayed to the client. */
  bytes: number;
}

/** Maps an undici (or node:https) failure before the response head to the client-facing error (502 or 504). */
export function upstreamFailure(origin: string, err: unknown): WardenError {
  if (err instanceof undiciErrors.HeadersTimeoutError) return upstreamTimeout(origin, 'waiting for response headers');
  if (err instanceof undiciErrors.ConnectTimeoutError) return upstreamTimeout(origin, 'connecting');
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (isTlsFailure(err)) return upstreamTlsUnverified(origin, code !== undefined && !message.includes(code) ? `${code}: ${message}` : message);
  return upstreamUnavailable(origin, code !== undefined && !message.includes(code) ? `${code}: ${message}` : message);
}

/** A keep-alive pool to one upstream origin that relays responses as streams, trailers included. */
export class UpstreamClient {
  readonly origin: string;
  private readonly pool: Pool;

  constructor(origin: string, options: UpstreamOptions) {
    this.origin = new URL(origin).origin;
    this.pool = new Pool(this.origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.connectMs, ...(options.tls ?? {}) },
      headersTimeout: options.headersMs,
      bodyTimeout: options.bodyMs,
    });
  }

  /**
   * Sends the request and relays the response to `res`. Throws a WardenError (502/504) when the
   * upstream fails before the response head; after the head is sent, a failure can only cut the
   * client connection, which is what a client of the upstream itself would see.
   */
  async forward(request: UpstreamRequest, res: ServerResponse): Promise<ForwardResult> {
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body === null || Buffer.isBuffer(request.body) ? request.body : Readable.from(request.body),
      });
    } catch (err) {
      throw upstreamFailure(this.origin, err);
    }
    const { statusCode, headers, body, trailers } = response;
    if (request.beforeHead !== undefined) {
      const settled = request.beforeHead(headers);
      if (settled !== null) await settled;
    }
    const answerHeaders = buildClientResponseHeaders(headers).flat() as unknown as string[];
    if (request.responseHeaders !== undefined) answerHeaders.push(...request.responseHeaders);
    res.writeHead(statusCode, answerHeaders);
    const bytes = await relayBody(body, res);
    if (bytes < 0) return { status: statusCode, bytes: -1 - bytes };
    const names = Object.keys(trailers);
    if (names.length > 0) res.addTrailers(trailers as Record<string, string>);
    res.end();
    return { status: statusCode, bytes };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * Copies the upstream body to the client with backpressure, leaving `res` open for trailers.
 * A hand-rolled relay rather than stream.pipeline: pipeline allocates an AbortSignal (and a
 * DOMException on every settle) per request, which showed up at ~8 % of CPU in a profile.
 * Resolves with the bytes relayed, or `-1 - bytes` when either side failed (both are then destroyed).
 */
function relayBody(body: Readable, res: ServerResponse): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (!ok) {
        body.destroy();
        res.destroy();
      }
      resolve(ok ? bytes : -1 - bytes);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (!res.write(chunk)) body.pause();
    };
    const onDrain = (): void => {
      body.resume();
    };
    const onEnd = (): void => finish(true);
    const onError = (): void => finish(false);
    // The client went away before the body was complete.
    const onClose = (): void => finish(res.writableFinished);
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
