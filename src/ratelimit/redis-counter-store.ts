import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { StoreLog } from '../reputation/store-log.js';
import type { OnStoreDown } from './config.js';
import { buildLimiter, countWhenDown, countWith, MemoryCounterStore, specSignature, type Count, type CounterStore, type Limiter, type LimiterSpec } from './counter-store.js';
import { rateLimitStoreOutage, type OutageHooks } from './store-outage.js';
import type { StoreOutage } from '../net/store-outage.js';
import { settleWithin, TIMED_OUT } from '../reputation/settle-within.js';
import { redisReady } from '../net/redis-ready.js';

export interface RedisCounterOptions {
  url: string;
  keyPrefix: string;
  timeoutMs: number;
  retryAfterMs: number;
  onStoreDown: OnStoreDown;
  log: StoreLog;
  hooks?: OutageHooks;
  /** Every check `onStoreDown` answered (wire a counter here). */
  onFallback?(policy: OnStoreDown): void;
  /** ioredis auto-pipelining (default on). */
  autoPipelining?: boolean;
  /** Bound of the local counters `onStoreDown: local` uses. */
  maxKeysPerRule?: number;
}

/**
 * Counts shared by every instance through Redis: RateLimiterRedis, whose Lua script increments and
 * sets the window's expiry in one atomic step, so concurrent instances never lose a count.
 * Redis down is a state, not an error: the ioredis client fails commands at once while it is not
 * connected (no offline queue); a count that has no answer within `timeoutMs` — measured with the
 * reputation store's `settleWithin`, so a busy event loop is not taken for a slow Redis — is answered
 * by `onStoreDown` (`local`: this process's own counters; `open`; `closed`). A run of such failures
 * (or a closed connection) is an outage: one line, Redis skipped for `retryAfterMs`, then a probe
 * whose success (or the reconnect) ends it with a second line (src/ratelimit/store-outage.ts).
 * rate-limiter-flexible's own `insuranceLimiter` would cover `local` only, and silently: Warden
 * needs to know each fallback to log it, count it and answer `open`/`closed`.
 */
export class RedisCounterStore implements CounterStore {
  readonly kind = 'redis' as const;
  readonly local: MemoryCounterStore;
  readonly outage: StoreOutage;
  private readonly redis: Redis;
  private readonly limiters = new Map<string, Limiter>();
  private closed = false;

  constructor(private readonly options: RedisCounterOptions) {
    this.local = new MemoryCounterStore(options.maxKeysPerRule);
    this.outage = rateLimitStoreOutage('redis', options.onStoreDown, options.timeoutMs, options.retryAfterMs, options.log, options.hooks);
    this.redis = new Redis(options.url, {
      // A count's own budget is `timeoutMs` (settleWithin); this one bounds what a hung server holds queued.
      commandTimeout: Math.max(1_000, options.timeoutMs * 10),
      connectTimeout: Math.max(200, options.timeoutMs * 20),
      enableOfflineQueue: false,
      // The ready check is itself a command and would be cut by a short command timeout.
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2000)),
      // The counts of one request's rules are issued in the same tick: one write, one round trip.
      enableAutoPipelining: options.autoPipelining ?? true,
    });
    this.redis.on('ready', () => this.outage.succeeded(true));
    this.redis.on('error', (err: Error) => this.outage.down(err.message));
    this.redis.on('close', () => {
      if (!this.closed) this.outage.down('connection closed');
    });
  }

  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  whenReady(): Promise<boolean> {
    return redisReady(this.redis);
  }

  private limiterFor(spec: LimiterSpec): Limiter {
    const sig = specSignature(spec);
    let limiter = this.limiters.get(sig);
    if (limiter === undefined) {
      limiter = buildLimiter(
        spec,
        (points, duration, suffix) =>
          new RateLimiterRedis({ storeClient: this.redis, points, duration, keyPrefix: `${this.options.keyPrefix}${spec.id}${suffix}`, rejectIfRedisNotReady: true }),
      );
      this.limiters.set(sig, limiter);
    }
    return limiter;
  }

  async consume(spec: LimiterSpec, key: string): Promise<Count> {
    const route = this.outage.route(this.redis.status === 'ready');
    if (route === 'local') return this.whenDown(spec, key);
    try {
      const count = await settleWithin(countWith(this.limiterFor(spec), key), this.options.timeoutMs);
      if (count !== TIMED_OUT) {
        this.outage.succeeded(route === 'probe');
        return count;
      }
      this.outage.failed(`no answer within ${this.options.timeoutMs} ms`);
    } catch (err) {
      this.outage.failed(err instanceof Error ? err.message : String(err));
    }
    return this.whenDown(spec, key);
  }

  async tally(spec: LimiterSpec, key: string): Promise<Count | null> {
    if (!this.outage.up || this.redis.status !== 'ready') return null;
    try {
      const count = await settleWithin(countWith(this.limiterFor(spec), key), this.options.timeoutMs);
      return count === TIMED_OUT ? null : count;
    } catch {
      return null;
    }
  }

  private whenDown(spec: LimiterSpec, key: string): Promise<Count> {
    this.outage.fellBack();
    this.options.onFallback?.(this.options.onStoreDown);
    return countWhenDown(this.options.onStoreDown, spec, key, this.local, this.options.retryAfterMs);
  }

  retain(specs: readonly LimiterSpec[]): void {
    const keep = new Set(specs.map(specSignature));
    for (const sig of this.limiters.keys()) if (!keep.has(sig)) this.limiters.delete(sig);
    this.local.retain(specs);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
    await this.local.close();
  }
}
