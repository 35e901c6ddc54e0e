import type { StoreLog } from '../reputation/store-log.js';
import { StoreOutage } from '../net/store-outage.js';
import { rateLimitStoreUnavailable } from './errors.js';

export interface OutageHooks {
  onDown?(reason: string): void;
  onUp?(fallbacks: number): void;
}

/**
 * The outage state of a shared counter store (src/net/store-outage.ts), with the reputation store's
 * logging: exactly one error line when it goes down, one info line when it answers again (with how
 * many checks `onStoreDown` answered meanwhile), and the service's hooks.
 */
export function rateLimitStoreOutage(store: string, policy: string, budgetMs: number, retryAfterMs: number, log: StoreLog, hooks: OutageHooks = {}): StoreOutage {
  return new StoreOutage(budgetMs, retryAfterMs, {
    down(reason) {
      const err = rateLimitStoreUnavailable(store, policy, reason);
      log.error({ event: 'ratelimit-store-down', code: err.code, store, onStoreDown: policy }, err.message);
      hooks.onDown?.(reason);
    },
    up(fallbacks) {
      log.info({ event: 'ratelimit-store-up', store, fallbacks }, `rate-limit store (${store}) reachable again; shared counters restored`);
      hooks.onUp?.(fallbacks);
    },
  });
}
