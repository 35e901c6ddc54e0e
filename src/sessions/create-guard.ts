import type { WardenConfig } from '../config/types.js';
import { secretText } from '../access/secret.js';
import type { StoreLog } from '../reputation/store-log.js';
import { sessionHashKeyUnreadable } from './errors.js';
import { MemorySessionRegistry, type SessionRegistry } from './registry.js';
import { RedisSessionRegistry } from './redis-registry.js';
import { ClusterSessionRegistry, clusterChannelForSessions } from './cluster-registry.js';
import { randomHashKey } from './session-digest.js';
import { SessionGuard, type SessionGuardHooks } from './session-guard.js';
import type { RegistryOperation } from './shared-registry.js';

export interface SessionGuardDeps extends SessionGuardHooks {
  log: StoreLog;
  onFallback?(operation: RegistryOperation): void;
}

/** How long a worker waits at start-up for the primary's hash key. */
const KEY_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The session guard the config asks for, or null when `sessions` is off. The hash key: the
 * configured secret; else, with several workers on the memory store, the primary's (they must hash
 * alike); else a random one (one process, its own registry). A key that cannot be read stops start-up
 * with WARDEN_SESSIONS_HASH_KEY_UNREADABLE.
 */
export async function createSessionGuard(config: WardenConfig, deps: SessionGuardDeps): Promise<SessionGuard | null> {
  const sessions = config.sessions;
  if (sessions === null) return null;
  const channel = clusterChannelForSessions(sessions.store);
  let key: string;
  if (sessions.hashKey !== null) {
    const text = secretText(sessions.hashKey);
    if (typeof text !== 'string') throw sessionHashKeyUnreadable(`sessions.hashKey.${text.key}`, text.reason);
    key = text;
  } else if (channel !== null) {
    key = (await channel.request('sessions.key', null, KEY_REQUEST_TIMEOUT_MS)) as string;
  } else key = randomHashKey();
  const ttlMs = sessions.ttlSeconds * 1000;
  const warmupMs = sessions.warmupSeconds * 1000;
  let registry: SessionRegistry;
  if (sessions.store === 'redis') {
    registry = new RedisSessionRegistry({
      url: sessions.redis.url ?? config.reputation.redis.url,
      keyPrefix: sessions.redis.keyPrefix,
      timeoutMs: sessions.redis.timeoutMs,
      retryAfterMs: sessions.redis.retryAfterMs,
      ttlMs,
      warmupMs,
      log: deps.log,
      onFallback: deps.onFallback,
    });
  } else if (channel !== null) {
    registry = new ClusterSessionRegistry(channel, { timeoutMs: sessions.primaryTimeoutMs, log: deps.log, onFallback: deps.onFallback });
  } else {
    registry = new MemorySessionRegistry({ ttlMs, warmupMs, maxEntries: sessions.maxEntries, startedAt: Date.now() });
  }
  return new SessionGuard(sessions, key, registry, deps);
}
