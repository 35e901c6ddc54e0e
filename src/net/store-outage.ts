/**
 * The outage state of one shared store (Redis, or the cluster primary), for the stores that answer a
 * request's check and fall back when the store does not (reputation, rate-limit counters, the session registry).
 *
 * A store that is still connected is "down" only after a run of failed calls (timeouts, errors) with no
 * answer in between: at least `FAILURES_TO_TRIP` of them over at least `TRIP_AFTER_BUDGETS` budgets. One
 * stall (a fork, a scheduler hiccup on a loaded host) costs the checks in flight their answer, not
 * `retryAfterMs` of everyone's. While down the store is skipped for `retryAfterMs`, then one probe (the next check) tries it;
 * its success ends the outage. A closed connection is an outage at once (`down`). The owner's `report`
 * says so exactly once each way: when the store goes down, and when it answers again with how many
 * checks were answered without it meanwhile.
 */
export const FAILURES_TO_TRIP = 3;
export const TRIP_AFTER_BUDGETS = 10;

export interface OutageReport {
  down(reason: string): void;
  up(fellBack: number): void;
}

export class StoreOutage {
  private healthy = true;
  private skipUntil = 0;
  private probing = false;
  private consecutiveFailures = 0;
  private failingSince = 0;
  private fallbacksThisOutage = 0;
  /** Outages so far (a bench checks its store never fell back). */
  outages = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly retryAfterMs: number,
    private readonly report: OutageReport,
  ) {}

  get up(): boolean {
    return this.healthy;
  }

  /** Where this check goes: the store while healthy; while down, the local answer, except one probe per `retryAfterMs`. */
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
    this.report.down(reason);
  }

  /** A call failed or did not answer within its budget. */
  failed(reason: string): void {
    const now = Date.now();
    if (this.consecutiveFailures++ === 0) this.failingSince = now;
    if (!this.healthy || (this.consecutiveFailures >= FAILURES_TO_TRIP && now - this.failingSince >= TRIP_AFTER_BUDGETS * this.budgetMs)) this.down(reason);
  }

  /** A call answered; it ends an outage only when it was the probe (or the connection came back). */
  succeeded(recovers: boolean): void {
    this.consecutiveFailures = 0;
    if (this.healthy || !recovers) return;
    this.probing = false;
    this.skipUntil = 0;
    this.healthy = true;
    this.report.up(this.fallbacksThisOutage);
  }

  /** A check was answered without the store. */
  fellBack(): void {
    this.fallbacksThisOutage++;
  }
}
