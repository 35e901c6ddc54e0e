import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { WardenProxy } from './server.js';
import { buildUpstreamHeaders } from './forward-headers.js';
import { rawHeadersWithout } from '../net/raw-headers.js';
import { newIncidentId } from '../decision/incident-id.js';
import { upgradeRefused, upstreamTimeout } from './errors.js';
import { headRefusal } from './request-head.js';
import { headWithoutUpgrade } from './head-without-upgrade.js';
import { upstreamFailure } from './upstream-client.js';
import type { BlockBody } from './block-response.js';
import { renderError } from './block-response.js';
import { WebSocketRelay } from './websocket/relay.js';
import { messageConnection } from './websocket/message-connection.js';

function writeAnswer(socket: Socket, answer: BlockBody, incidentId: string): void {
  let extra = '';
  for (const [name, value] of Object.entries(answer.headers ?? {})) extra += `${name}: ${value}\r\n`;
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\n${extra}` +
      `Content-Type: ${answer.contentType}\r\nContent-Length: ${Buffer.byteLength(answer.body)}\r\n` +
      `X-Warden-Incident: ${incidentId}\r\nConnection: close\r\n\r\n${answer.body}`,
  );
}

const isExtensionsOffer = (name: string): boolean => name === 'sec-websocket-extensions';
/** Framing and connection fields of a declined upgrade's answer, which Warden relays with Connection: close. */
const isDeclinedAnswerHop = (name: string): boolean => name === 'connection' || name === 'keep-alive' || name === 'transfer-encoding' || name === 'upgrade';

function headLines(status: number, statusMessage: string | undefined, rawHeaders: readonly string[]): string {
  let head = `HTTP/1.1 ${status} ${statusMessage ?? STATUS_CODES[status] ?? ''}\r\n`;
  for (let i = 0; i < rawHeaders.length; i += 2) head += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return `${head}\r\n`;
}

/**
 * Requests that ask for an Upgrade. A WebSocket handshake is inspected like any request; only a bodiless
 * GET may upgrade, so an `Upgrade` header cannot smuggle an uninspected body to the upstream. After a 101,
 * its client->server messages are judged one by one before they are forwarded (websocket/relay.ts).
 * Any other protocol (`h2c`, ...) is not upgraded: after its 101 the bytes would pass unread (h2c smuggling:
 * an HTTP/2 connection whose requests no gate sees). Its request is served as a plain HTTP/1.1 request
 * without the Upgrade (RFC 9110 §7.8: a server may ignore it), body and all, as NGINX serves one: Java's
 * HttpClient and `curl --http2` ask for h2c on their first request to an http:// origin, POSTs included.
 * On a route with `mode: off` a bodiless GET's upgrade to any protocol is spliced.
 */
export async function handleUpgrade(proxy: WardenProxy, req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
  const receivedAt = Date.now();
  const id = newIncidentId(receivedAt);
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  const websocket = (req.headers.upgrade ?? '').trim().toLowerCase() === 'websocket';
  // Decided before any await: the socket is paused with nothing read past `head` until it is served again.
  if (!websocket && !(req.method === 'GET' && !hasBody && proxy.routeIsOff(req))) {
    proxy.listener.serveAgain(socket, head.length === 0 ? headWithoutUpgrade(req) : Buffer.concat([headWithoutUpgrade(req), head]));
    return;
  }
  socket.on('error', () => socket.destroy());
  if (req.method !== 'GET' || hasBody || !(req.url ?? '').startsWith('/')) {
    const err = upgradeRefused(req.method !== 'GET' ? `method ${req.method} cannot upgrade` : hasBody ? 'an upgrade request cannot carry a body' : 'bad request-target');
    writeAnswer(socket, renderError(err.status, 'upgrade_refused', err.message, id), id);
    return;
  }
  const badHead = headRefusal(req.rawHeaders);
  if (badHead !== null) {
    writeAnswer(socket, proxy.refusal(req, badHead, id), id);
    return;
  }

  const source = proxy.sourceOf(req);
  const admission = await proxy.admit(req, req.url ?? '/', source, id, receivedAt);
  if (!admission.admitted) {
    writeAnswer(socket, admission.answer, id);
    return;
  }
  const inspection = proxy.inspect(req, Buffer.alloc(0), false, id, receivedAt, source);
  const outcome = await proxy.judge(inspection);
  if (outcome !== null) proxy.logVerdict(inspection, outcome.verdict, outcome.results, null);
  if (outcome !== null && outcome.verdict.action === 'block') {
    writeAnswer(socket, proxy.blockAnswer(outcome.verdict, outcome.results, req.headers.accept), id);
    return;
  }

  // Messages are judged unless the route is off (then the connection is spliced unread, as any upgrade is there).
  const inspectMessages = outcome !== null;
  const headers = buildUpstreamHeaders(
    // No extension is negotiated on a connection whose messages are judged: permessage-deflate would need the
    // connection's inflate context to read a message (README, "WebSocket messages"); stripping the offer keeps
    // every message readable on its own and no inflater (or its bomb) in Warden.
    inspectMessages ? rawHeadersWithout(req.rawHeaders, isExtensionsOffer) : req.rawHeaders,
    proxy.config.forwarding,
    proxy.hopContext(req, admission),
  );
  if (admission.sessions !== undefined) await proxy.applySessionCheck(admission.sessions, headers, req, source, id);
  headers.push('Connection', 'Upgrade', 'Upgrade', req.headers.upgrade ?? 'websocket');
  const target = new URL(proxy.config.upstream);
  const tls = target.protocol === 'https:' ? proxy.upstreamTls : null;
  // An https upstream gets the same verification (CA, SNI name, pins) as the pooled requests.
  const upstreamReq = (tls === null ? httpRequest : httpsRequest)({
    ...(tls ?? {}),
    host: target.hostname.replace(/^\[|\]$/g, ''),
    port: target.port === '' ? (tls === null ? 80 : 443) : Number(target.port),
    method: 'GET',
    path: req.url,
    headers,
    timeout: proxy.config.timeouts.upstreamHeadersMs,
  });
  // Whether the client has its answer (the 101, or the upstream's refusal): an error before that gets a 502/504.
  let answered = false;
  upstreamReq.on('upgrade', (res: IncomingMessage, upstreamSocket: Socket, upstreamHead: Buffer) => {
    answered = true;
    proxy.recordIssuedSessions(res.headers);
    if (inspectMessages) {
      // An extension the upstream accepts anyway (none was offered) is not passed on: the client will not use it.
      socket.write(headLines(res.statusCode ?? 101, res.statusMessage, rawHeadersWithout(res.rawHeaders, isExtensionsOffer)));
      const { websocket } = proxy.config;
      // The handshake's context and route are settled here, once: its messages are judged in them.
      new WebSocketRelay(proxy, messageConnection(inspection, proxy.resolvePolicy(inspection), req.rawHeaders), websocket, socket, upstreamSocket).start(head, upstreamHead);
      return;
    }
    socket.write(headLines(res.statusCode ?? 101, res.statusMessage, res.rawHeaders));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('close', () => upstreamSocket.destroy());
    upstreamSocket.on('close', () => socket.destroy());
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });
  upstreamReq.on('response', (res: IncomingMessage) => {
    answered = true;
    proxy.recordIssuedSessions(res.headers);
    // The upstream declined to upgrade: relay its answer and close, so no further bytes bypass inspection.
    // Streamed, not held: a GET that asked for an upgrade may fetch a large file. Without a Content-Length
    // the body ends with the connection (the chunked framing is undone by the parser and not restored).
    socket.write(headLines(res.statusCode ?? 502, res.statusMessage, rawHeadersWithout(res.rawHeaders, isDeclinedAnswerHop)).replace(/\r\n\r\n$/, '\r\nConnection: close\r\n\r\n'));
    res.on('error', () => socket.destroy());
    res.pipe(socket);
    // What the client sends meanwhile is read and dropped (nothing more goes upstream), so its FIN is seen and
    // the socket closes; unread, it would stay half-open and hold the server's close.
    socket.resume();
    res.on('end', () => setTimeout(() => socket.destroy(), 2_000).unref());
  });
  let timedOut = false;
  upstreamReq.on('timeout', () => {
    timedOut = true;
    upstreamReq.destroy(new Error('upstream handshake timed out'));
  });
  upstreamReq.on('error', (err: Error) => {
    // The same line and answer as a pooled request (a TLS verification failure names its code), not a silent close.
    const origin = target.origin;
    const failure = timedOut ? upstreamTimeout(origin, 'waiting for the upgrade answer') : upstreamFailure(origin, err);
    const answer = proxy.upstreamFailed(req, failure, id);
    if (answered || socket.destroyed) socket.destroy();
    else writeAnswer(socket, answer, id);
  });
  upstreamReq.end();
}
