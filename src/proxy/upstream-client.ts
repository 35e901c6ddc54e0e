import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { WardenError } from '../errors.js';
import { buildClientResponseHeaders } from './forward-headers.js';
import { upstreamTimeout, upstreamUnavailable } from './errors.js';

export interface UpstreamOptions {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Keep-alive connections kept open to the upstream. */
  connections: number;
}

export interface UpstreamRequest {
  method: string;
  /** Origin-form request-target, byte-for-byte as the client sent it. */
  path: string;
  headers: string[];
  body: Buffer | AsyncIterable<Buffer> | null;
}

export interface ForwardResult {
  status: number;
  /** Response body bytes relayed to the client. */
  bytes: number;
}

/** Maps an undici failure before the response head to the client-facing error (502 or 504). */
function upstreamFailure(origin: string, err: unknown): WardenError {
  if (err instanceof undiciErrors.HeadersTimeoutError) return upstreamTimeout(origin, 'waiting for response headers');
  if (err instanceof undiciErrors.ConnectTimeoutError) return upstreamTimeout(origin, 'connecting');
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
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
      connect: { timeout: options.connectMs },
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
    res.writeHead(statusCode, buildClientResponseHeaders(headers).flat() as unknown as string[]);
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    try {
      await pipeline(body, res, { end: false });
    } catch {
      // The client went away or the upstream cut the body: nothing left to answer; end both sides.
      body.destroy();
      res.destroy();
      return { status: statusCode, bytes };
    }
    const names = Object.keys(trailers);
    if (names.length > 0) res.addTrailers(trailers as Record<string, string>);
    res.end();
    return { status: statusCode, bytes };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
