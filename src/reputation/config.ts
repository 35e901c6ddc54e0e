import { Ajv, type ErrorObject } from 'ajv';
import { CidrList } from '../net/cidr.js';
import { reputationConfigInvalid } from './errors.js';

export interface ReputationKeyBy {
  /** Header carrying an API key; when present on a request, the source is the (hashed) key, not the IP. */
  apiKeyHeader: string | null;
  /**
   * Judge hostility per client: address + a hash of User-Agent, Authorization and session cookies, so
   * clients behind one NAT or proxy are told apart. Off: the address is the client.
   */
  fingerprint: boolean;
  /** Cookie names (case-insensitive) that identify a session besides the common ones (PHPSESSID, JSESSIONID, *sess*, *token*, ...). */
  sessionCookies: string[];
  /** IPv6 sources are keyed by their prefix: one host can rotate through a whole /64. */
  ipv6Prefix: number;
}

export interface ReputationRedisConfig {
  url: string;
  keyPrefix: string;
  /** Budget of a lookup (writes get 10×, at least 1 s); past it the request is answered from local memory. */
  timeoutMs: number;
  /** During an outage, Redis is skipped this long before one probe (no per-request waiting on a hung server). */
  retryAfterMs: number;
  /** Key TTL; 0 means ten half-lives, when a history has decayed to under 0.1 %. */
  ttlSeconds: number;
}

/** When a source counts as hostile, and how fast it recovers (see src/reputation/README.md). */
export interface ReputationHostilityConfig {
  /** Distinct decisive attacks a client needs before it is hostile; one mistake never is. */
  minAttacks: number;
  /** Distinct attacking clients an address needs before its new clients are judged as hostile. */
  minClients: number;
  /** Clean requests after the last attack that divide hostility by e. */
  recoveryCleanRequests: number;
  /** Clean requests after which a client is judged on its own history only, never on its address's. */
  establishedClean: number;
  /** Share of an address's recent requests that must be attacks by distinct clients before it is hostile as a whole. */
  minAttackShare: number;
}

export interface ReputationConfig {
  enabled: boolean;
  store: 'memory' | 'redis';
  redis: ReputationRedisConfig;
  /** Every remembered score, hit and block halves in weight over this time. */
  halfLifeSeconds: number;
  /** A source needs to have been seen this long before its clean history earns full benefit. */
  maturitySeconds: number;
  /** Decayed clean requests at which the clean benefit reaches 63 % of its maximum. */
  cleanRequestsScale: number;
  /** Bound of the in-memory store (and of the local fallback beside Redis); least recently used go first. */
  maxEntries: number;
  /** CIDRs whose sources get the full clean benefit whatever their history. */
  trustedSources: string[];
  /** CIDRs of proxies in front of Warden whose X-Forwarded-For hops are believed (added to forwarding.trustedProxies). */
  trustedProxies: string[];
  keyBy: ReputationKeyBy;
  hostility: ReputationHostilityConfig;
}

const cidrArray = { type: 'array', items: { type: 'string' }, default: [] };

/** JSON Schema fragment for the `reputation` key of the config file (ajv with `useDefaults`). */
export const reputationConfigSchema = {
  type: 'object',
  additionalProperties: false,
  default: {},
  properties: {
    enabled: { type: 'boolean', default: true },
    store: { enum: ['memory', 'redis'], default: 'memory' },
    redis: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        url: { type: 'string', pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' },
        keyPrefix: { type: 'string', default: 'warden:rep:' },
        timeoutMs: { type: 'integer', minimum: 1, maximum: 10000, default: 50 },
        retryAfterMs: { type: 'integer', minimum: 0, default: 1000 },
        ttlSeconds: { type: 'integer', minimum: 0, default: 0 },
      },
    },
    halfLifeSeconds: { type: 'number', exclusiveMinimum: 0, default: 3600 },
    maturitySeconds: { type: 'number', minimum: 0, default: 21600 },
    cleanRequestsScale: { type: 'number', exclusiveMinimum: 0, default: 100 },
    maxEntries: { type: 'integer', minimum: 1, default: 100000 },
    trustedSources: cidrArray,
    trustedProxies: cidrArray,
    keyBy: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        apiKeyHeader: { type: ['string', 'null'], default: null },
        fingerprint: { type: 'boolean', default: true },
        sessionCookies: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
        ipv6Prefix: { type: 'integer', minimum: 1, maximum: 128, default: 64 },
      },
    },
    hostility: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        minAttacks: { type: 'integer', minimum: 2, maximum: 100, default: 3 },
        minClients: { type: 'integer', minimum: 2, maximum: 1000, default: 3 },
        recoveryCleanRequests: { type: 'number', exclusiveMinimum: 0, default: 20 },
        establishedClean: { type: 'number', minimum: 0, default: 3 },
        minAttackShare: { type: 'number', minimum: 0, maximum: 1, default: 0.1 },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validate = ajv.compile(reputationConfigSchema);

function describe(e: ErrorObject): string {
  return `reputation${e.instancePath.replace(/\//g, '.')}: ${e.message ?? 'invalid'}`;
}

/**
 * Validates a `reputation` config object, fills defaults, and checks every CIDR parses, so a typo in
 * a trusted range fails at load instead of silently trusting nobody. Does not mutate its input.
 */
export function resolveReputationConfig(input: unknown = {}): ReputationConfig {
  const copy: unknown = structuredClone(input ?? {});
  if (!validate(copy)) {
    const errors = validate.errors ?? [];
    throw reputationConfigInvalid('reputation', errors.map(describe).join('; '));
  }
  const config = copy as ReputationConfig;
  new CidrList(config.trustedSources, 'reputation.trustedSources', reputationConfigInvalid);
  new CidrList(config.trustedProxies, 'reputation.trustedProxies', reputationConfigInvalid);
  return config;
}

export const reputationDefaults: Readonly<ReputationConfig> = Object.freeze(resolveReputationConfig({}));

/** The key TTL the Redis store sets: configured, or ten half-lives. */
export function redisTtlMs(config: Pick<ReputationConfig, 'redis' | 'halfLifeSeconds'>): number {
  return config.redis.ttlSeconds > 0 ? config.redis.ttlSeconds * 1000 : Math.ceil(config.halfLifeSeconds * 10 * 1000);
}
