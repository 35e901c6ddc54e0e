import { RULE_ACTIONS } from '../signatures/rule.js';
import { reputationConfigSchema } from '../reputation/config.js';
import { schemaConfigJsonSchema } from '../schema/config.js';
import { accessConfigSchema, adminTokenSchema } from '../access/config.js';
import { rateLimitsConfigSchema } from '../ratelimit/config.js';
import { DEFAULT_REDACTED_FIELDS, DEFAULT_REDACTED_HEADERS } from '../log/redact.js';
import { redirectHttpConfigSchema, tlsConfigSchema, upstreamTlsConfigSchema } from '../tls/config.js';
import { alertsConfigSchema } from '../alerts/config.js';
import { sessionsConfigSchema } from '../sessions/config.js';

/** JSON Schema of the config file: ajv validates it with defaults applied, so every key has one documented home. */
/** A config section: an object of known keys, each with its default, present even when left out. */
const section = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, default: {}, properties });
const ruleEffects = ['suspicious', 'block', 'allow'];
/** Snort action → what it means in Warden (alert → suspicious for the model, drop → block, pass → allow). */
const ruleActions = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(RULE_ACTIONS.map((a) => [a, { enum: ruleEffects }])),
};
const confidence = { enum: ['none', 'low', 'medium', 'high', 'critical'] };
const hostPort = { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):[0-9]{1,5}$' };
const routeMatch = {
  type: 'object',
  additionalProperties: false,
  properties: {
    pathPrefix: { type: 'string', pattern: '^/' },
    pathRegex: { type: 'string', format: 'regex' },
    methods: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+$' } },
    sourceCidrs: { type: 'array', items: { type: 'string' } },
  },
};

export const configSchema = {
  $id: 'https://warden.invalid/config.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    listen: { ...hostPort, default: '127.0.0.1:8000' },
    upstream: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8080' },
    // TLS termination on `listen` (SNI, HTTP/2, mTLS), verification of an https upstream, a 308 listener (src/tls/).
    tls: tlsConfigSchema,
    upstreamTls: upstreamTlsConfigSchema,
    redirectHttp: redirectHttpConfigSchema,
    mode: { enum: ['prevent', 'detect'], default: 'prevent' },
    workers: { type: 'integer', minimum: 1, maximum: 256, default: 1 },
    forwarding: section({
      xForwardedFor: { enum: ['append', 'set', 'off'], default: 'append' },
      xForwardedProto: { type: 'boolean', default: true },
      xForwardedHost: { type: 'boolean', default: true },
      via: { type: 'boolean', default: false },
      trustedProxies: { type: 'array', items: { type: 'string' }, default: [] },
      // Forwarding headers Warden does not set (Forwarded, X-Forwarded-Port/-Prefix/-Server/..., X-Real-IP): from a
      // peer outside trustedProxies they are a client's claim about itself, and `drop` removes them.
      untrustedClaims: { enum: ['drop', 'keep'], default: 'drop' },
    }),
    timeouts: section({
      connectMs: { type: 'integer', minimum: 1, default: 5000 },
      upstreamHeadersMs: { type: 'integer', minimum: 1, default: 30000 },
      upstreamBodyMs: { type: 'integer', minimum: 1, default: 60000 },
      clientHeadersMs: { type: 'integer', minimum: 1, default: 10000 },
      clientBodyMs: { type: 'integer', minimum: 1, default: 30000 },
      // SIGTERM/SIGINT: requests in flight get 80 % of it, then connections are cut; a worker still alive at the end is killed.
      shutdownMs: { type: 'integer', minimum: 100, maximum: 600000, default: 10000 },
    }),
    body: section({
      limit: { type: 'integer', minimum: 0, default: 1048576 },
      overLimit: { enum: ['reject', 'inspect-prefix'], default: 'reject' },
      decompress: section({
        maxBytes: { type: 'integer', minimum: 1, default: 8388608 },
        maxRatio: { type: 'number', minimum: 1, default: 100 },
      }),
    }),
    block: section({
      status: { type: 'integer', minimum: 400, maximum: 599, default: 403 },
      format: { enum: ['json', 'html', 'auto'], default: 'auto' },
    }),
    failure: section({ gateErrors: { enum: ['open', 'closed'], default: 'open' } }),
    decision: section({ minimumConfidence: { ...confidence, default: 'high' } }),
    // A request cut by an inspection limit (fields past maxTargets, JSON depth, multipart parts, the body prefix).
    inspection: section({
      partial: section({
        minimumConfidence: { ...confidence, default: 'medium' },
        uncovered: { enum: ['block', 'judge'], default: 'block' },
      }),
      malformedBody: { enum: ['inspect-as-text', 'refuse'], default: 'inspect-as-text' },
      // Fields walked in slices of a few ms (other requests run between them); past this much CPU the walk stops, uncovered.
      cpuBudgetMs: { type: 'integer', minimum: 1, maximum: 60000, default: 200 },
      // What the walk may build (text copies of the body, targets), estimated as it goes; past it the walk stops, uncovered.
      memoryBudgetMb: { type: 'number', exclusiveMinimum: 0, maximum: 4096, default: 32 },
    }),
    // Bodies from minBodyBytes are walked and judged by the rules, model and schema in worker threads
    // with heaps of their own (src/offload/), so their work and garbage stay off the event-loop thread.
    offload: section({
      threads: { type: 'integer', minimum: 0, maximum: 64, default: 1 },
      minBodyBytes: { type: 'integer', minimum: 0, maximum: 1073741824, default: 65536 },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 10000 },
      maxHeapMb: { type: 'integer', minimum: 64, maximum: 65536, default: 2048 },
    }),
    // Client->server WebSocket messages are judged by the same gates as a body (src/proxy/websocket/).
    websocket: section({
      // Payload bytes one message may reassemble to (its fragments summed); past it: close 1009, or pass it unjudged.
      maxMessageBytes: { type: 'integer', minimum: 1, maximum: 67108864, default: 1048576 },
      overLimit: { enum: ['close', 'pass'], default: 'close' },
      // Bytes of whole messages one connection may hold waiting for their verdicts before Warden stops reading it.
      maxBufferedBytes: { type: 'integer', minimum: 1024, maximum: 1073741824, default: 4194304 },
      // No frame either way for this long: both sides get a Close 1001 (0: never). NGINX's proxy_read_timeout is 60 s.
      idleTimeoutMs: { type: 'integer', minimum: 0, maximum: 86400000, default: 300000 },
    }),
    routes: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: {
          match: routeMatch,
          mode: { enum: ['prevent', 'detect', 'off'] },
          minimumConfidence: confidence,
          partial: {
            type: 'object',
            additionalProperties: false,
            properties: { minimumConfidence: confidence, uncovered: { enum: ['block', 'judge'] } },
          },
          malformedBody: { enum: ['inspect-as-text', 'refuse'] },
          cpuBudgetMs: { type: 'integer', minimum: 1, maximum: 60000 },
          memoryBudgetMb: { type: 'number', exclusiveMinimum: 0, maximum: 4096 },
        },
      },
    },
    exceptions: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: {
          match: routeMatch,
          rules: { type: 'array', items: { type: 'string', pattern: '^([0-9]+:)?[0-9]+$' } },
          targets: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    rules: section({
      bundled: { type: 'boolean', default: true },
      files: {
        type: 'array',
        default: [],
        items: {
          anyOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              additionalProperties: false,
              required: ['path'],
              properties: {
                path: { type: 'string', minLength: 1 },
                flavour: { enum: ['snort2', 'snort3', 'suricata'] },
                actions: ruleActions,
                rules: { type: 'object', additionalProperties: { enum: [...ruleEffects, 'disabled'] } },
              },
            },
          ],
        },
      },
      flavour: { enum: ['auto', 'snort2', 'snort3', 'suricata'], default: 'auto' },
      actions: { ...ruleActions, default: {} },
      variables: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
      // Refuse a rule set in which any rule is rejected (start-up fails, a reload keeps the old set).
      strict: { type: 'boolean', default: false },
      // Per-rule overrides written by `warden rules tune --write` (a JSON sidecar), applied on load and reload.
      tuning: { type: 'string', default: '' },
    }),
    model: section({
      enabled: { type: 'boolean', default: true },
      // "": <store>/current when `warden promote` has set it, else the shipped model.
      path: { type: 'string', default: '' },
      // Where `warden promote` keeps promoted models and the `current` link (relative to the config file).
      store: { type: 'string', minLength: 1, default: 'models' },
      onLoadError: { enum: ['signatures-only', 'refuse'], default: 'signatures-only' },
      // Apply the per-endpoint field profiles a retrained model carries (profiles.json beside it).
      fieldProfiles: { type: 'boolean', default: true },
      // An uploaded whole HTML page: `document` scores it only on a non-XSS rule's hit (its scripts are its
      // content); `inspect` scores it as any uploaded text, for applications that serve uploads inline.
      htmlUploads: { enum: ['document', 'inspect'], default: 'document' },
    }),
    reputation: reputationConfigSchema,
    // Who may call: IP allow/deny lists, API keys, JWT, per-route requirements (src/access/).
    access: accessConfigSchema(routeMatch),
    // Request counts per key and window, checked after access control and before inspection (src/ratelimit/).
    rateLimits: rateLimitsConfigSchema(routeMatch),
    // null: no OpenAPI enforcement (the default); an object: gate 3 with that document.
    schema: { default: null, anyOf: [{ type: 'null' }, schemaConfigJsonSchema] },
    // null: no session guard (the default); an object: session ids the upstream never issued are stripped, blocked or logged (src/sessions/).
    sessions: sessionsConfigSchema,
    logging: section({
      level: { enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], default: 'info' },
      decisions: { type: 'string', default: 'stdout' },
      logAllowed: { type: 'boolean', default: false },
      // Non-allow lines per (source, rule, action): the first `perKey` per window in full, the rest counted in one summary line.
      sampling: section({
        perKey: { type: 'integer', minimum: 0, default: 20 },
        windowMs: { type: 'integer', minimum: 100, default: 60000 },
        maxKeys: { type: 'integer', minimum: 1, default: 10000 },
      }),
      // Size/time rotation of the decision log when it is a file.
      rotation: section({
        maxBytes: { type: 'integer', minimum: 0, default: 104857600 },
        maxAgeMs: { type: 'integer', minimum: 0, default: 86400000 },
        keep: { type: 'integer', minimum: 0, default: 14 },
      }),
      traffic: section({
        enabled: { type: 'boolean', default: false },
        file: { type: 'string', default: 'logs/traffic.ndjson' },
        sampleRate: { type: 'number', minimum: 0, maximum: 1, default: 1 },
        maxBodyBytes: { type: 'integer', minimum: 0, default: 65536 },
        rotation: section({
          maxBytes: { type: 'integer', minimum: 0, default: 104857600 },
          maxAgeMs: { type: 'integer', minimum: 0, default: 86400000 },
          keep: { type: 'integer', minimum: 0, default: 14 },
        }),
        redactHeaders: {
          type: 'array',
          items: { type: 'string' },
          default: DEFAULT_REDACTED_HEADERS,
        },
        redactFields: {
          type: 'array',
          items: { type: 'string' },
          default: DEFAULT_REDACTED_FIELDS,
        },
      }),
    }),
    // Alert rules over the instance's traffic and events, and where alerts go (src/alerts/README.md).
    alerts: alertsConfigSchema,
    admin: section({
      enabled: { type: 'boolean', default: true },
      listen: { ...hostPort, default: '127.0.0.1:8001' },
      // Bearer token for every admin endpoint but /healthz; without one the listener stays on loopback.
      token: adminTokenSchema,
    }),
  },
} as const;
