import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { OnStoreDown } from './config.js';

/** One rule's counting parameters; plain data, so a cluster worker can send it to the primary. */
export interface LimiterSpec {
  id: string;
  limit: number;
  windowSeconds: number;
  burst: number;
  burstWindowSeconds: number;
}

/** One rule's count for one key after this request. */
export interface Count {
  limited: boolean;
  /** Requests left in the window (0 while the key lives on its burst). */
  remaining: number;
  /** Until the key's window ends (when limited: until a request can pass again). */
  resetMs: number;
  /** Requests the key made in this window, this one included. */
  consumed: number;
  /** Set when the shared store did not answer and `onStoreDown` did. */
  degraded?: OnStoreDown;
}

/** Where counts live: this process, the cluster primary, or Redis. Never throws for a store that is down. */
export interface CounterStore {
  readonly kind: 'memory' | 'cluster' | 'redis';
  consume(spec: LimiterSpec, key: string): Promise<Count>;
  /** Drops the counters of rules no longer configured (after a reload). */
  retain(specs: readonly LimiterSpec[]): void;
  close(): Promise<void>;
}

/** The minimal face of a limiter both `RateLimiterAbstract` and `BurstyRateLimiter` have. */
export interface Limiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
}

export function specSignature(spec: LimiterSpec): string {
  return `${spec.id}|${spec.limit}|${spec.windowSeconds}|${spec.burst}|${spec.burstWindowSeconds}`;
}

/**
 * A rule's limiter: rate-limiter-flexible's fixed window of `limit` points per `windowSeconds`, and
 * with `burst` its BurstyRateLimiter over a second limiter of `burst` points per `burstWindowSeconds`
 * that is drawn on only once the first refuses (README, "Window semantics").
 */
export function buildLimiter(spec: LimiterSpec, make: (points: number, duration: number, suffix: string) => RateLimiterAbstract): Limiter {
  const main = make(spec.limit, spec.windowSeconds, '');
  if (spec.burst <= 0) return main;
  return new BurstyRateLimiter(main, make(spec.burst, spec.burstWindowSeconds, ':burst'));
}

/** Runs the library's consume and turns its resolve/reject protocol into a Count; a store error is rethrown. */
export async function countWith(limiter: Limiter, key: string): Promise<Count> {
  try {
    const res = await limiter.consume(key, 1);
    return { limited: false, remaining: res.remainingPoints, resetMs: res.msBeforeNext, consumed: res.consumedPoints };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { limited: true, remaining: 0, resetMs: err.msBeforeNext, consumed: err.consumedPoints };
    throw err;
  }
}

/**
 * Counts in this process (RateLimiterMemory). One limiter per distinct rule spec, kept across
 * reloads: a reload keeps the counts of every rule it does not change.
 */
export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory' as const;
  private readonly limiters = new Map<string, Limiter>();

  limiterFor(spec: LimiterSpec): Limiter {
    const sig = specSignature(spec);
    let limiter = this.limiters.get(sig);
    if (limiter === undefined) {
      limiter = buildLimiter(spec, (points, duration, suffix) => new RateLimiterMemory({ points, duration, keyPrefix: `${spec.id}${suffix}` }));
      this.limiters.set(sig, limiter);
    }
    return limiter;
  }

  consume(spec: LimiterSpec, key: string): Promise<Count> {
    return countWith(this.limiterFor(spec), key);
  }

  /** Drops the limiters of rules no longer configured (their counts go with them). */
  retain(specs: readonly LimiterSpec[]): void {
    const keep = new Set(specs.map(specSignature));
    for (const sig of this.limiters.keys()) if (!keep.has(sig)) this.limiters.delete(sig);
  }

  async close(): Promise<void> {
    this.limiters.clear();
  }
}

/** What `onStoreDown` answers for one rule while the shared store is unreachable. */
export function countWhenDown(policy: OnStoreDown, spec: LimiterSpec, key: string, local: MemoryCounterStore, retryAfterMs: number): Promise<Count> {
  if (policy === 'local') return local.consume(spec, key).then((c) => ({ ...c, degraded: 'local' as const }));
  if (policy === 'open') return Promise.resolve({ limited: false, remaining: spec.limit, resetMs: 0, consumed: 0, degraded: 'open' as const });
  return Promise.resolve({ limited: true, remaining: 0, resetMs: Math.max(1000, retryAfterMs), consumed: 0, degraded: 'closed' as const });
}
