import cluster from 'node:cluster';
import type { IpcChannel, IpcHandler } from '../cluster/ipc-channel.js';
import { primaryChannel } from '../cluster/primary-channel.js';
import type { WardenConfig } from '../config/types.js';
import { MemorySessionRegistry, type IssuedRecord } from './registry.js';
import { SharedRegistry, type SharedRegistryOptions } from './shared-registry.js';
import { randomHashKey } from './session-digest.js';

/** After a missed answer the primary is not asked again for this long (as the rate-limit counters). */
const CLUSTER_RETRY_AFTER_MS = 1_000;

/**
 * The memory registry of a cluster worker: every lookup and record is the primary's
 * (`hostSessionRegistry`), so a session issued through one worker is known on all of them and
 * `--workers N` behaves like one process. A record is a request, not a notice: the response that
 * sets the cookie waits for it, so the client's next request finds it whichever worker takes it.
 */
export class ClusterSessionRegistry extends SharedRegistry {
  readonly kind = 'cluster' as const;

  constructor(
    private readonly channel: IpcChannel,
    options: Omit<SharedRegistryOptions, 'retryAfterMs'>,
  ) {
    super('cluster primary', { ...options, retryAfterMs: CLUSTER_RETRY_AFTER_MS });
  }

  connected(): boolean {
    return !this.channel.closed;
  }

  protected remoteLookup(digests: readonly string[], now: number): Promise<{ issued: boolean[]; warm: boolean }> {
    // The IPC request's own timer is only a backstop; the budget is checked after pending reads (settleWithin).
    return this.channel.request('sessions.lookup', [digests, now], this.options.timeoutMs * 10) as Promise<{ issued: boolean[]; warm: boolean }>;
  }

  protected async remoteRecord(records: readonly IssuedRecord[], now: number, restartWarmup: boolean): Promise<void> {
    await this.channel.request('sessions.record', [records, now, restartWarmup], this.options.timeoutMs * 10);
  }

  protected async remoteForget(digests: readonly string[]): Promise<void> {
    await this.channel.request('sessions.forget', digests, this.options.timeoutMs * 10);
  }

  /** The registry belongs to the primary; a worker stopping leaves it to the others. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * For a cluster primary: the instance's one memory registry and the handlers that serve it to the
 * workers, with the hash key they share when none is configured; null when the guard is off or lives
 * in Redis.
 */
export function hostSessionRegistry(config: WardenConfig): { registry: MemorySessionRegistry; handlers: Record<string, IpcHandler> } | null {
  const sessions = config.sessions;
  if (sessions === null || sessions.store !== 'memory') return null;
  const registry = new MemorySessionRegistry({ ttlMs: sessions.ttlSeconds * 1000, warmupMs: sessions.warmupSeconds * 1000, maxEntries: sessions.maxEntries, startedAt: Date.now() });
  const key = randomHashKey();
  return {
    registry,
    handlers: {
      'sessions.lookup': (payload) => {
        const [digests, now] = payload as [string[], number];
        return registry.answer(digests, now);
      },
      'sessions.record': (payload) => {
        const [records, now, restartWarmup] = payload as [IssuedRecord[], number, boolean];
        if (restartWarmup) registry.restartWarmup(now);
        registry.remember(records, now);
        return true;
      },
      'sessions.forget': (payload) => {
        registry.drop(payload as string[]);
        return true;
      },
      'sessions.key': () => key,
    },
  };
}

/** In a cluster worker with the memory store, the link to the primary's registry; else null. */
export function clusterChannelForSessions(store: 'memory' | 'redis'): IpcChannel | null {
  if (!cluster.isWorker || store !== 'memory') return null;
  return primaryChannel();
}
