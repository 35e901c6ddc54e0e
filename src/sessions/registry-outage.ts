import type { StoreLog } from '../reputation/store-log.js';
import { StoreOutage } from '../net/store-outage.js';
import { sessionStoreUnavailable } from './errors.js';

/**
 * The outage state of the session registry's shared store (src/net/store-outage.ts): one error line
 * when it goes down, one info line when it answers again (with how many checks passed unchecked meanwhile).
 */
export function sessionRegistryOutage(store: string, budgetMs: number, retryAfterMs: number, log: StoreLog): StoreOutage {
  return new StoreOutage(budgetMs, retryAfterMs, {
    down(reason) {
      const err = sessionStoreUnavailable(store, reason);
      log.error({ event: 'session-store-down', code: err.code, store }, err.message);
    },
    up(passedUnchecked) {
      log.info({ event: 'session-store-up', store, passedUnchecked }, `session registry (${store}) reachable again; session cookies checked again`);
    },
  });
}
