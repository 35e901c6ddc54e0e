import type { StoreLog } from '../reputation/store-log.js';
import { settleWithin, TIMED_OUT } from '../reputation/settle-within.js';
import { PendingRecords, type IssuedRecord, type LookupAnswer, type SessionRegistry } from './registry.js';
import { sessionRegistryOutage } from './registry-outage.js';
import type { StoreOutage } from '../net/store-outage.js';

export type RegistryOperation = 'lookup' | 'record';

export interface SharedRegistryOptions {
  /** Budget of one operation, measured with `settleWithin` (a busy event loop is not taken for a slow store). */
  timeoutMs: number;
  retryAfterMs: number;
  log: StoreLog;
  /** Every operation the store did not answer (the request passed unchecked, or the record waits). */
  onFallback?(operation: RegistryOperation): void;
}

/**
 * A registry another process holds (Redis, the cluster primary), with the failure rules both share:
 * an operation the store does not answer within `timeoutMs` is answered "unknown" (lookup: the
 * request passes untouched) or kept to be written later (record: `PendingRecords`); a run of such
 * failures is an outage, logged once, during which the store is skipped but for one probe per
 * `retryAfterMs`. Nothing here throws to the request.
 */
export abstract class SharedRegistry implements SessionRegistry {
  abstract readonly kind: 'cluster' | 'redis';
  readonly outage: StoreOutage;
  readonly pending = new PendingRecords();

  constructor(
    store: string,
    protected readonly options: SharedRegistryOptions,
  ) {
    this.outage = sessionRegistryOutage(store, options.timeoutMs, options.retryAfterMs, options.log);
  }

  /** Whether the link to the store is open (it may still be slow). */
  abstract connected(): boolean;
  protected abstract remoteLookup(digests: readonly string[], now: number): Promise<{ issued: boolean[]; warm: boolean }>;
  /** Stores the records; `restartWarmup`: records were lost, the shared warm-up starts again now. */
  protected abstract remoteRecord(records: readonly IssuedRecord[], now: number, restartWarmup: boolean): Promise<void>;
  protected abstract remoteForget(digests: readonly string[]): Promise<void>;
  abstract close(): Promise<void>;

  async lookup(digests: readonly string[], now: number): Promise<LookupAnswer> {
    const route = this.outage.route(this.connected());
    if (route !== 'local') {
      try {
        // What this process saw issued goes first: it must never strip one of its own.
        if (this.pending.size > 0 || this.pending.overflowed) await this.flush(now);
        const answer = await settleWithin(this.remoteLookup(digests, now), this.options.timeoutMs);
        if (answer !== TIMED_OUT) {
          this.outage.succeeded(route === 'probe');
          return answer;
        }
        this.outage.failed(`no answer within ${this.options.timeoutMs} ms`);
      } catch (err) {
        this.outage.failed(err instanceof Error ? err.message : String(err));
      }
    }
    this.outage.fellBack();
    this.options.onFallback?.('lookup');
    return null;
  }

  async record(records: readonly IssuedRecord[], now: number): Promise<void> {
    this.pending.add(records, now);
    const route = this.outage.route(this.connected());
    if (route !== 'local') {
      try {
        await this.flush(now);
        this.outage.succeeded(route === 'probe');
        return;
      } catch (err) {
        this.outage.failed(err instanceof Error ? err.message : String(err));
      }
    }
    this.options.onFallback?.('record');
  }

  async forget(digests: readonly string[]): Promise<void> {
    this.pending.remove(digests);
    const route = this.outage.route(this.connected());
    if (route === 'local') return;
    try {
      const done = await settleWithin(this.remoteForget(digests), this.options.timeoutMs);
      if (done === TIMED_OUT) this.outage.failed(`no answer within ${this.options.timeoutMs} ms`);
      else this.outage.succeeded(route === 'probe');
    } catch (err) {
      this.outage.failed(err instanceof Error ? err.message : String(err));
    }
  }

  /** Writes what is waiting (throws when the store does not take it in time; it then keeps waiting). */
  private async flush(now: number): Promise<void> {
    const records = this.pending.take(now);
    const restart = this.pending.overflowed;
    const done = await settleWithin(this.remoteRecord(records, now, restart), this.options.timeoutMs);
    if (done === TIMED_OUT) throw new Error(`no answer within ${this.options.timeoutMs} ms`);
    this.pending.written(records);
  }
}
