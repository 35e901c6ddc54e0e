import type { Reputation, ReputationEvent, ReputationStore } from './types.js';
import { applyEvent, reputationOf, type HistoryParams, type SourceHistory } from './history.js';

export interface MemoryStoreOptions extends HistoryParams {
  maxEntries: number;
  /** Whether a key belongs to a configured trusted source. */
  isTrusted?: (key: string) => boolean;
}

const never = (): boolean => false;

/**
 * Per-process reputation: a Map used as an LRU (insertion order = recency; a touched key is
 * re-inserted at the end, the first key is evicted), so memory is bounded even when a scanner
 * sprays addresses. Lookups never insert: only recorded outcomes take a slot.
 */
export class MemoryReputationStore implements ReputationStore {
  private readonly entries = new Map<string, SourceHistory>();
  private readonly options: MemoryStoreOptions;
  private readonly isTrusted: (key: string) => boolean;
  evictions = 0;

  constructor(options: MemoryStoreOptions) {
    this.options = options;
    this.isTrusted = options.isTrusted ?? never;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Synchronous core of `get`, for the Redis store's fallback path. */
  lookup(key: string, now: number): Reputation {
    return reputationOf(key, this.entries.get(key), now, this.options, this.isTrusted(key));
  }

  /** Synchronous core of `record`. */
  remember(event: ReputationEvent): void {
    const previous = this.entries.get(event.key);
    if (previous !== undefined) this.entries.delete(event.key);
    this.entries.set(event.key, applyEvent(previous, event, this.options.halfLifeMs));
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) {
        this.entries.delete(oldest.value);
        this.evictions++;
      }
    }
  }

  get(key: string, now: number): Promise<Reputation> {
    return Promise.resolve(this.lookup(key, now));
  }

  record(event: ReputationEvent): Promise<void> {
    this.remember(event);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
