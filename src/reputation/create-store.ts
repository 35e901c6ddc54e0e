import type { ReputationStore } from './types.js';
import { redisTtlMs, type ReputationConfig } from './config.js';
import type { HistoryParams } from './history.js';
import { MemoryReputationStore } from './memory-store.js';
import { RedisReputationStore, type StoreOperation } from './redis-store.js';
import type { StoreLog } from './store-log.js';
import { createSourceIdentity, type SourceIdentity } from './source-key.js';
import { SourceReputation } from './source-reputation.js';

export interface StoreDeps {
  /** Usually `createSourceIdentity(config).isTrustedKey`. */
  isTrusted?: (key: string) => boolean;
  log?: StoreLog;
  onFallback?: (operation: StoreOperation) => void;
  onOperation?: (operation: StoreOperation) => void;
}

export function historyParamsOf(config: ReputationConfig): HistoryParams {
  return {
    halfLifeMs: config.halfLifeSeconds * 1000,
    maturityMs: config.maturitySeconds * 1000,
    cleanRequestsScale: config.cleanRequestsScale,
    minAttacks: config.hostility.minAttacks,
    minAttackers: config.hostility.minClients,
    recoveryCleanRequests: config.hostility.recoveryCleanRequests,
  };
}

/** The store the config asks for: memory by default, Redis when several instances share reputation. */
export function createReputationStore(config: ReputationConfig, deps: StoreDeps = {}): ReputationStore {
  const params = historyParamsOf(config);
  if (config.store === 'memory') {
    return new MemoryReputationStore({ ...params, maxEntries: config.maxEntries, isTrusted: deps.isTrusted });
  }
  return new RedisReputationStore({
    ...params,
    url: config.redis.url,
    keyPrefix: config.redis.keyPrefix,
    ttlMs: redisTtlMs(config),
    timeoutMs: config.redis.timeoutMs,
    retryAfterMs: config.redis.retryAfterMs,
    maxEntries: config.maxEntries,
    isTrusted: deps.isTrusted,
    log: deps.log,
    onFallback: deps.onFallback,
    onOperation: deps.onOperation,
  });
}

export interface ReputationWiring {
  store: ReputationStore;
  identity: SourceIdentity;
  /** The pipeline's `ReputationSlot`: keys, lookup of client and address, recording of outcomes. */
  slot: SourceReputation;
}

/**
 * Everything the assembly needs from this room, or null when reputation is disabled: the store, the
 * source identity (for the proxy's `resolveSource` / `peerTrusted`) and the pipeline slot.
 */
export function createReputation(
  config: ReputationConfig,
  forwardingTrustedProxies: readonly string[] = [],
  deps: Omit<StoreDeps, 'isTrusted'> & {
    /** Replaces the store (a cluster worker reaches the primary's through it; src/reputation/cluster-store.ts). */
    share?: (local: ReputationStore) => ReputationStore;
  } = {},
): ReputationWiring | null {
  if (!config.enabled) return null;
  const identity = createSourceIdentity(config, forwardingTrustedProxies);
  const local = createReputationStore(config, { ...deps, isTrusted: identity.isTrustedKey });
  const store = deps.share?.(local) ?? local;
  const slot = new SourceReputation(store, identity, {
    minAttackers: config.hostility.minClients,
    recoveryCleanRequests: config.hostility.recoveryCleanRequests,
    establishedClean: config.hostility.establishedClean,
    minAttackShare: config.hostility.minAttackShare,
  });
  return { store, identity, slot };
}
