import type { StoreLog } from '../reputation/store-log.js';
import { rateLimitStoreUnavailable } from './errors.js';

export interface OutageHooks {
  onDown?(reason: string): void;
  onUp?(fallbacks: number): void;
}

/**
 * A shared store that is still connected is "down" only after a run of failed counts (timeouts,
 * errors) with no answer in between: at least `FAILURES_TO_TRIP` of them over at least
 * `TRIP_AFTER_BUDGETS` budgets. One stall (a fork, a scheduler hiccup on a loaded host) costs the
 * checks in flight their shared count, not a second of everyone's. The reputation store's rule
 * (src/reputation/redis-store.ts), for the same reason.
 */
export const FAILURES_TO_TRIP = 3;
export const TRIP_AFTER_BUDGETS = 10;

/**
 * The outage state of one shared store (Redis, or the cluster primary), with the reputation store's
 * logging: exactly one error line when it goes down, one info line when it answers again (with how
 * many checks `onStoreDown` answered meanwhile). While down the store is skipped for `retryAfterMs`,
 * then one probe (the next check) tries it; its success ends the outage. A closed connection is an
 * outage at once (`down`).
 */
export class StoreOutage {
  private healthy = true;
  private skipUntil = 0;
  private probing = false;
  private consecutiveFailures = 0;
  private failingSince = 0;
  private fallbacksThisOutage = 0;
  outages = 0;

  constructor(
    private readonly store: string,
    private readonly policy: string,
    private readonly budgetMs: number,
    private readonly retryAfterMs: number,
    private readonly log: StoreLog,
    private readonly hooks: OutageHooks = {},
  ) {}

  get up(): boolean {
    return this.healthy;
  }

  /** Where this check goes: the store while healthy; while down, `onStoreDown`, except one probe per `retryAfterMs`. */
  route(connected: boolean): 'store' | 'probe' | 'local' {
    if (!connected) return 'local';
    if (this.healthy) return 'store';
    if (this.probing || Date.now() < this.skipUntil) return 'local';
    this.probing = true;
    return 'probe';
  }

  /** The store is unreachable for sure (connection closed or refused): an outage at once. */
  down(reason: string): void {
    this.skipUntil = Date.now() + this.retryAfterMs;
    this.probing = false;
    if (!this.healthy) return;
    this.healthy = false;
    this.outages++;
    this.fallbacksThisOutage = 0;
    const err = rateLimitStoreUnavailable(this.store, this.policy, reason);
    this.log.error({ event: 'ratelimit-store-down', code: err.code, store: this.store, onStoreDown: this.policy }, err.message);
    this.hooks.onDown?.(reason);
  }

  /** A count failed or did not answer within its budget. */
  failed(reason: string): void {
    const now = Date.now();
    if (this.consecutiveFailures++ === 0) this.failingSince = now;
    if (!this.healthy || (this.consecutiveFailures >= FAILURES_TO_TRIP && now - this.failingSince >= TRIP_AFTER_BUDGETS * this.budgetMs)) this.down(reason);
  }

  /** A count answered; it ends an outage only when it was the probe (or the connection came back). */
  succeeded(recovers: boolean): void {
    this.consecutiveFailures = 0;
    if (this.healthy || !recovers) return;
    this.probing = false;
    this.skipUntil = 0;
    this.healthy = true;
    this.log.info(
      { event: 'ratelimit-store-up', store: this.store, fallbacks: this.fallbacksThisOutage },
      `rate-limit store (${this.store}) reachable again; shared counters restored`,
    );
    this.hooks.onUp?.(this.fallbacksThisOutage);
  }

  fellBack(): void {
    this.fallbacksThisOutage++;
  }
}
