import cluster from 'node:cluster';
import type { IpcChannel, IpcHandler } from '../cluster/ipc-channel.js';
import { primaryChannel } from '../cluster/primary-channel.js';
import type { StoreLog } from '../reputation/store-log.js';
import type { OnStoreDown } from './config.js';
import { countWhenDown, MemoryCounterStore, type Count, type CounterStore, type LimiterSpec } from './counter-store.js';
import { rateLimitStoreOutage, type OutageHooks } from './store-outage.js';
import type { StoreOutage } from '../net/store-outage.js';
import { settleWithin, TIMED_OUT } from '../reputation/settle-within.js';

/**
 * Default of `rateLimits.primaryTimeoutMs`: how long a worker waits for the primary's count (a round
 * trip is ~0.1 ms on an idle machine); past it `onStoreDown` answers, as for a Redis command past its timeout.
 */
export const CLUSTER_COUNT_TIMEOUT_MS = 100;
/** After a missed answer the primary is not asked again for this long. */
const CLUSTER_RETRY_AFTER_MS = 1_000;

export interface ClusterCounterOptions {
  onStoreDown: OnStoreDown;
  log: StoreLog;
  hooks?: OutageHooks;
  onFallback?(policy: OnStoreDown): void;
  timeoutMs?: number;
  /** Bound of this worker's own counters (`onStoreDown: local`). */
  maxKeysPerRule?: number;
}

/**
 * The memory store of a cluster worker: every count is the primary's (one RateLimiterMemory per
 * rule there, `rateLimitHandlers`), so `--workers N` enforces one limit per instance, not N. Chosen
 * over rate-limiter-flexible's RateLimiterCluster because it rides the one IPC link the primary
 * already owns (with its timeouts and shutdown), the way the reputation store does.
 */
export class ClusterCounterStore implements CounterStore {
  readonly kind = 'cluster' as const;
  readonly local: MemoryCounterStore;
  readonly outage: StoreOutage;
  private readonly timeoutMs: number;

  constructor(
    private readonly channel: IpcChannel,
    private readonly options: ClusterCounterOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? CLUSTER_COUNT_TIMEOUT_MS;
    this.local = new MemoryCounterStore(options.maxKeysPerRule);
    this.outage = rateLimitStoreOutage('cluster primary', options.onStoreDown, this.timeoutMs, CLUSTER_RETRY_AFTER_MS, options.log, options.hooks);
  }

  async consume(spec: LimiterSpec, key: string): Promise<Count> {
    if (this.channel.closed) this.outage.down('the primary is gone');
    const route = this.outage.route(!this.channel.closed);
    if (route === 'local') return this.whenDown(spec, key);
    try {
      // The IPC request's own timer is only a backstop; the budget is checked after pending reads (settleWithin).
      const count = await settleWithin(this.channel.request('ratelimit.consume', [spec, key], this.timeoutMs * 10) as Promise<Count>, this.timeoutMs);
      if (count !== TIMED_OUT) {
        this.outage.succeeded(route === 'probe');
        return count;
      }
      this.outage.failed(`no answer within ${this.timeoutMs} ms`);
    } catch (err) {
      this.outage.failed(err instanceof Error ? err.message : String(err));
    }
    return this.whenDown(spec, key);
  }

  async tally(spec: LimiterSpec, key: string): Promise<Count | null> {
    if (this.channel.closed || !this.outage.up) return null;
    try {
      const count = await settleWithin(this.channel.request('ratelimit.consume', [spec, key], this.timeoutMs * 10) as Promise<Count>, this.timeoutMs);
      return count === TIMED_OUT ? null : count;
    } catch {
      return null;
    }
  }

  private whenDown(spec: LimiterSpec, key: string): Promise<Count> {
    this.outage.fellBack();
    this.options.onFallback?.(this.options.onStoreDown);
    return countWhenDown(this.options.onStoreDown, spec, key, this.local, CLUSTER_RETRY_AFTER_MS);
  }

  retain(specs: readonly LimiterSpec[]): void {
    this.local.retain(specs);
  }

  /** The shared counts belong to the primary; a worker stopping leaves them to the others. */
  close(): Promise<void> {
    return this.local.close();
  }
}

/** The primary's side: the instance's one memory store and the handler that counts for every worker. */
export function rateLimitHandlers(store: MemoryCounterStore): Record<string, IpcHandler> {
  return {
    'ratelimit.consume': (payload) => {
      const [spec, key] = payload as [LimiterSpec, string];
      return store.consume(spec, key);
    },
  };
}

/** In a cluster worker with the memory store, the primary's counters; else null (single process, or Redis). */
export function clusterChannelForCounts(store: 'memory' | 'redis'): IpcChannel | null {
  if (!cluster.isWorker || store !== 'memory') return null;
  return primaryChannel();
}
