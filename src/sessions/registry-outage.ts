import type { StoreLog } from '../reputation/store-log.js';
import { sessionStoreUnavailable } from './errors.js';

/**
 * Runs of failures before a connected store counts as down: one stall (a fork, a scheduler hiccup)
 * costs the lookups in flight their answer (they pass), not `retryAfterMs` of everyone's. The same
 * rule as the reputation and rate-limit stores (src/ratelimit/store-outage.ts).
 */
export const FAILURES_TO_TRIP = 3;
export const TRIP_AFTER_BUDGETS = 10;

/**
 * The outage state of the session registry's shared store: one error line when it goes down, one
 * info line when it answers again (with how many checks passed unchecked meanwhile). While down the
 * store is skipped for `retryAfterMs`, then one probe tries it.
 */
export class RegistryOutage {
  private healthy = true;
  private skipUntil = 0;
  private probing = false;
  private consecutiveFailures = 0;
  private failingSince = 0;
  private passedThisOutage = 0;
  outages = 0;

  constructor(
    private readonly store: string,
    private readonly budgetMs: number,
    private readonly retryAfterMs: number,
    private readonly log: StoreLog,
  ) {}

  get up(): boolean {
    return this.healthy;
  }

  route(connected: boolean): 'store' | 'probe' | 'skip' {
    if (!connected) return 'skip';
    if (this.healthy) return 'store';
    if (this.probing || Date.now() < this.skipUntil) return 'skip';
    this.probing = true;
    return 'probe';
  }

  down(reason: string): void {
    this.skipUntil = Date.now() + this.retryAfterMs;
    this.probing = false;
    if (!this.healthy) return;
    this.healthy = false;
    this.outages++;
    this.passedThisOutage = 0;
    const err = sessionStoreUnavailable(this.store, reason);
    this.log.error({ event: 'session-store-down', code: err.code, store: this.store }, err.message);
  }

  failed(reason: string): void {
    const now = Date.now();
    if (this.consecutiveFailures++ === 0) this.failingSince = now;
    if (!this.healthy || (this.consecutiveFailures >= FAILURES_TO_TRIP && now - this.failingSince >= TRIP_AFTER_BUDGETS * this.budgetMs)) this.down(reason);
  }

  succeeded(recovers: boolean): void {
    this.consecutiveFailures = 0;
    if (!recovers) return;
    this.probing = false;
    if (this.healthy) return;
    this.skipUntil = 0;
    this.healthy = true;
    this.log.info(
      { event: 'session-store-up', store: this.store, passedUnchecked: this.passedThisOutage },
      `session registry (${this.store}) reachable again; session cookies checked again`,
    );
  }

  passed(): void {
    this.passedThisOutage++;
  }
}
