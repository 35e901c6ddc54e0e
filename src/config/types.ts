import type { Confidence, Mode, PartialInspectionPolicy } from '../decision/types.js';
import type { ReputationConfig } from '../reputation/config.js';
import type { AccessConfig, SecretSource } from '../access/config.js';
import type { SchemaConfig } from '../schema/config.js';
import type { RateLimitsConfig } from '../ratelimit/config.js';
import type { RuleFileConfig } from '../signatures/load-rule-set.js';
import type { RuleAction } from '../signatures/rule.js';
import type { RuleEffect } from '../signatures/types.js';
import type { RedirectHttpConfig, TlsConfig, UpstreamTlsConfig } from '../tls/config.js';
import type { AlertsConfig } from '../alerts/config.js';
import type { SessionsConfig } from '../sessions/config.js';

export interface RouteMatch {
  pathPrefix?: string;
  pathRegex?: string;
  methods?: string[];
  sourceCidrs?: string[];
}

/** Per-route policy: the first route whose `match` fits a request sets its mode and threshold. */
export interface RouteConfig {
  match: RouteMatch;
  mode?: Mode | 'off';
  minimumConfidence?: Confidence;
  /** Overrides `inspection.partial` on this route. */
  partial?: Partial<PartialInspectionPolicy>;
  /** Overrides `inspection.malformedBody` on this route. */
  malformedBody?: 'inspect-as-text' | 'refuse';
  /** Overrides `inspection.cpuBudgetMs` on this route. */
  cpuBudgetMs?: number;
  /** Overrides `inspection.memoryBudgetMb` on this route. */
  memoryBudgetMb?: number;
}

/** An exemption: rule ids and target names a matching request is not judged on. */
export interface ExceptionConfig {
  match: RouteMatch;
  rules?: string[];
  targets?: string[];
}

export interface WardenConfig {
  listen: string;
  upstream: string;
  /** HTTPS (and HTTP/2) on `listen`; null: plain HTTP. */
  tls: TlsConfig | null;
  /** Verification of an https upstream. */
  upstreamTls: UpstreamTlsConfig;
  /** A plain listener answering 308 to https; null: none. */
  redirectHttp: RedirectHttpConfig | null;
  mode: Mode;
  workers: number;
  forwarding: {
    xForwardedFor: 'append' | 'set' | 'off';
    xForwardedProto: boolean;
    xForwardedHost: boolean;
    via: boolean;
    /** Peers whose X-Forwarded-For is believed (CIDRs). */
    trustedProxies: string[];
    /** `drop`: the forwarding claims Warden does not set itself (Forwarded, X-Forwarded-Port/-Prefix/…, X-Real-IP) are removed when the peer is not a trusted proxy. */
    untrustedClaims: 'drop' | 'keep';
  };
  timeouts: {
    /** Upstream connect timeout. */
    connectMs: number;
    /** Time to the upstream's response headers before 504. */
    upstreamHeadersMs: number;
    /** Idle time on the upstream's response body. */
    upstreamBodyMs: number;
    /** Time a client has to send its headers (slowloris guard). */
    clientHeadersMs: number;
    /** Time a client has to send its whole body. */
    clientBodyMs: number;
    /** Bound of a graceful stop (SIGTERM/SIGINT): drain for 80 % of it, then force; workers are killed at the end. */
    shutdownMs: number;
  };
  body: {
    limit: number;
    overLimit: 'reject' | 'inspect-prefix';
    decompress: { maxBytes: number; maxRatio: number };
  };
  block: { status: number; format: 'json' | 'html' | 'auto' };
  failure: { gateErrors: 'open' | 'closed' };
  decision: { minimumConfidence: Confidence };
  inspection: {
    partial: PartialInspectionPolicy;
    malformedBody: 'inspect-as-text' | 'refuse';
    /** CPU time one request's inspection may use (ms, summed over its slices); past it the walk stops and the request fails closed. */
    cpuBudgetMs: number;
    /** What one request's inspection may build (MiB, estimated: src/inspect/memory-budget.ts); past it the walk stops and the request fails closed. */
    memoryBudgetMb: number;
  };
  /**
   * Inspection worker threads (src/offload/): bodies of `minBodyBytes` or more (as inspected) are walked
   * and judged by the rules, model and schema there; `threads: 0` inspects every body on the event-loop
   * thread. A request a worker has not answered in `timeoutMs` is judged per `failure.gateErrors`.
   * `maxHeapMb` caps each thread's old generation: a thread that reaches it ends alone (its requests
   * judged per `failure.gateErrors`) instead of taking the process down with a heap-limit abort.
   */
  offload: { threads: number; minBodyBytes: number; timeoutMs: number; maxHeapMb: number };
  /**
   * WebSocket messages (src/proxy/websocket/): each client->server data message is reassembled and judged
   * like a body before its frames are forwarded. A message over `maxMessageBytes` closes the connection
   * with 1009 (`overLimit: close`) or is passed on unjudged and logged (`pass`). A connection stops being
   * read while the whole messages it holds for judging exceed `maxBufferedBytes`. A connection with no frame
   * either way for `idleTimeoutMs` (0: never) is closed with 1001 on both sides.
   */
  websocket: { maxMessageBytes: number; overLimit: 'close' | 'pass'; maxBufferedBytes: number; idleTimeoutMs: number };
  routes: RouteConfig[];
  exceptions: ExceptionConfig[];
  rules: {
    bundled: boolean;
    files: (string | RuleFileConfig)[];
    flavour: 'auto' | 'snort2' | 'snort3' | 'suricata';
    actions: Partial<Record<RuleAction, RuleEffect>>;
    /** Snort variable overrides (`HOME_NET`, `HTTP_PORTS`, ...). */
    variables: Record<string, string>;
    strict: boolean;
    /** Sidecar of per-rule overrides from `warden rules tune --write` ('' = none). */
    tuning: string;
  };
  model: {
    enabled: boolean;
    /** "" = `<store>/current` when a model was promoted, else the shipped model. */
    path: string;
    /** Directory `warden promote` manages: `<version>/` copies, the `current` link, promotions.ndjson. */
    store: string;
    onLoadError: 'signatures-only' | 'refuse';
    fieldProfiles: boolean;
    /** An uploaded whole HTML page: `document` = scored only on a non-XSS rule's hit; `inspect` = scored as any uploaded text. */
    htmlUploads: 'document' | 'inspect';
  };
  reputation: ReputationConfig;
  access: AccessConfig;
  rateLimits: RateLimitsConfig;
  schema: SchemaConfig | null;
  /** Session-fixation guard (src/sessions/); null: off. */
  sessions: SessionsConfig | null;
  logging: {
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
    /** Decision log destination: `stdout` or a file path. */
    decisions: string;
    /** Log allow verdicts too (one line per request). */
    logAllowed: boolean;
    /** Decision-log lines of non-allow verdicts per (source, rule, action) and window; the rest counted in a summary line. */
    sampling: { perKey: number; windowMs: number; maxKeys: number };
    /** Size/time rotation of the decision log file (0 = never by that measure; keep 0 = keep all). */
    rotation: { maxBytes: number; maxAgeMs: number; keep: number };
    traffic: {
      enabled: boolean;
      file: string;
      sampleRate: number;
      maxBodyBytes: number;
      /** Size/time rotation of the traffic log (0 = never by that measure; keep 0 = keep all). */
      rotation: { maxBytes: number; maxAgeMs: number; keep: number };
      redactHeaders: string[];
      redactFields: string[];
    };
  };
  /** Alert rules and sinks (src/alerts/); no rules: nothing is counted or sent. */
  alerts: AlertsConfig;
  admin: {
    enabled: boolean;
    listen: string;
    /** Bearer token of the admin API (file or env); null: no token, loopback only. */
    token: SecretSource | null;
  };
}
