import { EventEmitter } from 'node:events';
import { compileRouteMatch, routeMatches, type CompiledMatch } from '../config/route-policy.js';
import type { VerifiedIdentity } from '../inspect/types.js';
import { routingPath } from '../access/routing-path.js';
import type { OnStoreDown, RateLimitCounts, RateLimitsConfig } from './config.js';
import type { Count, CounterStore, LimiterSpec } from './counter-store.js';
import { compileKey, keyPartProblem, type KeyedRequest, type KeyReader } from './rule-key.js';
import { rateLimitConfigInvalid } from './errors.js';
import { rateLimitHeaders } from './headers.js';
import { persistentAbuseOf, refusalTallySpec, type PersistentAbuse } from './persistent-abuse.js';

/** What the limits look at: the request line and headers, the address Warden believes, what access control verified. */
export interface RateLimitRequest {
  method: string;
  /** Request-target in origin form, as sent. */
  url: string;
  rawHeaders: readonly string[];
  ip: string;
  identity: VerifiedIdentity | undefined;
}

export interface CompiledRateLimitRule {
  spec: LimiterSpec;
  counts: RateLimitCounts;
  match: CompiledMatch;
  key: KeyReader;
  headers: boolean;
  /** The rule's refusal tally (persistent abuse, README "Reputation"); null: its refusals teach reputation nothing. */
  refusals: LimiterSpec | null;
  /** Its key reads nothing access control verifies (no apiKey, jwt.sub, clientCert): known before the credential is checked. */
  identityFree: boolean;
}

/** The rule that refused a request and its count. */
export interface RateLimitHit {
  spec: LimiterSpec;
  key: string;
  count: Count;
}

export interface RateLimitOutcome {
  /** The first rule (in config order) over its limit, or whose store was down with `closed`; null: the request goes on. */
  limited: RateLimitHit | null;
  /** Flat [name, value, ...]: for the refusal (every matching rule), or for the forwarded answer (rules with headers on); null when none. */
  headers: string[] | null;
}

/**
 * What other rooms may listen to (the alerts room): `limited` for every refused request, and the
 * shared store going down and coming back. Typed so a listener need not guess the payload.
 */
export interface RateLimitEvent {
  rule: string;
  key: string;
  /** Requests the key made in the window, this one included (0 when `onStoreDown: closed` refused without counting). */
  count: number;
  limit: number;
  windowSeconds: number;
  incidentId: string;
  at: number;
  /** Set when the shared store was down and `onStoreDown` decided. */
  degraded?: OnStoreDown;
}
export interface RateLimitStoreEvent {
  store: string;
  at: number;
  /** `down`: why; `up`: how many checks `onStoreDown` answered during the outage. */
  reason?: string;
  fallbacks?: number;
}
/** A client that kept sending while refused (README, "Reputation"): once per rule, client and window. */
export interface RateLimitPersistentEvent {
  rule: string;
  /** The reputation client key the counted attack was recorded on. */
  client: string;
  refused: number;
  threshold: number;
  windowSeconds: number;
  incidentId: string;
  at: number;
}
interface RateLimitEventMap {
  limited: [RateLimitEvent];
  persistent: [RateLimitPersistentEvent];
  'store-down': [RateLimitStoreEvent];
  'store-up': [RateLimitStoreEvent];
  /** A reload replaced the store: an outage of the old one no longer matters. */
  'store-replaced': [RateLimitStoreEvent];
}
/** One per running Warden; survives reloads (the rules are rebuilt, the listeners stay). */
export class RateLimitEvents extends EventEmitter<RateLimitEventMap> {}

/** Clients remembered as past their refusal threshold (per process); past it the oldest is forgotten. */
const MAX_PAST_THRESHOLD = 10_000;
/** Keys remembered as refused by an identity-free rule (per process); past it the oldest is forgotten. */
const MAX_REFUSED_KEYS = 10_000;
const IDENTITY_PARTS: ReadonlySet<string> = new Set(['apiKey', 'jwt.sub', 'clientCert']);

/** A key an identity-free rule refused: refused again without asking the store until `until`. */
interface RefusedKey {
  until: number;
  /** The store's count at the refusal, plus the refusals answered from here since. */
  consumed: number;
}

/**
 * Sets `key` in a map bounded to `max` entries, each alive until `endOf(value)`: when full, the ended
 * entries go first, then (still full of live ones) the oldest, whose next use costs one more store command.
 */
function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number, endOf: (value: V) => number): void {
  if (map.size >= max) {
    const now = Date.now();
    for (const [k, v] of map) if (endOf(v) <= now) map.delete(k);
    if (map.size >= max) map.delete(map.keys().next().value as string);
  }
  map.set(key, value);
}

/** Checks the semantic rules of `rateLimits` the schema cannot (key parts, unique ids, identities somebody verifies). */
export function compileRateLimitRules(config: RateLimitsConfig, verifies: { apiKey: boolean; jwt: boolean; clientCert?: boolean }): CompiledRateLimitRule[] {
  const seen = new Map<string, number>();
  return config.rules.map((rule, i) => {
    const at = `rateLimits.rules[${i}]`;
    const first = seen.get(rule.id);
    if (first !== undefined) throw rateLimitConfigInvalid(`${at}.id`, `"${rule.id}" is already the id of rateLimits.rules[${first}]`);
    seen.set(rule.id, i);
    const parts = Array.isArray(rule.key) ? rule.key : [rule.key];
    const counts = rule.counts ?? 'requests';
    if (counts === 'websocketMessages' && rule.headers === true) throw rateLimitConfigInvalid(`${at}.headers`, 'a rule counting WebSocket messages has no HTTP answer to carry RateLimit fields');
    const distinct = new Set<string>();
    parts.forEach((part, j) => {
      const path = Array.isArray(rule.key) ? `${at}.key[${j}]` : `${at}.key`;
      const problem = keyPartProblem(part);
      if (problem !== null) throw rateLimitConfigInvalid(path, problem);
      if (distinct.has(part)) throw rateLimitConfigInvalid(path, `"${part}" is listed twice`);
      distinct.add(part);
      if (part === 'apiKey' && !verifies.apiKey) throw rateLimitConfigInvalid(path, '"apiKey" counts keys access control verified, but access.apiKeys is not configured');
      if (part === 'clientCert' && verifies.clientCert !== true) throw rateLimitConfigInvalid(path, '"clientCert" counts verified client certificates, but tls.clientCertificates is not configured');
      if (part === 'jwt.sub' && !verifies.jwt) throw rateLimitConfigInvalid(path, '"jwt.sub" counts subjects of verified JWTs, but access.jwt is not configured');
      if (part === 'connection' && counts !== 'websocketMessages') throw rateLimitConfigInvalid(path, '"connection" counts the messages of one WebSocket connection: only a rule with counts: websocketMessages has one');
    });
    const burstWindowSeconds = rule.burstWindowSeconds ?? rule.windowSeconds * 10;
    if (rule.burst > 0 && burstWindowSeconds < rule.windowSeconds) {
      throw rateLimitConfigInvalid(`${at}.burstWindowSeconds`, `must be at least windowSeconds (${rule.windowSeconds}): a burst allowance that refills faster than the window is a higher limit`);
    }
    const spec: LimiterSpec = { id: rule.id, limit: rule.limit, windowSeconds: rule.windowSeconds, burst: rule.burst, burstWindowSeconds };
    const messages = counts === 'websocketMessages';
    return {
      spec,
      counts,
      match: compileRouteMatch(rule.match, at),
      key: compileKey(rule.key, config.ipv6Prefix),
      headers: !messages && (rule.headers ?? config.headers),
      // A refused message closes its connection; a client reconnecting meets the handshake's own limits.
      refusals: messages ? null : refusalTallySpec(spec, config.reputation, rule.persistentAbuse),
      identityFree: parts.every((p) => !IDENTITY_PARTS.has(p)),
    };
  });
}

/** Every counter compiled rules use, refusal tallies included (what a store keeps across a reload). */
export function counterSpecs(rules: readonly CompiledRateLimitRule[]): LimiterSpec[] {
  return [...rules.map((r) => r.spec), ...rules.flatMap((r) => (r.refusals === null ? [] : [r.refusals]))];
}

/**
 * The rate limits of one config: every rule whose `match` fits a request counts it (all of them, in
 * parallel, so a Redis round trip is paid once per request, not once per rule); the first in config
 * order that is over its limit refuses it. Runs after access control and before the body is read.
 */
export class RateLimits {
  readonly rules: readonly CompiledRateLimitRule[];
  readonly store: CounterStore;
  private readonly anyHeaders: boolean;
  private readonly tallies = new Map<string, LimiterSpec>();
  /** `rule\0client` → end of a tally window already past its threshold: nothing more to learn there until then. */
  private readonly pastThreshold = new Map<string, number>();
  /** `rule\0key` of identity-free rules the store refused, until a request can pass again (`refusedAlready`). */
  private readonly refused = new Map<string, RefusedKey>();

  /** Whether any rule counts WebSocket messages (none: a message costs no count). */
  readonly countsMessages: boolean;

  constructor(rules: readonly CompiledRateLimitRule[], store: CounterStore) {
    this.rules = rules;
    this.countsMessages = rules.some((r) => r.counts === 'websocketMessages');
    this.store = store;
    this.anyHeaders = rules.some((r) => r.headers);
    for (const r of rules) if (r.refusals !== null) this.tallies.set(r.spec.id, r.refusals);
  }

  /** Every counter the rules use (refusal tallies included): what a store keeps across a reload. */
  get specs(): LimiterSpec[] {
    return counterSpecs(this.rules);
  }

  /** Whether a refusal by this rule is tallied against the client (persistent abuse). */
  talliesRefusals(rule: string): boolean {
    return this.tallies.has(rule);
  }

  /**
   * Counts one refusal by `rule` against `client` (the reputation client key: address + fingerprint or
   * verified identity, never the bare address a NAT shares) and says whether this refusal made the
   * client persistent. One store operation per refused request, never awaited by the request.
   */
  async tallyRefusal(rule: string, client: string, at: number): Promise<PersistentAbuse | null> {
    const tally = this.tallies.get(rule);
    if (tally === undefined) return null;
    // A client already past the threshold in this window (seen here, whichever instance reported it)
    // can teach nothing more until the window ends: a flood from one client costs the store
    // threshold + 1 tally commands per window and instance, not one per refusal.
    const memo = `${rule}\u0000${client}`;
    const until = this.pastThreshold.get(memo);
    if (until !== undefined) {
      if (until > Date.now()) return null;
      this.pastThreshold.delete(memo);
    }
    const count = await this.store.tally(tally, client);
    if (count === null) return null;
    if (count.consumed > tally.limit && count.overflow !== true) this.rememberPastThreshold(memo, Date.now() + count.resetMs);
    return persistentAbuseOf(rule, tally, count, at);
  }

  private rememberPastThreshold(memo: string, until: number): void {
    setBounded(this.pastThreshold, memo, until, MAX_PAST_THRESHOLD, (end) => end);
  }

  /**
   * The refusal a request gets without the store and before access control runs: a matching
   * identity-free rule (key of ip, route, global, header parts only) already refused its key and the
   * window has not let a request through since. Whatever credential it carries, `check` would refuse
   * it too, so a flood of distinct forged tokens costs no signature verification past the limit.
   * Sync and free while nothing is refused.
   */
  refusedAlready(req: RateLimitRequest): (RateLimitOutcome & { limited: RateLimitHit }) | null {
    if (this.refused.size === 0) return null;
    const now = Date.now();
    let keyed: KeyedRequest | null = null;
    for (const rule of this.rules) {
      if (!rule.identityFree || rule.counts !== 'requests') continue;
      keyed ??= { method: req.method, path: routingPath(req.url), rawHeaders: req.rawHeaders, ip: req.ip, identity: undefined };
      if (!routeMatches(rule.match, req.method, keyed.path, req.ip)) continue;
      const key = rule.key(keyed);
      const memo = `${rule.spec.id}\u0000${key}`;
      const known = this.refused.get(memo);
      if (known === undefined) continue;
      if (known.until <= now) {
        this.refused.delete(memo);
        continue;
      }
      known.consumed++;
      const count: Count = { limited: true, remaining: 0, resetMs: known.until - now, consumed: known.consumed };
      return { limited: { spec: rule.spec, key, count }, headers: rateLimitHeaders([rule.spec], [count]) };
    }
    return null;
  }

  private rememberRefused(rule: CompiledRateLimitRule, key: string, count: Count): void {
    // A degraded answer (store down) or the shared overflow counter says nothing about this key.
    if (!rule.identityFree || count.degraded !== undefined || count.overflow === true || count.resetMs <= 0) return;
    setBounded(this.refused, `${rule.spec.id}\u0000${key}`, { until: Date.now() + count.resetMs, consumed: count.consumed }, MAX_REFUSED_KEYS, (r) => r.until);
  }

  /**
   * null when no rule matches: nothing was counted and nothing is added to the answer. `counts`: which
   * rules count it (`counting`) — a request (the default), or a message of the WebSocket whose handshake `req` is
   * (`req.connection` its id), counted by the rules whose `match` fits that handshake.
   */
  async check(req: RateLimitRequest & { connection?: string }, counting: RateLimitCounts = 'requests'): Promise<RateLimitOutcome | null> {
    let path: string | null = null;
    let matched: CompiledRateLimitRule[] | null = null;
    for (const rule of this.rules) {
      if (rule.counts !== counting) continue;
      path ??= routingPath(req.url);
      if (routeMatches(rule.match, req.method, path, req.ip)) (matched ??= []).push(rule);
    }
    if (matched === null) return null;
    const keyed: KeyedRequest = { method: req.method, path: path!, rawHeaders: req.rawHeaders, ip: req.ip, identity: req.identity, connection: req.connection };
    const keys = matched.map((r) => r.key(keyed));
    const counts = await Promise.all(matched.map((r, i) => this.store.consume(r.spec, keys[i])));
    let limited: RateLimitHit | null = null;
    for (let i = 0; i < matched.length; i++) {
      if (counts[i].limited) {
        limited = { spec: matched[i].spec, key: keys[i], count: counts[i] };
        this.rememberRefused(matched[i], keys[i], counts[i]);
        break;
      }
    }
    if (limited !== null) return { limited, headers: rateLimitHeaders(matched.map((r) => r.spec), counts) };
    if (!this.anyHeaders) return { limited: null, headers: null };
    const specs: LimiterSpec[] = [];
    const shown: Count[] = [];
    for (let i = 0; i < matched.length; i++) {
      if (!matched[i].headers) continue;
      specs.push(matched[i].spec);
      shown.push(counts[i]);
    }
    return { limited: null, headers: specs.length > 0 ? rateLimitHeaders(specs, shown) : null };
  }
}
