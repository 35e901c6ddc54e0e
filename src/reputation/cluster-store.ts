import cluster from 'node:cluster';
import type { WardenConfig } from '../config/types.js';
import type { IpcChannel, IpcHandler } from '../cluster/ipc-channel.js';
import { primaryChannel } from '../cluster/primary-channel.js';
import { createReputation } from './create-store.js';
import type { Reputation, ReputationEvent, ReputationStore } from './types.js';

/**
 * How long a worker waits for the primary's answer to a lookup (a round trip is ~0.1 ms when the
 * machine is not starved); past it the lookup is answered locally, as the Redis store does.
 */
const LOOKUP_TIMEOUT_MS = 100;

export interface ClusterStoreOptions {
  timeoutMs?: number;
  /** This worker's own store: written with every outcome, answers when the primary does not. */
  local: ReputationStore;
  onFallback?: (operation: 'get' | 'record') => void;
  /** Every operation sent to the primary (fallbacks / operations is the share answered locally). */
  onOperation?: (operation: 'get' | 'record') => void;
}

/**
 * The memory reputation store of a cluster worker: every lookup and outcome goes to the one store
 * the primary holds (`hostReputation`), so a source has one history whichever worker its requests
 * land on. `record` is a notice, not a round trip: Node's IPC keeps order per link, so this worker's
 * next `get` sees it; another worker sees it once the notice has crossed (well under a millisecond).
 * Like the Redis store it never fails a request: a primary that does not answer in time (or is gone)
 * is replaced by this worker's local store, which every outcome is also written to.
 * Cost per request and why this rather than Redis: README, "Several workers".
 */
export class ClusterReputationStore implements ReputationStore {
  private readonly channel: IpcChannel;
  private readonly timeoutMs: number;
  private readonly local: ReputationStore;
  private readonly onFallback: (operation: 'get' | 'record') => void;
  private readonly onOperation: (operation: 'get' | 'record') => void;

  constructor(channel: IpcChannel, options: ClusterStoreOptions) {
    this.channel = channel;
    this.timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS;
    this.local = options.local;
    this.onFallback = options.onFallback ?? (() => undefined);
    this.onOperation = options.onOperation ?? (() => undefined);
  }

  get(key: string, now: number): Promise<Reputation> {
    this.onOperation('get');
    return (this.channel.request('reputation.get', [key, now], this.timeoutMs) as Promise<Reputation>).catch(() => {
      this.onFallback('get');
      return this.local.get(key, now);
    });
  }

  record(event: ReputationEvent): Promise<void> {
    this.onOperation('record');
    if (this.channel.closed) this.onFallback('record');
    else this.channel.notify('reputation.record', event);
    return this.local.record(event);
  }

  /** The shared state belongs to the primary; a worker stopping leaves it to the others. */
  close(): Promise<void> {
    return this.local.close();
  }
}

/** The primary's side: the one store and the IPC handlers that serve it to every worker. */
export function reputationHandlers(store: ReputationStore): Record<string, IpcHandler> {
  return {
    'reputation.get': (payload) => {
      const [key, now] = payload as [string, number];
      return store.get(key, now);
    },
    'reputation.record': (payload) => store.record(payload as ReputationEvent),
  };
}

/**
 * For a cluster primary: the instance's memory store (same config, trusted sources and bounds as a
 * single process's) and its handlers; null when reputation is off or lives in Redis (shared there).
 */
export function hostReputation(config: WardenConfig): { store: ReputationStore; handlers: Record<string, IpcHandler> } | null {
  if (!config.reputation.enabled || config.reputation.store !== 'memory') return null;
  const wiring = createReputation(config.reputation, config.forwarding.trustedProxies);
  if (wiring === null) return null;
  return { store: wiring.store, handlers: reputationHandlers(wiring.store) };
}

/**
 * The store a process's pipeline uses: in a cluster worker with the memory store, the primary's
 * (`local` stays as its fallback); otherwise `local` unchanged (single process, or Redis).
 */
export function storeForThisProcess(
  config: WardenConfig,
  local: ReputationStore,
  onFallback?: ClusterStoreOptions['onFallback'],
  onOperation?: ClusterStoreOptions['onOperation'],
): ReputationStore {
  if (!cluster.isWorker || config.reputation.store !== 'memory') return local;
  const channel = primaryChannel();
  if (channel === null) return local;
  return new ClusterReputationStore(channel, { local, onFallback, onOperation });
}
