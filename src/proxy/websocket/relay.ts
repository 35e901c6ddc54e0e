import type { Socket } from 'node:net';
import type { Inspection, WebSocketMessageInfo } from '../../inspect/types.js';
import type { GateResults, Verdict } from '../../decision/types.js';
import type { WardenMetrics } from '../../log/metrics.js';
import type { DecisionLogger } from '../../log/decision-log.js';
import type { WardenConfig } from '../../config/types.js';
import { newIncidentId } from '../../decision/incident-id.js';
import { CLOSE, ClientFrameParser, type ClientControl, type ClientMessage, type UnjudgedPart } from './client-frames.js';
import { closeFrame, ServerFrameBoundaries } from './server-frames.js';
import type { MessageConnection, MessageRefusal } from './message-connection.js';

/** What the relay needs of the proxy: the same judging, logging and counting as a request's. */
export interface RelayHost {
  /** Counts a message against the message rate limits; null when none is configured (src/proxy/server.ts). */
  limitMessage(connection: MessageConnection): Promise<MessageRefusal | null> | null;
  judgeMessage(connection: MessageConnection, payload: Buffer, websocket: WebSocketMessageInfo, id: string, receivedAt: number): Promise<{ inspection: Inspection; outcome: { verdict: Verdict; results: GateResults } }>;
  logVerdict(inspection: Inspection, verdict: Verdict, results: GateResults, upstreamStatus: number | null): void;
  readonly metrics: WardenMetrics;
  readonly decisionLog: DecisionLogger;
}

/** Codes of the log lines of connections Warden closed. */
const CLOSE_CODES: Record<number, string> = {
  [CLOSE.protocolError]: 'WARDEN_WEBSOCKET_PROTOCOL_ERROR',
  [CLOSE.invalidData]: 'WARDEN_WEBSOCKET_INVALID_UTF8',
  [CLOSE.policyViolation]: 'WARDEN_WEBSOCKET_MESSAGE_BLOCKED',
  [CLOSE.tooBig]: 'WARDEN_WEBSOCKET_MESSAGE_TOO_BIG',
  [CLOSE.tryAgainLater]: 'WARDEN_WEBSOCKET_RATE_LIMIT_STORE_DOWN',
  [CLOSE.goingAway]: 'WARDEN_WEBSOCKET_IDLE',
  1011: 'WARDEN_WEBSOCKET_INTERNAL_ERROR',
};
/** What one held item (a message, a control frame) is charged besides its bytes against maxBufferedBytes. */
const HELD_ITEM_COST = 64;
/** How long a closed side may take to finish (the client's last frame from the server, the TCP close) before it is cut. */
const LINGER_MS = 2_000;

type Held =
  | { kind: 'forward'; wire: Buffer[]; bytes: number }
  | { kind: 'message'; message: ClientMessage; index: number; bytes: number }
  | { kind: 'unjudged'; part: UnjudgedPart; index: number; bytes: number };

/**
 * One WebSocket connection after its 101: the client's frames are parsed (client-frames.ts), each data
 * message is judged on its own in its connection's context (message-connection.ts), and its frames are forwarded,
 * as the client sent them, only once it is allowed (or only monitored). Everything the client sends goes
 * upstream in the order it came: a message waits for its verdict, and what follows it waits behind it.
 * The server→client direction is spliced unread, its frame boundaries followed (server-frames.ts). A
 * blocked message closes the client with 1008 and the incident id as reason, the upstream with the same.
 */
export class WebSocketRelay {
  private readonly parser: ClientFrameParser;
  private readonly serverFrames = new ServerFrameBoundaries();
  private readonly held: Held[] = [];
  private heldBytes = 0;
  private pumping = false;
  private messages = 0;
  private clientPaused = false;
  private clientEnded = false;
  /** When a byte last came from either side (performance.now()); the idle timer compares against it. */
  private lastActivity = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Set once Warden closes the connection: nothing more is read from the client or forwarded upstream. */
  private closing: { code: number; reason: string; sent: boolean } | null = null;

  constructor(
    private readonly host: RelayHost,
    private readonly connection: MessageConnection,
    private readonly limits: WardenConfig['websocket'],
    private readonly client: Socket,
    private readonly upstream: Socket,
  ) {
    this.parser = new ClientFrameParser(limits, {
      message: (message) => this.hold({ kind: 'message', message, index: this.messages++, bytes: message.wireBytes }),
      control: (control) => this.forwardControl(control),
      unjudged: (part) => this.hold({ kind: 'unjudged', part, index: part.first ? this.messages++ : this.messages - 1, bytes: part.wireBytes }),
      fail: (code, reason) => this.close(code, reason, null),
    });
  }

  /** Starts relaying; `clientHead`/`upstreamHead` are bytes each side sent right behind the handshake. */
  start(clientHead: Buffer, upstreamHead: Buffer): void {
    const { client, upstream } = this;
    client.on('error', () => this.destroy());
    upstream.on('error', () => this.destroy());
    client.on('data', (chunk: Buffer) => this.guarded(() => this.fromClient(chunk)));
    upstream.on('data', (chunk: Buffer) => this.guarded(() => this.fromUpstream(chunk)));
    client.on('end', () => this.clientGone());
    client.on('close', () => this.clientGone());
    upstream.on('end', () => this.upstreamGone());
    upstream.on('close', () => this.upstreamGone());
    client.on('drain', () => {
      if (upstream.isPaused() && this.closing === null) upstream.resume();
    });
    this.lastActivity = performance.now();
    this.armIdleTimer(this.limits.idleTimeoutMs);
    if (upstreamHead.length > 0) this.guarded(() => this.fromUpstream(upstreamHead));
    if (clientHead.length > 0) this.guarded(() => this.fromClient(clientHead));
  }

  /** A fault in Warden's own relay code ends this connection, logged, never the process. */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (err) {
      this.host.decisionLog.error({ event: 'websocket-error', incidentId: this.connection.handshakeId, err: err instanceof Error ? err.stack : String(err) }, 'WebSocket relay failed');
      this.host.metrics.websocketCloses.inc({ code: 'destroyed' });
      this.destroy();
    }
  }

  /**
   * One timer per connection, not one reset per chunk: a chunk only stamps `lastActivity`; when the timer
   * fires early it is armed again for what is left. A message being judged is activity too (its verdict is
   * bounded by the route's CPU budget), so a slow verdict never looks idle.
   */
  private armIdleTimer(ms: number): void {
    if (this.limits.idleTimeoutMs === 0 || this.closing !== null) return;
    this.idleTimer = setTimeout(() => this.guarded(() => this.idleCheck()), ms);
    this.idleTimer.unref();
  }

  private idleCheck(): void {
    this.idleTimer = null;
    if (this.closing !== null || this.client.destroyed || this.upstream.destroyed) return;
    const idle = performance.now() - this.lastActivity;
    const timeout = this.limits.idleTimeoutMs;
    if (idle < timeout || this.pumping) return this.armIdleTimer(this.pumping ? timeout : timeout - idle);
    this.close(CLOSE.goingAway, `idle for ${Math.round(idle / 1000)} s (websocket.idleTimeoutMs)`, null);
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private fromClient(chunk: Buffer): void {
    this.lastActivity = performance.now();
    if (this.closing !== null || this.parser.finished) return;
    this.parser.push(chunk);
    // Whole messages waiting for their verdicts past the budget: stop reading the client until they are through.
    if (this.heldBytes > this.limits.maxBufferedBytes && this.held.length > 0 && !this.clientPaused) {
      this.clientPaused = true;
      this.client.pause();
    }
  }

  private fromUpstream(chunk: Buffer): void {
    this.lastActivity = performance.now();
    const closing = this.closing;
    if (closing !== null) {
      if (closing.sent) return;
      // Finish the server's frame in flight, then Warden's Close goes between frames.
      const taken = this.serverFrames.advance(chunk, true);
      if (taken > 0 && !this.client.destroyed) this.client.write(chunk.subarray(0, taken));
      if (this.serverFrames.atBoundary) this.sendClientClose();
      return;
    }
    if (this.client.destroyed) return;
    this.serverFrames.advance(chunk);
    if (!this.client.write(chunk)) this.upstream.pause();
  }

  private forwardControl(control: ClientControl): void {
    this.hold({ kind: 'forward', wire: control.wire, bytes: control.wire.reduce((n, b) => n + b.length, 0) });
  }

  private hold(item: Held): void {
    // Each item is charged its objects too, so a flood of empty pings behind a message waiting for its verdict is bounded.
    item.bytes += HELD_ITEM_COST;
    this.held.push(item);
    this.heldBytes += item.bytes;
    if (!this.pumping) void this.pump();
  }

  /** Forwards what is held, in order, each message once judged; one at a time, so a connection costs one judgement at once. */
  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.held.length > 0 && this.closing === null) {
        const item = this.held[0];
        // Counted before it is judged, as a request's limits come before its inspection: a flood costs no gate time.
        if ((item.kind === 'message' || (item.kind === 'unjudged' && item.part.first)) && !(await this.withinLimits())) return;
        if (this.closing !== null) return;
        if (item.kind === 'message' && !(await this.judged(item))) return;
        if (this.closing !== null) return;
        if (item.kind === 'unjudged' && item.part.first) this.logUnjudged(item);
        this.held.shift();
        this.heldBytes -= item.bytes;
        const wire = item.kind === 'message' ? item.message.wire : item.kind === 'unjudged' ? item.part.wire : item.wire;
        this.upstream.cork();
        let ok = true;
        for (const piece of wire) ok = this.upstream.write(piece);
        this.upstream.uncork();
        if (!ok) await this.upstreamDrained();
        if (this.clientPaused && (this.heldBytes <= this.limits.maxBufferedBytes || this.held.length === 0)) {
          this.clientPaused = false;
          this.client.resume();
        }
      }
      if (this.clientEnded && this.held.length === 0 && this.closing === null) this.upstream.end();
    } catch (err) {
      this.host.decisionLog.error({ event: 'websocket-error', incidentId: this.connection.handshakeId, err: err instanceof Error ? err.stack : String(err) }, 'WebSocket relay failed');
      this.close(1011, 'internal error', null);
    } finally {
      this.pumping = false;
    }
  }

  private upstreamDrained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.upstream.off('drain', done);
        this.upstream.off('close', done);
        resolve();
      };
      this.upstream.on('drain', done);
      this.upstream.on('close', done);
    });
  }

  /**
   * Counts the next message against the message rate limits; false when one refused it (the connection is
   * closing): 1008 over the limit (a policy of the client's own doing, as a 429 is; the reason names the rule
   * and the seconds until its window lets a message through, as Retry-After would), 1013 "try again later"
   * when the shared store is down with onStoreDown: closed (Warden cannot tell, so claims no limit).
   */
  private async withinLimits(): Promise<boolean> {
    const pending = this.host.limitMessage(this.connection);
    if (pending === null) return true;
    const refused = await pending;
    if (refused === null || this.closing !== null) return this.closing === null;
    const { hit, storeDown, retryAfterSeconds } = refused;
    const code = storeDown ? CLOSE.tryAgainLater : CLOSE.policyViolation;
    const reason = storeDown ? `rate-limit store down (${hit.spec.id}); retry in ${retryAfterSeconds} s` : `rate limited by ${hit.spec.id}; retry in ${retryAfterSeconds} s`;
    this.close(code, reason, null, {
      code: storeDown ? 'WARDEN_WEBSOCKET_RATE_LIMIT_STORE_DOWN' : 'WARDEN_WEBSOCKET_RATE_LIMITED',
      rateLimit: { rule: hit.spec.id, key: hit.key, count: hit.count.consumed, limit: hit.spec.limit, windowSeconds: hit.spec.windowSeconds, retryAfterSeconds },
    });
    return false;
  }

  /** Judges a message; false when it blocked (the connection is closing). */
  private async judged(item: Held & { kind: 'message' }): Promise<boolean> {
    const { message, index } = item;
    const receivedAt = Date.now();
    const id = newIncidentId(receivedAt);
    const info: WebSocketMessageInfo = { messageIndex: index, opcode: message.opcode, bytes: message.payload.length, handshakeId: this.connection.handshakeId };
    const { inspection, outcome } = await this.host.judgeMessage(this.connection, message.payload, info, id, receivedAt);
    this.host.metrics.websocketMessages.inc({ outcome: 'judged' });
    // The line says what happened to the connection: a blocked message ends it with 1008, no HTTP status.
    if (outcome.verdict.action === 'block') info.close = CLOSE.policyViolation;
    this.host.logVerdict(inspection, outcome.verdict, outcome.results, null);
    if (outcome.verdict.action !== 'block') return true;
    this.close(CLOSE.policyViolation, outcome.verdict.incidentId, { incidentId: outcome.verdict.incidentId, info });
    return false;
  }

  private logUnjudged(item: Held & { kind: 'unjudged' }): void {
    this.host.metrics.websocketMessages.inc({ outcome: 'unjudged' });
    const { part, index } = item;
    this.host.decisionLog.warn(
      {
        event: 'websocket-unjudged',
        incidentId: this.connection.handshakeId,
        code: 'WARDEN_WEBSOCKET_MESSAGE_UNJUDGED',
        source: { ip: this.connection.context.source.ip, peer: this.connection.context.source.peerIp },
        request: { method: this.connection.context.method, path: this.connection.context.rawUrl },
        websocket: { messageIndex: index, opcode: part.opcode, bytes: part.messageBytes },
        limit: this.limits.maxMessageBytes,
      },
      `WebSocket message over websocket.maxMessageBytes (${this.limits.maxMessageBytes}) passed on unjudged (overLimit: pass)`,
    );
  }

  /**
   * Closes the connection: a Close frame to the client (between two of the server's frames) and one to the
   * upstream (masked, as a client's), then both sockets end. A block was logged by its verdict; any other
   * close gets a line of its own.
   */
  private close(code: number, reason: string, blocked: { incidentId: string; info: WebSocketMessageInfo } | null, extra: { code: string; rateLimit?: object } | null = null): void {
    if (this.closing !== null) return;
    this.closing = { code, reason, sent: false };
    this.stopIdleTimer();
    this.held.length = 0;
    this.heldBytes = 0;
    this.host.metrics.websocketCloses.inc({ code: String(code) });
    if (blocked === null) {
      this.host.decisionLog.warn(
        {
          event: 'websocket-close',
          incidentId: this.connection.handshakeId,
          code: extra?.code ?? CLOSE_CODES[code] ?? 'WARDEN_WEBSOCKET_CLOSED',
          closeCode: code,
          rateLimit: extra?.rateLimit,
          source: { ip: this.connection.context.source.ip, peer: this.connection.context.source.peerIp },
          request: { method: this.connection.context.method, path: this.connection.context.rawUrl },
          websocket: { messageIndex: this.messages },
        },
        `WebSocket closed with ${code}: ${reason}`,
      );
    }
    this.client.pause();
    if (!this.upstream.destroyed) {
      this.upstream.end(closeFrame(code, blocked === null ? `warden: ${reason}` : `warden blocked ${blocked.incidentId}`, true));
      setTimeout(() => this.upstream.destroy(), LINGER_MS).unref();
    }
    this.upstream.resume();
    if (this.serverFrames.atBoundary) this.sendClientClose();
    // A server frame that never completes: the client is cut without a Close.
    else setTimeout(() => this.client.destroy(), LINGER_MS).unref();
  }

  private sendClientClose(): void {
    const closing = this.closing;
    if (closing === null || closing.sent) return;
    closing.sent = true;
    if (this.client.destroyed) return;
    this.client.end(closeFrame(closing.code, closing.reason, false));
    setTimeout(() => this.client.destroy(), LINGER_MS).unref();
  }

  private clientGone(): void {
    this.stopIdleTimer();
    if (this.clientEnded) return;
    this.clientEnded = true;
    // What the client sent before it left is still judged and forwarded; then the upstream is told.
    if (!this.pumping && this.held.length === 0 && this.closing === null) this.upstream.end();
  }

  private upstreamGone(): void {
    this.stopIdleTimer();
    if (this.closing !== null && !this.closing.sent) {
      // The server's frame in flight will not complete: no Close can follow it cleanly.
      this.client.destroy();
      return;
    }
    if (!this.client.destroyed) {
      this.client.end();
      setTimeout(() => this.client.destroy(), LINGER_MS).unref();
    }
  }

  private destroy(): void {
    this.stopIdleTimer();
    this.client.destroy();
    this.upstream.destroy();
  }
}

