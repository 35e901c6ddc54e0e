import type { RouteMatch } from '../config/types.js';

/** What one part of a rule's key is read from (src/ratelimit/README.md, "Keys"). */
export type RateLimitKeyPart = 'ip' | 'apiKey' | 'jwt.sub' | 'clientCert' | 'route' | 'global' | 'connection' | `header:${string}`;

/** What a rule counts: HTTP requests (WebSocket handshakes included), or the client->server messages of WebSocket connections. */
export type RateLimitCounts = 'requests' | 'websocketMessages';

export interface RateLimitRuleConfig {
  /** Names the rule in headers, logs and metrics: `[A-Za-z0-9_.-]`, unique. */
  id: string;
  /** Which requests the rule counts (with `counts: websocketMessages`, whose connections' messages); `{}` counts every request. */
  match: RouteMatch;
  /** `requests` (default), or `websocketMessages`: each data message of a WebSocket whose handshake `match` fits (README, "WebSocket messages"). */
  counts: RateLimitCounts;
  /** One part or several: the counter is per distinct combination. */
  key: RateLimitKeyPart | RateLimitKeyPart[];
  /** Requests per window and key. */
  limit: number;
  windowSeconds: number;
  /** Requests a key may make past `limit`, at most `burst` per `burstWindowSeconds` (0: none). */
  burst: number;
  /** Absent: ten windows. */
  burstWindowSeconds?: number;
  /** Overrides `rateLimits.headers` for this rule's forwarded answers. */
  headers?: boolean;
  /** Overrides `rateLimits.reputation.persistentAbuse` for this rule. */
  persistentAbuse?: boolean;
}

/**
 * What a refusal teaches the source's reputation (README, "Reputation"): nothing, unless a client keeps
 * sending while refused — more than `max(after × limit, minRefused)` refusals of one rule within one of
 * the rule's windows — which is recorded once per rule and window as one counted attack of that client.
 */
export interface RateLimitReputationConfig {
  persistentAbuse: boolean;
  /** Refusals per window, as a multiple of the rule's `limit`, past which the client is persistent. */
  after: number;
  /** ... and never fewer than this many (a browser's parallel requests after one refusal are not persistence). */
  minRefused: number;
}

export interface RateLimitRedisConfig {
  /** null: `reputation.redis.url`. */
  url: string | null;
  keyPrefix: string;
  /** Per-command budget; past it the request is answered by `onStoreDown`. */
  timeoutMs: number;
  /** After a failure, Redis is not tried again for this long (no request waits on a hung server). */
  retryAfterMs: number;
}

export type OnStoreDown = 'local' | 'open' | 'closed';

export interface RateLimitsConfig {
  store: 'memory' | 'redis';
  redis: RateLimitRedisConfig;
  rules: RateLimitRuleConfig[];
  onStoreDown: OnStoreDown;
  /** Add `RateLimit` / `RateLimit-Policy` to answers forwarded from the upstream (a 429 always has them). */
  headers: boolean;
  /** IPv6 clients are counted by their prefix: one host can rotate through a whole /64. */
  ipv6Prefix: number;
  /** With `store: memory` and several workers: how long a worker waits for the primary's count before `onStoreDown` answers. */
  primaryTimeoutMs: number;
  /** Memory store: live keys per rule; new keys beyond it share the rule's `~overflow` counter. */
  maxKeysPerRule: number;
  reputation: RateLimitReputationConfig;
}

/** JSON Schema fragment for `rateLimits` (ajv, `useDefaults`); what it cannot see is checked by `compileRateLimitRules`. */
export function rateLimitsConfigSchema(routeMatch: object): object {
  return {
    type: 'object',
    additionalProperties: false,
    default: {},
    properties: {
      store: { enum: ['memory', 'redis'], default: 'memory' },
      redis: {
        type: 'object',
        additionalProperties: false,
        default: {},
        properties: {
          url: { type: ['string', 'null'], pattern: '^rediss?://', default: null },
          keyPrefix: { type: 'string', default: 'warden:rl:' },
          timeoutMs: { type: 'integer', minimum: 1, maximum: 10000, default: 50 },
          retryAfterMs: { type: 'integer', minimum: 0, maximum: 600000, default: 1000 },
        },
      },
      onStoreDown: { enum: ['local', 'open', 'closed'], default: 'local' },
      headers: { type: 'boolean', default: false },
      ipv6Prefix: { type: 'integer', minimum: 1, maximum: 128, default: 64 },
      primaryTimeoutMs: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
      maxKeysPerRule: { type: 'integer', minimum: 1, maximum: 100000000, default: 100000 },
      reputation: {
        type: 'object',
        additionalProperties: false,
        default: {},
        properties: {
          persistentAbuse: { type: 'boolean', default: true },
          after: { type: 'number', minimum: 0, maximum: 1000000, default: 1 },
          minRefused: { type: 'integer', minimum: 1, maximum: 1000000000, default: 10 },
        },
      },
      rules: {
        type: 'array',
        default: [],
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'key', 'limit', 'windowSeconds'],
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
            match: { ...routeMatch, default: {} },
            counts: { enum: ['requests', 'websocketMessages'], default: 'requests' },
            key: { type: ['string', 'array'], minItems: 1, maxItems: 6, items: { type: 'string' } },
            limit: { type: 'integer', minimum: 1, maximum: 1000000000 },
            windowSeconds: { type: 'integer', minimum: 1, maximum: 31536000 },
            burst: { type: 'integer', minimum: 0, maximum: 1000000000, default: 0 },
            burstWindowSeconds: { type: 'integer', minimum: 1, maximum: 31536000 },
            headers: { type: 'boolean' },
            persistentAbuse: { type: 'boolean' },
          },
        },
      },
    },
  };
}
