import type { StoreLog } from '../reputation/store-log.js';
import { rateLimitStoreUnavailable } from './errors.js';

export interface OutageHooks {
  onDown?(reason: string): void;
  onUp?(fallbacks: number): void;
}

/**
 * The reputation store's outage pattern (src/reputation/redis-store.ts): exactly one error line when
 * a shared store goes down, one info line when it answers again (with how many checks `onStoreDown`
 * answered meanwhile), and a skip window after a failure so no request waits on a hung server.
 */
export class StoreOutage {
  private healthy = true;
  private skipUntil = 0;
  private fallbacksThisOutage = 0;
  outages = 0;

  constructor(
    private readonly store: string,
    private readonly policy: string,
    private readonly retryAfterMs: number,
    private readonly log: StoreLog,
    private readonly hooks: OutageHooks = {},
  ) {}

  /** Whether to try the store now (false during the skip window after a failure). */
  get trying(): boolean {
    return Date.now() >= this.skipUntil;
  }

  get up(): boolean {
    return this.healthy;
  }

  down(reason: string): void {
    this.skipUntil = Date.now() + this.retryAfterMs;
    if (!this.healthy) return;
    this.healthy = false;
    this.outages++;
    this.fallbacksThisOutage = 0;
    const err = rateLimitStoreUnavailable(this.store, this.policy, reason);
    this.log.error({ event: 'ratelimit-store-down', code: err.code, store: this.store, onStoreDown: this.policy }, err.message);
    this.hooks.onDown?.(reason);
  }

  fellBack(): void {
    this.fallbacksThisOutage++;
  }

  recovered(): void {
    this.skipUntil = 0;
    if (this.healthy) return;
    this.healthy = true;
    this.log.info(
      { event: 'ratelimit-store-up', store: this.store, fallbacks: this.fallbacksThisOutage },
      `rate-limit store (${this.store}) reachable again; shared counters restored`,
    );
    this.hooks.onUp?.(this.fallbacksThisOutage);
  }
}
