import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { StoreLog } from '../reputation/store-log.js';
import type { OnStoreDown } from './config.js';
import { buildLimiter, countWhenDown, countWith, MemoryCounterStore, specSignature, type Count, type CounterStore, type Limiter, type LimiterSpec } from './counter-store.js';
import { StoreOutage, type OutageHooks } from './store-outage.js';

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
}

/**
 * Counts shared by every instance through Redis: RateLimiterRedis, whose Lua script increments and
 * sets the window's expiry in one atomic step, so concurrent instances never lose a count.
 * Redis down is a state, not an error: the ioredis client fails commands at once while it is not
 * connected (no offline queue) and after `timeoutMs` when the server hangs; the check is then answered
 * by `onStoreDown` (`local`: this process's own counters; `open`; `closed`), one line is logged per
 * outage, and the next command after `retryAfterMs` (or the reconnect) ends it.
 * rate-limiter-flexible's own `insuranceLimiter` would cover `local` only, and silently: Warden
 * needs to know each fallback to log it, count it and answer `open`/`closed`.
 */
export class RedisCounterStore implements CounterStore {
  readonly kind = 'redis' as const;
  readonly local = new MemoryCounterStore();
  readonly outage: StoreOutage;
  private readonly redis: Redis;
  private readonly limiters = new Map<string, Limiter>();
  private closed = false;

  constructor(private readonly options: RedisCounterOptions) {
    this.outage = new StoreOutage('redis', options.onStoreDown, options.retryAfterMs, options.log, options.hooks);
    this.redis = new Redis(options.url, {
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(200, options.timeoutMs * 20),
      enableOfflineQueue: false,
      // The ready check is itself a command and would be cut by a short command timeout.
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2000)),
      // The counts of one request's rules are issued in the same tick: one write, one round trip.
      enableAutoPipelining: options.autoPipelining ?? true,
    });
    this.redis.on('ready', () => this.outage.recovered());
    this.redis.on('error', (err: Error) => this.outage.down(err.message));
    this.redis.on('close', () => {
      if (!this.closed) this.outage.down('connection closed');
    });
  }

  get connected(): boolean {
    return this.redis.status === 'ready';
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
    if (this.redis.status !== 'ready' || !this.outage.trying) return this.whenDown(spec, key);
    try {
      const count = await countWith(this.limiterFor(spec), key);
      this.outage.recovered();
      return count;
    } catch (err) {
      this.outage.down(err instanceof Error ? err.message : String(err));
      return this.whenDown(spec, key);
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
