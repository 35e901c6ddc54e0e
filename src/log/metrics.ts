import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HistogramSeries } from './histogram-series.js';

/**
 * Alert counters (src/alerts/). In a cluster the primary evaluates the rules and delivers, so it owns
 * them (in a registry of its own, added to the workers' aggregate); a single process has them in its
 * WardenMetrics.
 */
export class AlertMetrics {
  readonly fired: Counter<'rule'>;
  readonly suppressed: Counter<'rule'>;
  readonly deliveries: Counter<'sink' | 'outcome'>;

  constructor(registry: Registry) {
    this.fired = new Counter({ name: 'warden_alerts_fired_total', help: 'Alerts raised, by rule (each sent to every sink)', labelNames: ['rule'] as const, registers: [registry] });
    this.suppressed = new Counter({
      name: 'warden_alerts_suppressed_total',
      help: 'Alert triggers held back by alerts.throttleSeconds (counted in the next alert of the rule and key), by rule',
      labelNames: ['rule'] as const,
      registers: [registry],
    });
    this.deliveries = new Counter({
      name: 'warden_alert_deliveries_total',
      help: 'Alert deliveries per sink: sent, failed (every try failed) or dropped (the sink queue was full, or left at stop)',
      labelNames: ['sink', 'outcome'] as const,
      registers: [registry],
    });
  }
}

/** Prometheus metrics of one Warden process, served on the admin listener at /metrics. */
/** Buckets for one step of the pipeline (a gate, the normalizer): 10 µs to 50 ms. */
const STEP_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

export class WardenMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'warden_requests_total',
    help: 'Requests by verdict action',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: 'warden_refused_total',
    help: 'Requests answered by Warden before the gates (a bad request-target or Host, body too large, decode limits, bad upgrade)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly gateFailures = new Counter({
    name: 'warden_gate_failures_total',
    help: 'Internal errors of a gate (answered fail-open or fail-closed by config)',
    labelNames: ['gate'] as const,
    registers: [this.registry],
  });
  readonly upstreamErrors = new Counter({
    name: 'warden_upstream_errors_total',
    help: 'Upstream failures by status returned to the client (502, 504)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly inspectionSeconds = new Histogram({
    name: 'warden_inspection_seconds',
    help: 'Time spent in the gates (signatures, model, schema and the decision) per request',
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });
  // Per gate, so an operator can tell which gate a latency rise comes from (a big rule import, a
  // model swap, a large schema) without reading decision logs.
  readonly gateSeconds = new Histogram({
    name: 'warden_gate_seconds',
    help: 'Time spent in one gate per request that reached it',
    labelNames: ['gate'] as const,
    buckets: STEP_BUCKETS,
    registers: [this.registry],
  });
  readonly normalizeSeconds = new Histogram({
    name: 'warden_normalize_seconds',
    help: 'Time spent building the inspection (parsing, decoding, targets) per request',
    buckets: STEP_BUCKETS,
    registers: [this.registry],
  });
  // What every request observes, without prom-client's per-call label work (histogram-series.ts).
  readonly inspectionSeries = new HistogramSeries(this.inspectionSeconds, {});
  readonly normalizeSeries = new HistogramSeries(this.normalizeSeconds, {});
  readonly gateSeries: Readonly<Record<'signatures' | 'model' | 'schema', HistogramSeries>> = {
    signatures: new HistogramSeries(this.gateSeconds, { gate: 'signatures' }),
    model: new HistogramSeries(this.gateSeconds, { gate: 'model' }),
    schema: new HistogramSeries(this.gateSeconds, { gate: 'schema' }),
  };
  readonly reputationFallbacks = new Counter({
    name: 'warden_reputation_fallbacks_total',
    help: 'Reputation operations answered from local memory because Redis (or the cluster primary) was unavailable',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly reputationOperations = new Counter({
    name: 'warden_reputation_operations_total',
    help: 'Reputation operations (get, record) sent to a shared store (Redis, or the cluster primary); fallbacks / operations is the share answered locally',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly websocketMessages = new Counter({
    name: 'warden_websocket_messages_total',
    help: 'Client-to-server WebSocket data messages, by what became of them: judged (each also counted in warden_requests_total by its action) or unjudged (past websocket.maxMessageBytes with overLimit: pass)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly websocketCloses = new Counter({
    name: 'warden_websocket_closes_total',
    help: 'WebSocket connections Warden closed, by close code sent to the client (1008 a blocked message, 1002 an invalid frame, 1007 a text message not UTF-8, 1009 a message over websocket.maxMessageBytes, 1011 an internal error)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly partialInspections = new Counter({
    name: 'warden_partial_inspections_total',
    help: 'Requests whose inspection a limit cut (limit, uncovered, cpu-budget, memory-budget) and inspect-prefix bodies whose rest was judged in windows (scanned-rest) or streamed unjudged (unscanned-rest)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly offloaded = new Counter({
    name: 'warden_offload_requests_total',
    help: 'Requests whose body an inspection worker thread walked and judged (offload.minBodyBytes and up)',
    registers: [this.registry],
  });
  readonly offloadFallbacks = new Counter({
    name: 'warden_offload_fallbacks_total',
    help: 'Requests of offload size judged without a worker: reason died, timeout or error (answered per failure.gateErrors: in-loop inspection, or fail-closed), or unavailable (no worker ready: inspected on the event loop)',
    labelNames: ['reason', 'fallback'] as const,
    registers: [this.registry],
  });
  readonly offloadRespawns = new Counter({
    name: 'warden_offload_worker_restarts_total',
    help: 'Inspection worker threads started again after one died or hung',
    registers: [this.registry],
  });
  readonly accessDenied = new Counter({
    name: 'warden_access_denied_total',
    help: 'Requests refused by access control (address lists, credentials, scopes) before inspection, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly accessVerified = new Counter({
    name: 'warden_access_verified_total',
    help: 'Requests whose credential access control verified, by method (apiKey, jwt)',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'warden_ratelimit_limited_total',
    help: 'Requests refused by a rate limit (429, or 503 while the store is down with onStoreDown: closed), by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly rateLimitPersistent = new Counter({
    name: 'warden_ratelimit_persistent_total',
    help: 'Clients that kept sending while refused by a rate limit (once per rule, client and window), recorded in their reputation, by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly rateLimitFallbacks = new Counter({
    name: 'warden_ratelimit_store_fallbacks_total',
    help: 'Rate-limit checks answered by rateLimits.onStoreDown because the shared store (Redis, or the cluster primary) did not answer',
    labelNames: ['policy'] as const,
    registers: [this.registry],
  });
  readonly sessionChecks = new Counter({
    name: 'warden_session_checks_total',
    help: 'Requests carrying a configured session cookie, by outcome: issued (every id known), unissued (an id the upstream never issued, after the warm-up), warmup (unknown id let through during the warm-up), unavailable (the registry did not answer: passed unchecked)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly sessionUnissued = new Counter({
    name: 'warden_session_unissued_total',
    help: 'Requests with a session id the upstream never issued (session fixation), by what sessions.action did: strip, block or detect',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly sessionsRecorded = new Counter({
    name: 'warden_session_ids_recorded_total',
    help: 'Session ids recorded from the upstream\'s Set-Cookie (as keyed digests)',
    registers: [this.registry],
  });
  readonly sessionStoreFallbacks = new Counter({
    name: 'warden_session_store_fallbacks_total',
    help: 'Session registry operations the shared store (Redis, or the cluster primary) did not answer: lookups passed unchecked, records kept to be written later',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  // Every worker holds the same set: the cluster aggregate is one worker's count, not their sum.
  readonly decisionLinesSuppressed = new Counter({
    name: 'warden_decision_lines_suppressed_total',
    help: 'Decision-log lines of non-allow verdicts not written in full (counted in verdict-summary lines) by logging.sampling',
    registers: [this.registry],
  });
  readonly rulesLoaded = new Gauge({ name: 'warden_rules_loaded', help: 'Signature rules in force', aggregator: 'max', registers: [this.registry] });
  // Seconds until each served certificate's notAfter (negative once expired); every worker holds the same set.
  readonly tlsCertificateExpiry = new Gauge({
    name: 'warden_tls_certificate_expiry_seconds',
    help: 'Seconds until the TLS certificate expires, by certificate file and first name',
    labelNames: ['certificate', 'name'] as const,
    aggregator: 'min',
    registers: [this.registry],
  });
  readonly tlsHandshakeFailures = new Counter({
    name: 'warden_tls_handshake_failures_total',
    help: 'TLS handshakes and HTTP/2 sessions refused or broken (old protocol version, no shared cipher, missing client certificate, protocol errors), by error code',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'warden_reloads_total',
    help: 'Hot reloads by outcome',
    labelNames: ['what', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly alerts = new AlertMetrics(this.registry);

  constructor(defaults = true) {
    // prom-client's names already start with process_/nodejs_: the prefix makes them
    // warden_process_cpu_seconds_total, warden_nodejs_eventloop_lag_seconds, ...
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: 'warden_' });
  }
}
