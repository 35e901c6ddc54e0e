/** An issued id to remember: its digest and how long (ms) from now. */
export interface IssuedRecord {
  digest: string;
  ttlMs: number;
}

/**
 * The registry's answer for a request's session ids: which were issued (in the order asked), and
 * whether the warm-up is over. Null: the state is unknown (the store did not answer, or records of
 * this process are still waiting for it), and nothing may be stripped on an unknown state.
 */
export type LookupAnswer = { issued: boolean[]; warm: boolean } | null;

/**
 * Where the digests of issued session ids live: this process's memory, the cluster primary's (for
 * `--workers N`), or Redis (shared by instances). A lookup of a known id extends its life to the
 * configured TTL (sessions in use stay known however long they last); it never shortens one.
 */
export interface SessionRegistry {
  readonly kind: 'memory' | 'cluster' | 'redis';
  lookup(digests: readonly string[], now: number): Promise<LookupAnswer>;
  /** Resolves when the records are stored, or kept to be stored when the store answers again. */
  record(records: readonly IssuedRecord[], now: number): Promise<void>;
  /** Forgets ids the application ended (a logout deleted their cookie); best effort: an id a store did not forget stays known until its TTL. */
  forget(digests: readonly string[]): Promise<void>;
  /** Resolves once a store with a connection to make (Redis) answers, false when it cannot within its connect timeout (src/net/redis-ready.ts). Absent: always ready. */
  whenReady?(): Promise<boolean>;
  close(): Promise<void>;
}

/** A known id's expiry is pushed back when it has lost more than 1/REFRESH_DIVISOR of the TTL (Redis alike). */
export const REFRESH_DIVISOR = 16;

export interface MemoryRegistryOptions {
  ttlMs: number;
  warmupMs: number;
  maxEntries: number;
  /** When the registry began recording (default: when it was built). */
  startedAt: number;
}

/**
 * Issued ids in one process: a Map of digest → expiry used as an LRU (a touched id moves to the end,
 * the first is evicted past `maxEntries`), expiry checked when looked up. The warm-up runs from
 * `startedAt`; `restartWarmup` starts it again when records may have been lost (a worker that could
 * not reach the primary that holds this registry).
 */
export class MemorySessionRegistry implements SessionRegistry {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, number>();
  private startedAt: number;
  evictions = 0;

  constructor(private readonly options: MemoryRegistryOptions) {
    this.startedAt = options.startedAt;
  }

  get size(): number {
    return this.entries.size;
  }

  restartWarmup(now: number): void {
    this.startedAt = now;
  }

  /** Synchronous core of `lookup`. */
  answer(digests: readonly string[], now: number): { issued: boolean[]; warm: boolean } {
    const issued: boolean[] = [];
    for (const digest of digests) {
      const expires = this.entries.get(digest);
      if (expires === undefined || expires <= now) {
        if (expires !== undefined) this.entries.delete(digest);
        issued.push(false);
        continue;
      }
      // Extended (and moved to the LRU's end) only once it has lost a sixteenth of its TTL: an id in use
      // on every request would otherwise rewrite the map on each, for an expiry that barely moves.
      if (expires < now + this.options.ttlMs - this.options.ttlMs / REFRESH_DIVISOR) {
        this.entries.delete(digest);
        this.entries.set(digest, now + this.options.ttlMs);
      }
      issued.push(true);
    }
    return { issued, warm: now - this.startedAt >= this.options.warmupMs };
  }

  /** Synchronous core of `record`. */
  remember(records: readonly IssuedRecord[], now: number): void {
    for (const { digest, ttlMs } of records) {
      const previous = this.entries.get(digest);
      // Re-issued (a framework that re-sends the cookie with each answer) while still fresh: left as it is.
      if (previous !== undefined && previous >= now + ttlMs - ttlMs / REFRESH_DIVISOR) continue;
      if (previous !== undefined) this.entries.delete(digest);
      this.entries.set(digest, Math.max(previous ?? 0, now + ttlMs));
      if (this.entries.size > this.options.maxEntries) {
        const oldest = this.entries.keys().next();
        if (oldest.done !== true) {
          this.entries.delete(oldest.value);
          this.evictions++;
        }
      }
    }
  }

  lookup(digests: readonly string[], now: number): Promise<LookupAnswer> {
    return Promise.resolve(this.answer(digests, now));
  }

  /** Synchronous core of `forget`. */
  drop(digests: readonly string[]): void {
    for (const digest of digests) this.entries.delete(digest);
  }

  forget(digests: readonly string[]): Promise<void> {
    this.drop(digests);
    return Promise.resolve();
  }

  record(records: readonly IssuedRecord[], now: number): Promise<void> {
    this.remember(records, now);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}

/** Records a shared store has not confirmed yet; bounded, written when it answers again. */
export const PENDING_RECORDS_MAX = 10_000;

/**
 * Issued ids this process could not hand to the shared store (Redis, the cluster primary). They are
 * written first when the store answers again, before any lookup, so this process never strips an id
 * it saw issued; until then its lookups are answered "unknown". Past `PENDING_RECORDS_MAX` some are
 * lost, and the shared warm-up starts again with the next write (`overflowed`), so no id issued
 * meanwhile is stripped.
 */
export class PendingRecords {
  private readonly waiting = new Map<string, number>();
  overflowed = false;

  get size(): number {
    return this.waiting.size;
  }

  add(records: readonly IssuedRecord[], now: number): void {
    for (const r of records) {
      if (this.waiting.size >= PENDING_RECORDS_MAX && !this.waiting.has(r.digest)) {
        this.overflowed = true;
        continue;
      }
      this.waiting.set(r.digest, Math.max(this.waiting.get(r.digest) ?? 0, now + r.ttlMs));
    }
  }

  /** What is waiting, as records from `now` (expired ones dropped). */
  take(now: number): IssuedRecord[] {
    const out: IssuedRecord[] = [];
    for (const [digest, expires] of this.waiting) if (expires > now) out.push({ digest, ttlMs: expires - now });
    return out;
  }

  /** Digests that must not be written after all (their session ended before the store took them). */
  remove(digests: readonly string[]): void {
    for (const d of digests) this.waiting.delete(d);
  }

  /** The records of `take` reached the store (and the warm-up was restarted if it had to be). */
  written(records: readonly IssuedRecord[]): void {
    for (const r of records) this.waiting.delete(r.digest);
    this.overflowed = false;
  }
}
