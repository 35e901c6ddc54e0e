import type { WardenConfig } from '../config/types.js';
import type { StoreLog } from '../reputation/store-log.js';
import type { OnStoreDown } from './config.js';
import { MemoryCounterStore, type CounterStore, type LimiterSpec } from './counter-store.js';
import { RedisCounterStore } from './redis-counter-store.js';
import { ClusterCounterStore, clusterChannelForCounts } from './cluster-counter-store.js';
import { compileRateLimitRules, counterSpecs, RateLimits, RateLimitEvents } from './rate-limits.js';
import type { OutageHooks } from './store-outage.js';

export interface RateLimitServiceDeps {
  log: StoreLog;
  events: RateLimitEvents;
  /** Every check `onStoreDown` answered. */
  onFallback?(policy: OnStoreDown): void;
}

/** Which identities somebody verifies in this config (what `apiKey`, `jwt.sub`, `clientCert` keys need). */
export function verifiedIdentities(config: WardenConfig): { apiKey: boolean; jwt: boolean; clientCert: boolean } {
  return { apiKey: config.access.apiKeys !== null, jwt: config.access.jwt !== null, clientCert: (config.tls?.clientCertificates ?? null) !== null };
}

/** The store settings a reload must not change under a live store (a change builds a new store). */
function storeSettings(config: WardenConfig): string {
  const r = config.rateLimits;
  if (r.store === 'memory') return JSON.stringify(['memory', r.onStoreDown, r.primaryTimeoutMs, r.maxKeysPerRule]);
  return JSON.stringify(['redis', r.redis.url ?? config.reputation.redis.url, r.redis.keyPrefix, r.redis.timeoutMs, r.redis.retryAfterMs, r.onStoreDown, r.maxKeysPerRule]);
}

/** A config's rules compiled against its store, ready to swap in. */
export interface PreparedRateLimits {
  limits: RateLimits | null;
  store: CounterStore | null;
  settings: string;
  /** The store was built for this config (not the one in force): it connects before it takes over. */
  fresh: boolean;
}

/**
 * The counters a config's rules count on in the cluster primary's memory store (none with Redis): the
 * primary keeps exactly these across a reload, as a single process's store does (`apply` → `retain`).
 */
export function primaryCounterSpecs(config: WardenConfig): LimiterSpec[] {
  if (config.rateLimits.store !== 'memory') return [];
  return counterSpecs(compileRateLimitRules(config.rateLimits, verifiedIdentities(config)));
}

/**
 * Owns the counter store and the compiled rules across reloads. `prepare` builds everything a config
 * needs (and throws WARDEN_RATELIMIT_CONFIG_INVALID before anything changes); `apply` swaps it in.
 * A reload that leaves the store settings alone keeps the store, so unchanged rules keep their counts.
 */
export class RateLimitService {
  private limits: RateLimits | null = null;
  private store: CounterStore | null = null;
  private settings = '';

  constructor(private readonly deps: RateLimitServiceDeps) {}

  current(): RateLimits | null {
    return this.limits;
  }

  prepare(config: WardenConfig): PreparedRateLimits {
    const rules = compileRateLimitRules(config.rateLimits, verifiedIdentities(config));
    if (rules.length === 0) return { limits: null, store: null, settings: '', fresh: false };
    const settings = storeSettings(config);
    const kept = this.store !== null && settings === this.settings ? this.store : null;
    const store = kept ?? this.createStore(config);
    return { limits: new RateLimits(rules, store), store, settings, fresh: kept === null };
  }

  apply(next: PreparedRateLimits): void {
    const previous = this.store;
    this.limits = next.limits;
    this.store = next.store;
    this.settings = next.settings;
    // Requests in flight may still count on the old store; a Redis client closes gracefully (QUIT).
    if (previous !== null && previous !== next.store) {
      void previous.close();
      // An outage of the store that is gone is over for whoever listens (the alerts' store-down state).
      this.deps.events.emit('store-replaced', { store: previous.kind, at: Date.now() });
    }
    if (next.limits !== null && next.store !== null) next.store.retain(next.limits.specs);
  }

  /** Resolves once the current store can count (see CounterStore.whenReady). */
  whenReady(): Promise<boolean> {
    return this.store?.whenReady?.() ?? Promise.resolve(true);
  }

  async close(): Promise<void> {
    await this.store?.close();
    this.store = null;
    this.limits = null;
  }

  private createStore(config: WardenConfig): CounterStore {
    const r = config.rateLimits;
    // The store that went down: Redis, or (memory with workers) the cluster primary that counts for them.
    const store = r.store === 'redis' ? 'redis' : 'cluster primary';
    const hooks: OutageHooks = {
      onDown: (reason) => this.deps.events.emit('store-down', { store, at: Date.now(), reason }),
      onUp: (fallbacks) => this.deps.events.emit('store-up', { store, at: Date.now(), fallbacks }),
    };
    if (r.store === 'redis') {
      return new RedisCounterStore({
        url: r.redis.url ?? config.reputation.redis.url,
        keyPrefix: r.redis.keyPrefix,
        timeoutMs: r.redis.timeoutMs,
        retryAfterMs: r.redis.retryAfterMs,
        onStoreDown: r.onStoreDown,
        log: this.deps.log,
        hooks,
        onFallback: this.deps.onFallback,
        maxKeysPerRule: r.maxKeysPerRule,
      });
    }
    const channel = clusterChannelForCounts(r.store);
    if (channel !== null) {
      return new ClusterCounterStore(channel, { onStoreDown: r.onStoreDown, log: this.deps.log, hooks, onFallback: this.deps.onFallback, timeoutMs: r.primaryTimeoutMs, maxKeysPerRule: r.maxKeysPerRule });
    }
    return new MemoryCounterStore(r.maxKeysPerRule);
  }
}
