import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { headerValue } from '../net/raw-headers.js';
import type { WardenConfig } from '../config/types.js';
import type { ResolvedPolicy, RoutePolicyResolver } from '../config/route-policy.js';
import type { Inspection, RawRequest, RequestSource, WebSocketMessageInfo } from '../inspect/types.js';
import type { MessageConnection, MessageRefusal } from './websocket/message-connection.js';
import type { GateName, GateResults, Verdict } from '../decision/types.js';
import type { EvaluatedGates, Pipeline } from '../pipeline.js';
import type { InspectionPool } from '../offload/pool.js';
import { offloadWorkerFailed } from '../offload/errors.js';
import type { DecisionLogger } from '../log/decision-log.js';
import { verdictLogFields } from '../log/decision-log.js';
import type { TrafficLog } from '../log/traffic-log.js';
import type { WardenMetrics } from '../log/metrics.js';
import { WardenError } from '../errors.js';
import { createInspector, type InspectOptions, type Inspector } from '../inspect/build-inspection.js';
import { finishInSlices, INSPECTION_SLICE_MS, InspectionLane, SliceClock } from '../inspect/work-clock.js';
import { SCAVENGE_BEFORE_WALK_BYTES, scavengeNow } from '../inspect/young-generation.js';
import { bodyForInspection } from './content-decoding.js';
import { headRefusal } from './request-head.js';
import { readRequestBody } from './read-body.js';
import { newRemainderScanState, REMAINDER_SCAN_DEFAULTS, scanRemainder, type RemainderScanState } from './remainder-scan.js';
import { buildUpstreamHeaders, type HopContext } from './forward-headers.js';
import { UpstreamClient } from './upstream-client.js';
import { renderAccessDenied, renderBlock, renderError, wantsHtml, type BlockBody } from './block-response.js';
import { badRequestTarget, listenFailed } from './errors.js';
import { parseHostPort } from '../config/load-config.js';
import { newIncidentId } from '../decision/incident-id.js';
import { handleUpgrade } from './upgrade.js';
import { VerdictSampler } from '../log/verdict-sampler.js';
import { accessVerdict } from '../access/verdict.js';
import { isFailedCredential } from '../access/reasons.js';
import type { RateLimitEvents, RateLimitHit, RateLimits } from '../ratelimit/rate-limits.js';
import { rateLimitReason, rateLimitVerdict } from '../ratelimit/verdict.js';
import { renderRateLimited } from '../ratelimit/answer.js';
import { retryAfterSeconds } from '../ratelimit/headers.js';
import { PERSISTENT_ABUSE_EVIDENCE } from '../ratelimit/persistent-abuse.js';
import { readHeaderFields } from '../inspect/header-fields.js';
import { normalizeUri } from '../inspect/uri/normalize-uri.js';
import { splitRequestTarget } from '../inspect/uri/split-request-target.js';
import { createProxyListener, type ProxyListener } from './listener.js';
import type { TlsTerminator } from '../tls/terminator.js';
import type { AlertHooks } from '../alerts/recorder.js';
import type { SessionCheck, SessionGuard } from '../sessions/session-guard.js';
import { sessionIncidentFields, sessionVerdict, UNISSUED_SESSION } from '../sessions/incident.js';
import { rewriteCookieHeaders } from '../sessions/cookie-header.js';

/** The gates the pipeline times (verdict.timings), each exported as warden_gate_seconds{gate}. */
const GATES_TIMED = ['signatures', 'model', 'schema'] as const satisfies readonly GateName[];
const NO_BODY = Buffer.alloc(0);
const NO_RESULTS: GateResults = Object.freeze({ signatures: null, model: null, reputation: null, schema: null, failures: [] });
export { INSPECTION_SLICE_MS } from '../inspect/work-clock.js';

/** Bodies from this size take turns in the one lane of big inspections (as the rules step through bodies from 64 KiB). */
export const LANE_MIN_BODY_BYTES = 65_536;
/** One lane per process: every listener's requests share the event loop and the heap. */
const bigInspections = new InspectionLane();

/**
 * What access control and the rate limits decided before the body was read: go on (with identity
 * headers for upstream and RateLimit fields for the answer), or this answer.
 */
export type Admission =
  | {
      admitted: true;
      hop: { identityHeaders?: readonly string[]; reservedHeaders?: ReadonlySet<string> };
      responseHeaders?: readonly string[];
      /** The lookup of the request's session cookies (`sessions.action` strip or detect), settled before forwarding. */
      sessions?: Promise<SessionCheck>;
    }
  | { admitted: false; answer: BlockBody };
const ADMITTED: Admission & { admitted: true } = Object.freeze({ admitted: true, hop: {} });

export interface ProxyDeps {
  config: WardenConfig;
  pipeline: Pipeline;
  policies: RoutePolicyResolver;
  /** Resolves the client address from the socket peer and trusted X-Forwarded-For hops. */
  resolveSource(peerIp: string, peerPort: number, rawHeaders: readonly string[]): RequestSource;
  /** Whether the socket peer is a trusted proxy (its X-Forwarded-* headers are kept). */
  peerTrusted(peerIp: string): boolean;
  decisionLog: DecisionLogger;
  trafficLog: TrafficLog | null;
  metrics: WardenMetrics;
  /** Counts for alert rules (src/alerts/): arrivals per source, decisions, gate failures. */
  alerts?: AlertHooks;
  inspectOptions?: Partial<InspectOptions>;
  /** Whether schema violation details are shown to clients. */
  exposeSchemaViolations?: boolean;
  /** The rate limits in force (rebuilt on reload); null or absent: none. */
  rateLimits?: () => RateLimits | null;
  /** Where a refusal by a rate limit is announced (the alerts room listens). */
  rateLimitEvents?: RateLimitEvents;
  /** TLS termination on the listener (`tls`); absent: plain HTTP. */
  tls?: TlsTerminator | null;
  /** Verification of an https upstream (`upstreamTls`); null for an http one. */
  upstreamTls?: ConnectionOptions | null;
  /** Inspection worker threads for big bodies (`offload`); null or absent: every body is inspected on the event loop. */
  offload?: InspectionPool | null;
  /** The session-fixation guard (`sessions`); null or absent: off. */
  sessions?: SessionGuard | null;
}

/** Where a request-target in absolute form (`GET http://h/p`) keeps its path: upstreams want origin-form. */
function originForm(url: string): string | null {
  if (url.startsWith('/')) return url;
  const m = /^https?:\/\/[^/?#]*(.*)$/i.exec(url);
  if (m === null) return null;
  return m[1] === '' ? '/' : m[1].startsWith('/') ? m[1] : `/${m[1]}`;
}

function send(res: ServerResponse, answer: BlockBody, incidentId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-type': answer.contentType,
    'content-length': Buffer.byteLength(answer.body),
    'cache-control': 'no-store',
    'x-warden-incident': incidentId,
  });
  res.end(answer.body);
}

/**
 * The data plane: a plain node:http server (not fastify) so that every method, any Content-Type,
 * bodies on GET and raw request-targets reach the inspector and upstream untouched; fastify would
 * answer some of those itself (415 on an odd Content-Type, 404 on unknown methods) before Warden judged them.
 */
export class WardenProxy {
  readonly listener: ProxyListener;
  private readonly deps: ProxyDeps;
  private readonly upstream: UpstreamClient;
  private readonly inspector: Inspector;
  private readonly sampler: VerdictSampler;
  /** Records the session ids an upstream answer issues before its head is relayed; undefined when the guard is off. */
  private readonly recordSessions: ((headers: Record<string, string | string[] | undefined>) => Promise<void> | null) | undefined;

  constructor(deps: ProxyDeps) {
    this.deps = deps;
    const { config } = deps;
    const sampling = config.logging.sampling ?? { perKey: 0, windowMs: 60_000, maxKeys: 1 };
    this.sampler = new VerdictSampler(sampling, (summary) => deps.decisionLog.warn(summary, `${summary.suppressed} more ${summary.key.action} lines like this`));
    this.inspector = createInspector(deps.inspectOptions ?? {});
    const sessions = deps.sessions ?? null;
    this.recordSessions = sessions === null ? undefined : (headers) => sessions.recordIssued(headers);
    this.upstream = new UpstreamClient(config.upstream, {
      connectMs: config.timeouts.connectMs,
      headersMs: config.timeouts.upstreamHeadersMs,
      bodyMs: config.timeouts.upstreamBodyMs,
      connections: 256,
      tls: deps.upstreamTls ?? null,
    });
    // Plain HTTP/1.1, or TLS with HTTP/2 (src/proxy/listener.ts): every version reaches handle().
    this.listener = createProxyListener(config, deps.tls ?? null, deps.metrics, {
      request: (req, res) => {
        this.handle(req, res).catch((err: unknown) => this.internalError(res, err));
      },
      refuse: (req, res, err) => this.refuse(req, res, err, newIncidentId(Date.now())),
      clientError: (err, socket) => this.clientError(err, socket),
      upgrade: (req, socket, head) => {
        handleUpgrade(this, req, socket, head).catch((err: unknown) => {
          this.deps.decisionLog.error({ event: 'upgrade-error', err: String(err) }, 'upgrade failed');
          socket.destroy();
        });
      },
    });
  }

  get config(): WardenConfig {
    return this.deps.config;
  }

  /** The metrics and the decision log, for the WebSocket relay (src/proxy/websocket/). */
  get metrics(): WardenMetrics {
    return this.deps.metrics;
  }

  get decisionLog(): DecisionLogger {
    return this.deps.decisionLog;
  }

  /**
   * A WebSocket message in its connection's context (src/proxy/websocket/message-connection.ts): only the
   * message is walked (src/inspect/message-inspection.ts), in slices as a body is, in the lane of big
   * inspections from LANE_MIN_BODY_BYTES, within the budgets of the route the handshake resolved, then
   * judged by that route's gates (the schema gate excepted: pipeline.ts) and counted as a request is.
   */
  async judgeMessage(
    connection: MessageConnection,
    payload: Buffer,
    websocket: WebSocketMessageInfo,
    id: string,
    receivedAt: number,
  ): Promise<{ inspection: Inspection; outcome: { verdict: Verdict; results: GateResults } }> {
    const { policy } = connection;
    const clock = new SliceClock(INSPECTION_SLICE_MS, policy.cpuBudgetMs);
    const lane = payload.length >= LANE_MIN_BODY_BYTES ? bigInspections : null;
    if (lane !== null && (await lane.enter())) clock.willWait();
    if (payload.length >= SCAVENGE_BEFORE_WALK_BYTES) scavengeNow();
    try {
      const inspection = await finishInSlices(this.inspector.message(connection.context, payload, websocket, clock, policy.memoryBudgetMb * 1_048_576), clock);
      this.deps.metrics.normalizeSeries.observe(clock.cpuMs / 1000);
      inspection.id = id;
      inspection.receivedAt = receivedAt;
      if (inspection.limits !== undefined) this.deps.metrics.partialInspections.inc({ reason: partialReason(inspection.limits.uncovered) });
      const started = performance.now();
      return { inspection, outcome: this.counted(inspection, await this.deps.pipeline.run(inspection, policy, true, clock), started) };
    } finally {
      lane?.leave();
    }
  }

  /**
   * Counts one message of a connection against the rate-limit rules with `counts: websocketMessages` whose
   * `match` fits its handshake (shared across workers and instances as any count: memory, the cluster
   * primary or Redis). null when no such rule is configured (no count, no await); else the refusal, or
   * null inside the limits. Over a limit: `warden_ratelimit_limited_total{rule}` and a `limited` event.
   */
  limitMessage(connection: MessageConnection): Promise<MessageRefusal | null> | null {
    const limits = this.deps.rateLimits?.() ?? null;
    if (limits === null || !limits.countsMessages) return null;
    return this.countMessage(limits, connection);
  }

  private async countMessage(limits: RateLimits, connection: MessageConnection): Promise<MessageRefusal | null> {
    const { metrics } = this.deps;
    const started = performance.now();
    const outcome = await limits.check(connection.rateLimited, 'websocketMessages');
    metrics.gateSeconds.observe({ gate: 'ratelimit' }, (performance.now() - started) / 1000);
    const hit = outcome?.limited ?? null;
    if (hit === null) return null;
    this.countLimited(hit, connection.handshakeId, Date.now());
    return { hit, storeDown: rateLimitReason(hit.count) === 'ratelimit_store_down', retryAfterSeconds: retryAfterSeconds(hit.count) };
  }

  /** The route policy a request resolves to (a WebSocket connection keeps its handshake's for its messages). */
  resolvePolicy(inspection: Inspection): ResolvedPolicy {
    return this.deps.policies.resolve(inspection.method, inspection.path, inspection.source.ip);
  }

  /** TLS options for connections to an https upstream (the WebSocket relay uses them too). */
  get upstreamTls(): ConnectionOptions | null {
    return this.deps.upstreamTls ?? null;
  }

  /**
   * Hot reload of what is read per request (body limits, block format, logAllowed) and of the route
   * policies (mode, routes, exceptions, decision, block status). Requests already running keep the
   * config they read at their start; keys that need a restart were refused before this is called.
   */
  reconfigure(config: WardenConfig, policies: RoutePolicyResolver): void {
    this.deps.config = config;
    this.deps.policies = policies;
  }

  async listen(address = this.deps.config.listen): Promise<AddressInfo> {
    const { host, port } = parseHostPort(address);
    try {
      return await this.listener.listen(host, port);
    } catch (err) {
      throw listenFailed(address, (err as Error).message);
    }
  }

  async close(): Promise<void> {
    this.sampler.close();
    await this.listener.close();
    await this.upstream.close();
  }

  /** Whether a request's route has `mode: off`, read before it is admitted (an upgrade there is spliced). */
  routeIsOff(req: IncomingMessage): boolean {
    return this.deps.policies.resolve(req.method ?? 'GET', routingPath(req.url ?? '/'), this.sourceOf(req).ip).skip;
  }

  /** The client Warden believes: the socket peer, or the nearest untrusted X-Forwarded-For hop; with mTLS, its verified certificate. */
  sourceOf(req: IncomingMessage): RequestSource {
    const source = this.deps.resolveSource(req.socket.remoteAddress ?? '', req.socket.remotePort ?? 0, req.rawHeaders);
    const cert = this.listener.clientCertificate(req);
    if (cert !== null) {
      source.clientCertificate = cert;
      source.identity = { method: 'clientCertificate', subject: cert.subject, scopes: [] };
    }
    return source;
  }

  /**
   * Access control, before the body is read or anything is inspected: a denied address or a missing
   * credential costs no gate time. A refusal is a verdict like any other (decision log, metrics; not
   * reputation: src/access/verdict.ts) answered 401/403 with the incident id; an accepted credential
   * puts the identity on `source` for the gates and reputation.
   */
  async admit(req: IncomingMessage, url: string, source: RequestSource, id: string, receivedAt: number): Promise<Admission> {
    const limits = this.deps.rateLimits?.() ?? null;
    if (limits !== null) {
      // A key an identity-free rule already refuses is refused again before its credential is verified.
      const known = limits.refusedAlready({ method: req.method ?? 'GET', url, rawHeaders: req.rawHeaders, ip: source.ip, identity: undefined });
      if (known !== null) return this.refuseOverLimit(limits, known.limited, known.headers, req, source, id, receivedAt, 0);
    }
    const admitted = await this.checkAccess(req, url, source, id, receivedAt, limits);
    if (!admitted.admitted) return admitted;
    const limited = limits === null ? admitted : await this.checkRateLimits(limits, req, url, source, id, receivedAt, admitted);
    return limited.admitted && this.deps.sessions != null ? this.checkSessions(this.deps.sessions, req, source, id, receivedAt, limited) : limited;
  }

  /**
   * Session cookies the upstream never issued (src/sessions/), looked up only when the request carries
   * one. With `action: block` the answer is awaited here, before the body is read; with strip or
   * detect the lookup runs beside the body's read and inspection and is settled by `applySessionCheck`.
   */
  private checkSessions(guard: SessionGuard, req: IncomingMessage, source: RequestSource, id: string, receivedAt: number, admitted: Admission & { admitted: true }): Admission | Promise<Admission> {
    const pending = guard.check(req.rawHeaders, receivedAt);
    if (pending === null) return admitted;
    if (guard.action !== 'block') return { ...admitted, sessions: pending };
    return this.refuseUnissuedSession(pending, req, source, id, receivedAt, admitted);
  }

  private async refuseUnissuedSession(pending: Promise<SessionCheck>, req: IncomingMessage, source: RequestSource, id: string, receivedAt: number, admitted: Admission & { admitted: true }): Promise<Admission> {
    const started = performance.now();
    const check = await pending;
    if (check.outcome !== 'unissued') return { ...admitted, sessions: pending };
    const { metrics, config } = this.deps;
    const verdict = sessionVerdict(check, id, config.mode, config.block.status, Math.round((performance.now() - started) * 1000));
    metrics.sessionUnissued.inc({ action: 'block' });
    metrics.requests.inc({ action: 'block' });
    this.deps.alerts?.verdict('block', id);
    if (this.sampler.admit(source.ip, UNISSUED_SESSION, 'block', id)) {
      const inspection = this.inspect(req, NO_BODY, false, id, receivedAt, source);
      this.deps.decisionLog.warn(verdictLogFields(inspection, verdict, NO_RESULTS, null), `block ${id}`);
    } else metrics.decisionLinesSuppressed.inc();
    return { admitted: false, answer: this.blockAnswer(verdict, NO_RESULTS, headerValue(req.rawHeaders, 'accept')) };
  }

  /** `recordSessions` for a request that presented session cookies: a logout in the answer also ends the ids it presented. */
  private recordAfterCheck(headers: Record<string, string | string[] | undefined>, pending: Promise<SessionCheck>): Promise<void> | null {
    const guard = this.deps.sessions ?? null;
    if (guard === null || headers['set-cookie'] === undefined) return null;
    return pending.then((check) => guard.recordIssued(headers, Date.now(), check.presented) ?? undefined);
  }

  /** Records the session ids an upstream answer relayed outside the pool issues (a WebSocket handshake's); never waited for. */
  recordIssuedSessions(headers: Record<string, string | string[] | undefined>): void {
    void this.recordSessions?.(headers);
  }

  /** Strips (or only logs) the unissued session cookies from the headers about to go upstream. */
  async applySessionCheck(pending: Promise<SessionCheck>, headers: string[], req: IncomingMessage, source: RequestSource, id: string): Promise<void> {
    const check = await pending;
    if (check.outcome !== 'unissued') return;
    const action = check.rewritten !== null ? 'strip' : 'detect';
    if (check.rewritten !== null) rewriteCookieHeaders(headers, check.rewritten);
    this.deps.metrics.sessionUnissued.inc({ action });
    if (this.sampler.admit(source.ip, UNISSUED_SESSION, action, id)) {
      const request = { method: req.method ?? 'GET', host: headerValue(req.rawHeaders, 'host'), path: req.url ?? '/' };
      this.deps.decisionLog.warn(sessionIncidentFields(check, action, id, { ip: source.ip, peer: req.socket.remoteAddress }, request), `session ${action} ${id}`);
    } else this.deps.metrics.decisionLinesSuppressed.inc();
  }

  private async checkAccess(req: IncomingMessage, url: string, source: RequestSource, id: string, receivedAt: number, limits: RateLimits | null): Promise<Admission> {
    const access = this.deps.pipeline.current().access;
    if (access === undefined || access === null) return ADMITTED;
    const { metrics } = this.deps;
    const started = performance.now();
    const outcome = await access.check({ method: req.method ?? 'GET', url, rawHeaders: req.rawHeaders, ip: source.ip, clientCertificate: source.clientCertificate ?? null });
    const seconds = (performance.now() - started) / 1000;
    metrics.gateSeconds.observe({ gate: 'access' }, seconds);
    if (outcome.allowed) {
      if (outcome.identity === null) return { admitted: true, hop: { reservedHeaders: access.strippedHeaders } };
      source.identity = outcome.identity;
      metrics.accessVerified.inc({ method: outcome.identity.method });
      return { admitted: true, hop: { identityHeaders: outcome.upstreamHeaders, reservedHeaders: access.strippedHeaders } };
    }
    metrics.accessDenied.inc({ reason: outcome.reason });
    if (limits !== null && isFailedCredential(outcome.reason)) {
      // Counted like an unauthenticated request (no identity): a client retrying a bad credential at
      // volume is answered 429 (its refusal, and persistence, as any other) rather than 401 forever.
      const limited = await this.checkRateLimits(limits, req, url, source, id, receivedAt, ADMITTED);
      if (!limited.admitted) return limited;
    }
    const verdict = accessVerdict(outcome.reason, id, this.deps.config.mode, Math.round(seconds * 1e6));
    // Headers and path only, for the log line: the body is never read.
    const inspection = this.inspect(req, NO_BODY, false, id, receivedAt, source);
    metrics.requests.inc({ action: verdict.action });
    this.deps.alerts?.verdict(verdict.action, id);
    this.deps.decisionLog.warn(verdictLogFields(inspection, verdict, NO_RESULTS, null), `${verdict.action} ${id}`);
    return { admitted: false, answer: renderAccessDenied(verdict, this.deps.config.block.format, headerValue(req.rawHeaders, 'accept'), outcome.challenge) };
  }

  /**
   * Rate limits, right after access control (so they can count verified identities) and before the
   * body is read: a flood costs a counter increment per rule, no inspection. Enforced in detect mode
   * and on `mode: off` routes too, as access control is. Over a limit: 429 with Retry-After and the
   * RateLimit fields, an incident id, a (sampled) decision-log line, `warden_ratelimit_limited_total{rule}`
   * and a `limited` event. A refusal teaches reputation nothing, unless the client keeps sending while
   * refused (`tallyRefusal`; src/ratelimit/README.md, "Reputation").
   */
  private async checkRateLimits(
    limits: RateLimits,
    req: IncomingMessage,
    url: string,
    source: RequestSource,
    id: string,
    receivedAt: number,
    admitted: Admission & { admitted: true },
  ): Promise<Admission> {
    const { metrics } = this.deps;
    const started = performance.now();
    const outcome = await limits.check({ method: req.method ?? 'GET', url, rawHeaders: req.rawHeaders, ip: source.ip, identity: source.identity });
    const seconds = (performance.now() - started) / 1000;
    metrics.gateSeconds.observe({ gate: 'ratelimit' }, seconds);
    if (outcome === null || (outcome.limited === null && outcome.headers === null)) return admitted;
    if (outcome.limited === null) return { ...admitted, responseHeaders: outcome.headers ?? undefined };
    return this.refuseOverLimit(limits, outcome.limited, outcome.headers, req, source, id, receivedAt, Math.round(seconds * 1e6));
  }

  /** The 429 (or `onStoreDown: closed` 503) of a rule over its limit: verdict, metrics, sampled log line, event, refusal tally. */
  private refuseOverLimit(
    limits: RateLimits,
    hit: RateLimitHit,
    headers: string[] | null,
    req: IncomingMessage,
    source: RequestSource,
    id: string,
    receivedAt: number,
    elapsedUs: number,
  ): Admission {
    const { metrics } = this.deps;
    const verdict = rateLimitVerdict(hit.spec, hit.key, hit.count, id, this.deps.config.mode, elapsedUs);
    metrics.requests.inc({ action: verdict.action });
    this.deps.alerts?.verdict(verdict.action, id);
    // Sampled like block lines: a flood of 429s writes perKey full lines per window and a summary.
    if (this.sampler.admit(source.ip, `ratelimit:${hit.spec.id}`, verdict.action, id)) {
      const inspection = this.inspect(req, NO_BODY, false, id, receivedAt, source);
      this.deps.decisionLog.warn(verdictLogFields(inspection, verdict, NO_RESULTS, null), `${verdict.action} ${id}`);
    } else metrics.decisionLinesSuppressed.inc();
    this.countLimited(hit, id, receivedAt);
    if (verdict.status === 429) this.tallyRefusal(limits, hit.spec.id, req.rawHeaders, source, id, receivedAt);
    const html = wantsHtml(this.deps.config.block.format, headerValue(req.rawHeaders, 'accept'));
    return { admitted: false, answer: renderRateLimited(verdict, html, headers ?? [], retryAfterSeconds(hit.count)) };
  }

  /** A refusal by a rate-limit rule, of a request or of a WebSocket message: its metric and its `limited` event (alerts). */
  private countLimited(hit: RateLimitHit, incidentId: string, at: number): void {
    this.deps.metrics.rateLimited.inc({ rule: hit.spec.id });
    this.deps.rateLimitEvents?.emit('limited', {
      rule: hit.spec.id,
      key: hit.key,
      count: hit.count.consumed,
      limit: hit.spec.limit,
      windowSeconds: hit.spec.windowSeconds,
      incidentId,
      at,
      ...(hit.count.degraded !== undefined ? { degraded: hit.count.degraded } : {}),
    });
  }

  /**
   * Counts a 429 against the client that received it (its reputation client key: address + fingerprint
   * or verified identity, never the bare address other clients behind a NAT share). The refusal that
   * makes the client persistent — more refusals in one window than the rule tolerates — is recorded
   * once as a counted attack of that client only, with a log line, a metric and a `persistent` event.
   * Never awaited by the request; nothing is counted when reputation is off.
   */
  private tallyRefusal(limits: RateLimits, rule: string, rawHeaders: readonly string[], source: RequestSource, id: string, at: number): void {
    const slot = this.deps.pipeline.current().reputation;
    if (slot === null || !limits.talliesRefusals(rule)) return;
    const client = slot.keysOf({ source, headerMap: readHeaderFields(rawHeaders).headerMap }).client;
    limits
      .tallyRefusal(rule, client, at)
      .then((abuse) => {
        if (abuse === null) return;
        this.deps.pipeline.recordOnClient(client, { at, attackScore: PERSISTENT_ABUSE_EVIDENCE, blocked: true, decisive: true, digest: abuse.digest });
        this.deps.metrics.rateLimitPersistent.inc({ rule });
        const { refused, threshold, windowSeconds } = abuse;
        this.deps.decisionLog.warn(
          { event: 'ratelimit-persistent', rule, ip: source.ip, client, refused, threshold, windowSeconds, incidentId: id },
          `client kept sending while refused by rate limit ${rule}: counted once in its reputation`,
        );
        this.deps.rateLimitEvents?.emit('persistent', { rule, client, refused, threshold, windowSeconds, incidentId: id, at });
      })
      .catch(() => undefined);
  }

  /** Inspects a request at once; for what is small by construction (no body, upgrade handshakes, windows of an inspect-prefix rest). */
  inspect(req: IncomingMessage, body: Buffer, truncated: boolean, id: string, receivedAt: number, source: RequestSource = this.sourceOf(req)): Inspection {
    const normalizeStarted = performance.now();
    const inspection = this.inspector(rawRequest(req, body, truncated, source));
    this.deps.metrics.normalizeSeries.observe((performance.now() - normalizeStarted) / 1000);
    inspection.id = id;
    inspection.receivedAt = receivedAt;
    return inspection;
  }

  /**
   * Inspects a request's body in slices of INSPECTION_SLICE_MS, other requests served between them,
   * within `inspection.cpuBudgetMs` of CPU: past it no more fields become targets and the inspection
   * is uncovered (`cpuBudgetMs`), which the decision blocks by default like any other uncovered limit;
   * so it is past `inspection.memoryBudgetMb` of what the walk builds (`memoryBudgetMb`).
   */
  async inspectInSlices(
    req: IncomingMessage,
    body: Buffer,
    truncated: boolean,
    id: string,
    receivedAt: number,
    source: RequestSource,
    clock: SliceClock,
    memoryBudgetMb: number,
  ): Promise<Inspection> {
    const memoryBudgetBytes = memoryBudgetMb * 1_048_576;
    const inspection = await finishInSlices(this.inspector.steps(rawRequest(req, body, truncated, source), clock, memoryBudgetBytes), clock);
    this.deps.metrics.normalizeSeries.observe(clock.cpuMs / 1000);
    inspection.id = id;
    inspection.receivedAt = receivedAt;
    return inspection;
  }

  /**
   * A big body's walk and gates in an inspection worker thread, then the decision here, as `judge` would
   * give it. A thread that died, hung or failed on the request: with `failure.gateErrors: closed` the
   * request is judged on its headers and path with an `inspect` gate failure (fail-closed blocks it);
   * with `open`, null, and the caller inspects it on this thread. Either way it is counted; the pool
   * logs the thread's failure once.
   */
  private async inspectOffloaded(
    pool: InspectionPool,
    req: IncomingMessage,
    body: Buffer,
    truncated: boolean,
    id: string,
    receivedAt: number,
    source: RequestSource,
    budgets: { cpuBudgetMs: number; memoryBudgetMb: number },
  ): Promise<{ inspection: Inspection; outcome: { verdict: Verdict; results: GateResults } | null } | null> {
    const started = performance.now();
    const got = await pool.inspect({ ...rawRequest(req, body, truncated, source), id, receivedAt, cpuBudgetMs: budgets.cpuBudgetMs, memoryBudgetMb: budgets.memoryBudgetMb });
    const { metrics } = this.deps;
    if (got.ok) {
      metrics.offloaded.inc();
      metrics.normalizeSeries.observe(got.walkCpuMs / 1000);
      // The worker sent back no body (it read the shared copy): the log lines and the traffic log read this one.
      const inspection = got.inspection;
      inspection.body = body;
      return { inspection, outcome: await this.judgeEvaluated(inspection, got.evaluated, started) };
    }
    const failClosed = this.deps.policies.resolve(req.method ?? 'GET', routingPath(req.url ?? '/'), source.ip).failClosed;
    metrics.offloadFallbacks.inc({ reason: got.reason, fallback: failClosed ? 'fail-closed' : 'in-loop' });
    if (!failClosed) return null;
    const inspection = this.inspect(req, NO_BODY, truncated, id, receivedAt, source);
    inspection.body = body;
    const failure = offloadWorkerFailed(`${got.reason}: ${got.message}`);
    const evaluated: EvaluatedGates = { signatures: null, model: null, schema: null, failures: [{ gate: 'inspect', code: failure.code, message: failure.message }], timings: {} };
    return { inspection, outcome: await this.judgeEvaluated(inspection, evaluated, started) };
  }

  /** Runs the gates unless the route is off; logs and counts the verdict. */
  async judge(inspection: Inspection, clock?: SliceClock): Promise<{ verdict: Verdict; results: GateResults } | null> {
    const policy = this.policyToJudge(inspection);
    if (policy === null) return null;
    const started = performance.now();
    return this.counted(inspection, await this.deps.pipeline.run(inspection, policy, true, clock), started);
  }

  /** `judge` for gates an inspection worker evaluated: the same policy, reputation, decision and counts. */
  private async judgeEvaluated(inspection: Inspection, evaluated: EvaluatedGates, started: number): Promise<{ verdict: Verdict; results: GateResults } | null> {
    const policy = this.policyToJudge(inspection);
    if (policy === null) return null;
    return this.counted(inspection, await this.deps.pipeline.decideEvaluated(inspection, evaluated, policy, started), started);
  }

  /** The route's policy for a request about to be judged (null: the route is off), counting a partial inspection once. */
  private policyToJudge(inspection: Inspection): ResolvedPolicy | null {
    const policy = this.resolvePolicy(inspection);
    if (policy.skip) return null;
    if (inspection.limits !== undefined && !inspection.bodyTruncated) this.deps.metrics.partialInspections.inc({ reason: partialReason(inspection.limits.uncovered) });
    return policy;
  }

  private counted(inspection: Inspection, outcome: { verdict: Verdict; results: GateResults }, started: number): { verdict: Verdict; results: GateResults } {
    this.deps.metrics.inspectionSeries.observe((performance.now() - started) / 1000);
    const timings = outcome.verdict.timings;
    for (const gate of GATES_TIMED) {
      const us = timings[gate];
      if (us !== undefined) this.deps.metrics.gateSeries[gate].observe(us / 1e6);
    }
    this.deps.metrics.requests.inc({ action: outcome.verdict.action });
    this.deps.alerts?.verdict(outcome.verdict.action, inspection.id);
    for (const f of outcome.results.failures) {
      this.deps.metrics.gateFailures.inc({ gate: f.gate });
      this.deps.alerts?.gateFailure(f.gate);
    }
    return outcome;
  }

  logVerdict(inspection: Inspection, verdict: Verdict, results: GateResults, upstreamStatus: number | null, remainder?: RemainderScanState): void {
    const log = this.deps.decisionLog;
    if (verdict.action !== 'allow' && !this.sampler.admit(inspection.source.ip, String(verdict.explain.topRule || verdict.explain.decidedBy || ''), verdict.action, verdict.incidentId)) {
      this.deps.metrics.decisionLinesSuppressed.inc();
    } else if (verdict.action !== 'allow') log.warn(verdictLogFields(inspection, verdict, results, upstreamStatus, remainder), `${verdict.action} ${verdict.incidentId}`);
    // A body passed on beyond the inspection prefix, or with fields no gate saw (a route that judges on what was seen), is always on record.
    else if (this.deps.config.logging.logAllowed || inspection.bodyTruncated || (inspection.limits?.uncovered.length ?? 0) > 0) log.info(verdictLogFields(inspection, verdict, results, upstreamStatus, remainder), 'allow');
    this.deps.trafficLog?.record(inspection, verdict, results.model?.modelVersion);
  }

  blockAnswer(verdict: Verdict, results: GateResults, accept: string | undefined): BlockBody {
    const schemaOnly =
      results.schema !== null && results.schema.violations.length > 0 && verdict.reasons.every((r) => r.gate === 'schema' || r.gate === 'policy');
    return renderBlock(
      verdict,
      this.deps.config.block.format,
      accept,
      schemaOnly ? results.schema!.violations : null,
      results.schema?.exposeViolations ?? this.deps.exposeSchemaViolations ?? false,
    );
  }

  hopContext(req: IncomingMessage, admitted: Admission = ADMITTED): HopContext {
    const peerIp = req.socket.remoteAddress ?? '';
    return { ...(admitted.admitted ? admitted.hop : {}), peerIp, peerTrusted: this.deps.peerTrusted(peerIp), proto: this.listener.scheme };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const id = newIncidentId(receivedAt);
    const { config, metrics } = this.deps;
    const path = originForm(req.url ?? '');
    if (path === null) {
      this.refuse(req, res, badRequestTarget(req.url ?? ''), id);
      return;
    }
    const badHead = headRefusal(req.rawHeaders);
    if (badHead !== null) {
      this.refuse(req, res, badHead, id);
      return;
    }
    const source = this.sourceOf(req);
    this.deps.alerts?.request(source.ip, id);
    const admission = await this.admit(req, path, source, id, receivedAt);
    if (!admission.admitted) {
      if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) {
        // The body is not read: close after answering rather than parse what follows as a request.
        res.setHeader('connection', 'close');
        req.resume();
      }
      send(res, admission.answer, id);
      return;
    }

    let body: Buffer;
    let truncated: boolean;
    let rest: AsyncIterable<Buffer> | null;
    try {
      ({ inspected: body, truncated, rest } = await readRequestBody(req, {
        limit: config.body.limit,
        overLimit: config.body.overLimit,
        timeoutMs: config.timeouts.clientBodyMs,
      }));
    } catch (err) {
      this.refuse(req, res, err, id);
      return;
    }
    const wireBody = body;
    const contentEncoding = headerValue(req.rawHeaders, 'content-encoding');
    let inspectedBody = body;
    if (contentEncoding !== undefined && body.length > 0) {
      try {
        ({ body: inspectedBody, truncated } = await bodyForInspection(body, contentEncoding, truncated, config.body));
      } catch (err) {
        this.refuse(req, res, err, id);
        return;
      }
    }

    // One clock per request: the body's walk and the rule evaluations run in its slices, the walk within its budget.
    // The budgets of the request's route (routes[].cpuBudgetMs / memoryBudgetMb); a bodiless request's walk is too small to need the lookup.
    const budgets =
      inspectedBody.length === 0
        ? { cpuBudgetMs: config.inspection.cpuBudgetMs ?? Infinity, memoryBudgetMb: config.inspection.memoryBudgetMb ?? Infinity }
        : this.deps.policies.resolve(req.method ?? 'GET', routingPath(req.url ?? '/'), source.ip);
    // A big body goes to an inspection worker thread (src/offload/), its walk and gates off this thread; null: judge it here.
    const pool = this.deps.offload ?? null;
    const place = pool?.placeOf(inspectedBody.length) ?? 'loop';
    if (place === 'unavailable') metrics.offloadFallbacks.inc({ reason: 'unavailable', fallback: 'in-loop' });
    const offloaded = place === 'thread' ? await this.inspectOffloaded(pool!, req, inspectedBody, truncated, id, receivedAt, source, budgets) : null;
    let inspection: Inspection;
    let outcome: Awaited<ReturnType<WardenProxy['judge']>>;
    const lane = inspectedBody.length >= LANE_MIN_BODY_BYTES ? bigInspections : null;
    if (offloaded !== null) ({ inspection, outcome } = offloaded);
    else {
      const clock = new SliceClock(INSPECTION_SLICE_MS, budgets.cpuBudgetMs);
      if (lane !== null && (await lane.enter())) clock.willWait();
      // With the lane ours, only small requests' objects are young: a scavenge now copies little, and the walk starts with the young generation free (young-generation.ts).
      if (inspectedBody.length >= SCAVENGE_BEFORE_WALK_BYTES) scavengeNow();
      try {
        inspection = await this.inspectInSlices(req, inspectedBody, truncated, id, receivedAt, source, clock, budgets.memoryBudgetMb);
        outcome = await this.judge(inspection, clock);
      } finally {
        lane?.leave();
      }
    }
    if (outcome !== null && outcome.verdict.action === 'block') {
      this.logVerdict(inspection, outcome.verdict, outcome.results, null);
      send(res, this.blockAnswer(outcome.verdict, outcome.results, headerValue(req.rawHeaders, 'accept')), id);
      if (rest !== null) req.resume();
      return;
    }

    // Allowed: nothing after the verdict reads the targets (log lines, traffic log and remainder windows read the body), so a big
    // body's are let go before its forwarding, which can take a while, and the next big walk's scavenge finds them dead.
    if (lane !== null) inspection.targets = [];
    const headers = buildUpstreamHeaders(req.rawHeaders, config.forwarding, this.hopContext(req, admission));
    const sessionCheck = admission.sessions;
    if (sessionCheck !== undefined) await this.applySessionCheck(sessionCheck, headers, req, source, id);
    let remainder: RemainderScanState | undefined;
    let window: { inspection: Inspection; verdict: Verdict; results: GateResults } | null = null;
    let restOut = rest;
    if (rest !== null && outcome !== null) {
      remainder = newRemainderScanState();
      if (contentEncoding !== undefined) {
        // Compressed bytes cannot be judged window by window: the rest passes unjudged, on record as partial.
        restOut = countUnscanned(rest, remainder);
      } else {
        const policy = this.deps.policies.resolve(inspection.method, inspection.path, inspection.source.ip);
        restOut = scanRemainder(
          rest,
          wireBody,
          async (bytes) => {
            const fragment = this.inspect(req, bytes, true, id, receivedAt, source);
            const judged = await this.deps.pipeline.run(fragment, policy, false);
            if (judged.verdict.action === 'allow') return false;
            window = { inspection: fragment, ...judged };
            return judged.verdict.action === 'block';
          },
          REMAINDER_SCAN_DEFAULTS,
          remainder,
        );
      }
    }
    const upstreamBody = restOut === null ? (wireBody.length > 0 || req.headers['content-length'] !== undefined ? wireBody : null) : prefixThen(wireBody, restOut);
    // A client that already cancelled (HTTP/2 RST_STREAM, e.g. a rapid-reset flood; a closed connection) costs the upstream nothing.
    if (this.listener.clientGone(req)) {
      if (outcome !== null) this.logVerdict(inspection, outcome.verdict, outcome.results, null);
      return;
    }
    try {
      const forwarded = await this.upstream.forward(
        {
          method: req.method ?? 'GET',
          path,
          headers,
          body: upstreamBody,
          responseHeaders: admission.admitted ? admission.responseHeaders : undefined,
          beforeHead: sessionCheck === undefined ? this.recordSessions : (answer) => this.recordAfterCheck(answer, sessionCheck),
        },
        res,
      );
      if (outcome !== null) this.logRemainder(inspection, outcome, window, forwarded.status, remainder);
    } catch (err) {
      if (remainder?.blocked === true && window !== null) {
        // A window of the rest blocked: the upstream request was aborted before the body was complete.
        const blocked = window as { inspection: Inspection; verdict: Verdict; results: GateResults };
        this.deps.metrics.requests.inc({ action: 'block' });
        this.deps.alerts?.verdict('block', id);
        this.logVerdict(blocked.inspection, blocked.verdict, blocked.results, null, remainder);
        if (!res.headersSent) res.setHeader('connection', 'close');
        send(res, this.blockAnswer(blocked.verdict, blocked.results, headerValue(req.rawHeaders, 'accept')), id);
        req.resume();
        return;
      }
      if (outcome !== null) this.logVerdict(inspection, outcome.verdict, outcome.results, err instanceof WardenError ? err.status : 502, remainder);
      this.upstreamError(req, res, err, id);
    }
  }

  /** The request's line: its own verdict, or a window of the rest that only monitored (detect mode). */
  private logRemainder(
    inspection: Inspection,
    outcome: { verdict: Verdict; results: GateResults },
    window: { inspection: Inspection; verdict: Verdict; results: GateResults } | null,
    status: number,
    remainder: RemainderScanState | undefined,
  ): void {
    if (remainder !== undefined) this.deps.metrics.partialInspections.inc({ reason: remainder.unscannedBytes > 0 ? 'unscanned-rest' : 'scanned-rest' });
    if (window !== null && outcome.verdict.action === 'allow') this.logVerdict(window.inspection, window.verdict, window.results, status, remainder);
    else this.logVerdict(inspection, outcome.verdict, outcome.results, status, remainder);
  }

  private refuse(req: IncomingMessage, res: ServerResponse, err: unknown, id: string): void {
    const e = err instanceof WardenError ? err : new WardenError('WARDEN_PROXY_INTERNAL', String(err), 500);
    // Tell the client we will not read the rest, so it stops sending.
    res.setHeader('connection', 'close');
    send(res, this.refusal(req, e, id), id);
    req.resume();
  }

  /** Counts and logs a request refused before any gate; the answer to send. */
  refusal(req: IncomingMessage, e: WardenError, id: string): BlockBody {
    this.deps.metrics.refused.inc({ code: e.code });
    this.deps.decisionLog.warn(
      { event: 'refused', incidentId: id, code: e.code, status: e.status, source: { peer: req.socket.remoteAddress }, request: { method: req.method, url: req.url } },
      e.message,
    );
    return renderError(e.status, e.code.replace(/^WARDEN_PROXY_/, '').toLowerCase(), e.message, id);
  }

  private upstreamError(req: IncomingMessage, res: ServerResponse, err: unknown, id: string): void {
    send(res, this.upstreamFailed(req, err, id), id);
  }

  /**
   * An upstream that failed before answering (down, timed out, TLS verification failed), for pooled
   * requests and WebSocket handshakes alike: counted, one `upstream-error` line with the incident id
   * and the reason, and the 502/504 answer the client gets (the reason stays in the log).
   */
  upstreamFailed(req: IncomingMessage, err: unknown, id: string): BlockBody {
    const e = err instanceof WardenError ? err : new WardenError('WARDEN_PROXY_UPSTREAM_UNAVAILABLE', String(err), 502);
    this.deps.metrics.upstreamErrors.inc({ status: String(e.status) });
    this.deps.decisionLog.error(
      { event: 'upstream-error', incidentId: id, code: e.code, status: e.status, upstream: this.upstream.origin, request: { method: req.method, url: req.url } },
      e.message,
    );
    return renderError(e.status, e.status === 504 ? 'upstream_timeout' : 'upstream_unavailable', 'The upstream server could not answer.', id);
  }

  private internalError(res: ServerResponse, err: unknown): void {
    this.deps.decisionLog.error({ event: 'internal-error', err: err instanceof Error ? err.stack : String(err) }, 'internal error');
    const id = newIncidentId(Date.now());
    send(res, renderError(500, 'internal_error', 'Warden failed to process the request.', id), id);
  }

  private clientError(err: Error & { code?: string }, socket: Socket): void {
    // Garbage from a client (bad request line, header overflow, slow headers) is answered by the HTTP layer.
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    this.deps.metrics.refused.inc({ code: err.code ?? 'client_error' });
    this.deps.decisionLog.info({ event: 'client-error', code: err.code, peer: socket.remoteAddress }, err.message);
    if (!socket.writable || socket.destroyed) {
      socket.destroy();
      return;
    }
    const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.setTimeout(1_000, () => socket.destroy());
  }
}

/** The metric's reason for a request a limit cut: the CPU budget is told apart from the field-count limits. */
/** The path routes match on, as the inspection will compute it (decoded once, dot segments resolved). */
function routingPath(target: string): string {
  return normalizeUri(splitRequestTarget(target), 0).path;
}

function partialReason(uncovered: readonly string[]): string {
  if (uncovered.includes('cpuBudgetMs')) return 'cpu-budget';
  if (uncovered.includes('memoryBudgetMb')) return 'memory-budget';
  return uncovered.length > 0 ? 'uncovered' : 'limit';
}

function rawRequest(req: IncomingMessage, body: Buffer, truncated: boolean, source: RequestSource): RawRequest {
  return { method: req.method ?? 'GET', url: req.url ?? '/', httpVersion: req.httpVersion, rawHeaders: req.rawHeaders, body, bodyTruncated: truncated, source };
}

async function* countUnscanned(rest: AsyncIterable<Buffer>, state: RemainderScanState): AsyncIterable<Buffer> {
  for await (const chunk of rest) {
    state.unscannedBytes += chunk.length;
    yield chunk;
  }
}

async function* prefixThen(prefix: Buffer, rest: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  yield prefix;
  yield* rest;
}
