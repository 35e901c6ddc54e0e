import { secretSource, type SecretSource } from '../access/config.js';

export type SessionAction = 'strip' | 'block' | 'detect';

export interface SessionsRedisConfig {
  /** null: `reputation.redis.url`. */
  url: string | null;
  keyPrefix: string;
  /** Budget of one lookup or record; past it the request passes untouched (fail-open). */
  timeoutMs: number;
  /** After Redis is found down, it is not tried again for this long (then one probe). */
  retryAfterMs: number;
}

/** `sessions` (src/sessions/): which cookies carry a session id, and what happens to one the upstream never issued. */
export interface SessionsConfig {
  /** Cookie names (case-insensitive; a trailing `*` matches a prefix) whose values are session ids the upstream issues. */
  cookies: string[];
  action: SessionAction;
  /** How long an issued id stays known after it was issued or last presented (longer when its Set-Cookie says so). */
  ttlSeconds: number;
  /** Since the registry began recording: unknown ids pass this long (sessions issued before Warden watched). */
  warmupSeconds: number;
  store: 'memory' | 'redis';
  redis: SessionsRedisConfig;
  /** Key of the digest that stands for an id in the store; required with Redis (every instance must hash alike). */
  hashKey: SecretSource | null;
  /** Memory store: ids kept (least recently used go first). */
  maxEntries: number;
  /** `--workers N` with the memory store: how long a worker waits for the primary's answer before passing the request. */
  primaryTimeoutMs: number;
}

/**
 * Session cookies of common frameworks whose value is an id the server issues once per session
 * (Java servlet containers, PHP, ASP.NET and classic ASP, Express/Connect, Sails, Koa, Django, Rails'
 * database store, Rack, CodeIgniter, Spring Session, Beaker, ColdFusion). Left out on purpose:
 * cookies re-issued with a new value on every response (Laravel's encrypted `laravel_session`), which
 * would record one entry per response, and broad prefixes (Drupal's `SESS*`) that would take in
 * cookies a page's own script sets; add them to `cookies` where they apply.
 */
export const DEFAULT_SESSION_COOKIES: readonly string[] = Object.freeze([
  'JSESSIONID',
  'PHPSESSID',
  'ASP.NET_SessionId',
  'ASPSESSIONID*',
  'connect.sid',
  'sails.sid',
  'koa.sid',
  'sessionid',
  '_session_id',
  'rack.session',
  'ci_session',
  'SESSION',
  'beaker.session.id',
  'CFID',
  'CFTOKEN',
]);

/** RFC 6265 cookie-name token characters; one trailing `*` makes a prefix. */
export const COOKIE_NAME_PATTERN = "^[!#$%&'+\\-.^_`|~0-9A-Za-z]+\\*?$";

/** JSON Schema of `sessions` (ajv, `useDefaults`): null (the default) leaves the guard off. */
export const sessionsConfigSchema = {
  // One schema for null and the object (not anyOf): ajv fills the defaults of an object's keys only outside anyOf.
  type: ['object', 'null'],
  default: null,
  additionalProperties: false,
  properties: {
    cookies: { type: 'array', minItems: 1, maxItems: 256, items: { type: 'string', pattern: COOKIE_NAME_PATTERN }, default: [...DEFAULT_SESSION_COOKIES] },
    action: { enum: ['strip', 'block', 'detect'], default: 'strip' },
    // At most 400 days, the longest a browser keeps a cookie (RFC 6265bis).
    ttlSeconds: { type: 'integer', minimum: 60, maximum: 34560000, default: 1209600 },
    warmupSeconds: { type: 'integer', minimum: 0, maximum: 34560000, default: 86400 },
    store: { enum: ['memory', 'redis'], default: 'memory' },
    redis: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        url: { type: ['string', 'null'], pattern: '^rediss?://', default: null },
        keyPrefix: { type: 'string', default: 'warden:sess:' },
        timeoutMs: { type: 'integer', minimum: 1, maximum: 10000, default: 50 },
        retryAfterMs: { type: 'integer', minimum: 0, maximum: 600000, default: 1000 },
      },
    },
    hashKey: { default: null, anyOf: [{ type: 'null' }, secretSource] },
    maxEntries: { type: 'integer', minimum: 1, maximum: 100000000, default: 500000 },
    primaryTimeoutMs: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
  },
} as const;

/** What the JSON Schema cannot say: the cross-key rules of `sessions`, each as `path: problem`. */
export function sessionsConfigProblems(sessions: SessionsConfig | null): string[] {
  if (sessions === null) return [];
  const problems: string[] = [];
  if (sessions.store === 'redis' && sessions.hashKey === null) {
    problems.push('sessions.hashKey: required with store: redis ({ file } or { env }): every instance must hash session ids with the same key');
  }
  const seen = new Map<string, number>();
  sessions.cookies.forEach((name, i) => {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push(`sessions.cookies[${i}]: "${name}" repeats sessions.cookies[${first}] (names are case-insensitive)`);
    else seen.set(key, i);
  });
  return problems;
}
