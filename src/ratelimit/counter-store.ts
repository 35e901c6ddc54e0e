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
  /** Set when the key was counted under the rule's shared `~overflow` counter (memory bound reached). */
  overflow?: true;
}

/** Where counts live: this process, the cluster primary, or Redis. Never throws for a store that is down. */
export interface CounterStore {
  readonly kind: 'memory' | 'cluster' | 'redis';
  consume(spec: LimiterSpec, key: string): Promise<Count>;
  /**
   * Counts like `consume` for a refusal tally (persistent-abuse.ts), which is not a check: null while
   * the shared store is down or slow (no `onStoreDown` answer, no fallback counted, no outage detection fed).
   */
  tally(spec: LimiterSpec, key: string): Promise<Count | null>;
  /**
   * Resolves once a store with a connection to make (Redis) can count, false when it cannot within its
   * connect timeout; until then every check is answered by `onStoreDown`. Absent: always ready.
   */
  whenReady?(): Promise<boolean>;
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

/** Where the keys beyond `maxKeysPerRule` of one rule are counted, together. */
export const OVERFLOW_KEY = '~overflow';
export const DEFAULT_MAX_KEYS_PER_RULE = 100_000;

interface MemoryLimiter {
  limiter: Limiter;
  /** The main limiter's live keys (rate-limiter-flexible's MemoryStorage map); null if the library's layout changed. */
  live: Map<string, unknown> | null;
  prefix: string;
}

function liveKeysOf(limiter: RateLimiterMemory): Map<string, unknown> | null {
  // rate-limiter-flexible 11 keeps one record (and one timer) per key in `_memoryStorage._storage` and
  // offers no bound of its own; read-only use, checked, so a layout change only turns the bound off.
  const storage = (limiter as unknown as { _memoryStorage?: { _storage?: unknown } })._memoryStorage?._storage;
  return storage instanceof Map ? storage : null;
}

/**
 * Counts in this process (RateLimiterMemory). One limiter per distinct rule spec, kept across
 * reloads: a reload keeps the counts of every rule it does not change. Bounded: once a rule holds
 * `maxKeysPerRule` live keys (each lives for its window), a key it has not seen is counted under
 * the rule's one `~overflow` key, so a flood of new keys (a client-chosen `header:` value, many
 * addresses) shares one limit instead of growing memory without end; keys already counted go on as before.
 */
export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory' as const;
  private readonly limiters = new Map<string, MemoryLimiter>();

  constructor(private readonly maxKeysPerRule = DEFAULT_MAX_KEYS_PER_RULE) {}

  private entryFor(spec: LimiterSpec): MemoryLimiter {
    const sig = specSignature(spec);
    let entry = this.limiters.get(sig);
    if (entry === undefined) {
      let main: RateLimiterMemory | null = null;
      const limiter = buildLimiter(spec, (points, duration, suffix) => {
        const made = new RateLimiterMemory({ points, duration, keyPrefix: `${spec.id}${suffix}` });
        main ??= made;
        return made;
      });
      entry = { limiter, live: main === null ? null : liveKeysOf(main), prefix: `${spec.id}:` };
      this.limiters.set(sig, entry);
    }
    return entry;
  }

  consume(spec: LimiterSpec, key: string): Promise<Count> {
    const entry = this.entryFor(spec);
    const live = entry.live;
    const counted = live !== null && live.size >= this.maxKeysPerRule && !live.has(entry.prefix + key) ? OVERFLOW_KEY : key;
    if (counted === key) return countWith(entry.limiter, key);
    return countWith(entry.limiter, counted).then((c) => ({ ...c, overflow: true as const }));
  }

  tally(spec: LimiterSpec, key: string): Promise<Count | null> {
    return this.consume(spec, key);
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
