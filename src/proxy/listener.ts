import { Server as HttpServer, createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Http2ServerResponse as Http2ServerResponseClass, createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { WardenConfig } from '../config/types.js';
import type { WardenMetrics } from '../log/metrics.js';
import type { WardenError } from '../errors.js';
import type { TlsTerminator } from '../tls/terminator.js';
import { WardenHttp2Request, WardenHttp2Response } from '../tls/http2-compat.js';
import { http2AuthorityMismatch, http2ConnectRefused } from '../tls/errors.js';
import { verifiedClientCertificate, type ClientCertificate } from '../tls/client-certificate.js';

export interface ListenerHandlers {
  request(req: IncomingMessage, res: ServerResponse): void;
  /** An answer the listener decided (a malformed HTTP/2 request): the proxy's usual refusal path. */
  refuse(req: IncomingMessage, res: ServerResponse, err: WardenError): void;
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void;
  clientError(err: Error & { code?: string }, socket: Socket): void;
}

/** The data-plane listener: plain HTTP/1.1, HTTPS/1.1, or HTTPS with ALPN h2 + http/1.1 on one port. */
export interface ProxyListener {
  readonly scheme: 'http' | 'https';
  listen(host: string, port: number): Promise<AddressInfo>;
  /** Closes keep-alive connections with no request in flight; HTTP/2 sessions get a GOAWAY and finish their streams. */
  closeIdleConnections(): void;
  closeAllConnections(): void;
  /** Stops accepting; resolves when every connection has ended. */
  close(): Promise<void>;
  /** The verified client certificate of the request's connection (mTLS), or null. */
  clientCertificate(req: IncomingMessage): ClientCertificate | null;
  /** Whether the client cancelled the request (its HTTP/2 stream was reset or closed, its connection is gone). */
  clientGone(req: IncomingMessage): boolean;
  /**
   * Serves an HTTP/1.1 connection that Node handed over as an upgrade as a new connection whose first
   * bytes are `bytes` (a request head written again, then what followed it): its requests reach
   * `handlers.request` like any others, with Node's own parser, keep-alive and pipelining.
   */
  serveAgain(socket: Socket, bytes: Buffer): void;
}

type AnyServer = HttpServer | Http2SecureServer;

/** The TLS socket under a request: HTTP/2 compat requests expose a per-stream proxy, the session holds the real one. */
function tlsSocketOf(req: IncomingMessage): TLSSocket {
  const stream = (req as unknown as Partial<Http2ServerRequest>).stream;
  return (stream?.session?.socket ?? req.socket) as TLSSocket;
}

/**
 * Creates the listener and its HTTP settings. HTTP/1.1 (plain or over TLS) gets the slowloris guard
 * (headers and request timeouts, checked every second) and a 16 KiB header limit; HTTP/2 gets the
 * bounds of `tls.http2Limits`, and its HTTP/1.1 fallback the same settings as a plain listener.
 */
export function createProxyListener(config: WardenConfig, tls: TlsTerminator | null, metrics: WardenMetrics, handlers: ListenerHandlers): ProxyListener {
  const t = config.timeouts;
  const http1 = {
    // Slowloris guard: a client must finish its headers, and its whole request, in bounded time.
    headersTimeout: t.clientHeadersMs,
    requestTimeout: t.clientBodyMs + t.clientHeadersMs,
    keepAliveTimeout: 5_000,
    maxHeaderSize: 16 * 1024,
    // Node checks those timeouts every 30 s by default: too coarse to stop a slowloris in time.
    connectionsCheckingInterval: Math.min(1_000, t.clientHeadersMs),
  };
  const hsts = tls?.config.hsts ?? null;
  const hstsValue = hsts === null ? null : `max-age=${hsts.maxAgeSeconds}${hsts.includeSubDomains ? '; includeSubDomains' : ''}${hsts.preload ? '; preload' : ''}`;
  const onRequest =
    hstsValue === null
      ? (req: IncomingMessage, res: ServerResponse): void => handlers.request(req, res)
      : (req: IncomingMessage, res: ServerResponse): void => {
          // The upstream's own Strict-Transport-Security, if it sends one, replaces this one.
          res.setHeader('strict-transport-security', hstsValue);
          handlers.request(req, res);
        };
  let server: AnyServer;
  const sessions = new Set<Http2Session>();
  if (tls === null) {
    server = createHttpServer(http1, onRequest);
  } else if (!tls.config.http2) {
    server = createHttpsServer({ ...http1, ...tls.serverOptions(t.clientHeadersMs) }, onRequest);
  } else {
    const limits = tls.config.http2Limits;
    const h2 = createSecureServer(
      {
        ...tls.serverOptions(t.clientHeadersMs),
        allowHTTP1: true,
        maxSessionMemory: limits.maxSessionMemoryMb,
        maxHeaderListPairs: limits.maxHeaderPairs,
        // Streams a client resets or sends broken frames on, beyond which the session is closed
        // (Node's defaults, 100 and 1000, are generous for a proxy in front of one application).
        maxSessionRejectedStreams: 50,
        maxSessionInvalidFrames: 100,
        settings: { maxConcurrentStreams: limits.maxConcurrentStreams, maxHeaderListSize: limits.maxHeaderListBytes, enablePush: false },
        Http2ServerRequest: WardenHttp2Request,
        Http2ServerResponse: WardenHttp2Response as unknown as typeof Http2ServerResponseClass,
      },
      (req: Http2ServerRequest, res: Http2ServerResponse) => onHttp2Request(req, res),
    );
    // The HTTP/1.1 fallback reads these from the server object (as http.Server does from its options).
    Object.assign(h2, http1);
    // An HTTP/2 session with no traffic for this long is closed (HTTP/1.1 has keepAliveTimeout and requestTimeout).
    h2.setTimeout(Math.max(t.clientBodyMs, 5_000));
    h2.on('session', (session: Http2Session) => {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
    });
    h2.on('sessionError', (err: Error & { code?: string }) => metrics.tlsHandshakeFailures.inc({ reason: err.code ?? 'session_error' }));
    // CONNECT (and RFC 8441 extended CONNECT, which Node does not enable) would open a tunnel no gate sees.
    h2.on('connect', (req: Http2ServerRequest, res: Http2ServerResponse) => handlers.refuse(req as unknown as IncomingMessage, res as unknown as ServerResponse, http2ConnectRefused()));
    server = h2;
  }
  /** Every request of the HTTP/2 server: HTTP/2 streams, and HTTP/1.1 from clients that did not pick h2 (allowHTTP1). */
  function onHttp2Request(req: Http2ServerRequest, res: Http2ServerResponse): void {
    const request = req as unknown as IncomingMessage;
    const response = res as unknown as ServerResponse;
    if (!(req instanceof WardenHttp2Request)) {
      onRequest(request, response);
      return;
    }
    if (hstsValue !== null) response.setHeader('strict-transport-security', hstsValue);
    const conflict = req.authorityConflict;
    if (conflict !== null) {
      handlers.refuse(request, response, http2AuthorityMismatch(conflict[0], conflict[1]));
      return;
    }
    // A body without content-length (allowed in HTTP/2): tell the body reader there is one, as chunked framing would in HTTP/1.1.
    if (!req.stream.endAfterHeaders && req.headers['content-length'] === undefined) req.headers['transfer-encoding'] = 'chunked';
    // nghttp2 hands over a HEADERS frame before it reads the RST_STREAM behind it in the same packet:
    // starting on the next turn lets a reset land first, so a rapid-reset flood costs no inspection
    // and no upstream request (nghttp2's own limit then closes the session after ~1000 resets).
    setImmediate(startHttp2Request, request, response);
  }

  function startHttp2Request(req: IncomingMessage, res: ServerResponse): void {
    const stream = (req as unknown as Http2ServerRequest).stream;
    if (stream.destroyed || stream.closed) return;
    handlers.request(req, res);
  }

  server.on('clientError', (err: Error & { code?: string }, socket: Socket) => handlers.clientError(err, socket));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => handlers.upgrade(req, socket, head));
  if (tls !== null) {
    tls.attach(server as unknown as import('node:tls').Server);
    // A refused handshake (TLS 1.1, no shared cipher, no client certificate when one is required).
    server.on('tlsClientError', (err: Error & { code?: string }) => metrics.tlsHandshakeFailures.inc({ reason: err.code ?? 'handshake' }));
  }

  // http.Server's connection bookkeeping also runs for an HTTP/2 server's HTTP/1.1 fallback; its methods are borrowed for it.
  const closeIdleHttp1 = (): void => HttpServer.prototype.closeIdleConnections.call(server as HttpServer);
  const closeAllHttp1 = (): void => HttpServer.prototype.closeAllConnections.call(server as HttpServer);
  const requestsClientCertificate = tls?.config.clientCertificates != null;

  return {
    scheme: tls === null ? 'http' : 'https',
    listen(host, port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    closeIdleConnections() {
      closeIdleHttp1();
      for (const s of sessions) if (!s.closed) s.close();
    },
    closeAllConnections() {
      closeAllHttp1();
      for (const s of sessions) s.destroy();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        this.closeIdleConnections();
      });
    },
    clientCertificate(req) {
      return requestsClientCertificate ? verifiedClientCertificate(tlsSocketOf(req)) : null;
    },
    clientGone(req) {
      const stream = (req as unknown as Partial<Http2ServerRequest>).stream;
      return stream !== undefined ? stream.destroyed || stream.closed : req.socket.destroyed;
    },
    serveAgain(socket, bytes) {
      // Node leaves an upgraded socket paused with nothing read past `head`, so nothing is lost in between.
      // 'connection' injects a connection into an http.Server (Node's documented use of the event); a TLS
      // server's HTTP/1.1 handling starts at 'secureConnection', after the handshake this socket has done.
      socket.unshift(bytes);
      server.emit(tls === null ? 'connection' : 'secureConnection', socket);
    },
  };
}
