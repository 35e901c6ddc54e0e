import { defineError } from '../errors.js';

/** A problem in `rateLimits` the JSON Schema cannot see (a key part that does not exist, a duplicate id, an identity nobody verifies). */
export const rateLimitConfigInvalid = defineError(
  'WARDEN_RATELIMIT_CONFIG_INVALID',
  500,
  (path: string, problem: string) => `invalid rateLimits config at ${path}: ${problem}`,
);

/** Not thrown to callers: the Redis counter store logs it once per outage and answers by `rateLimits.onStoreDown`. */
export const rateLimitStoreUnavailable = defineError(
  'WARDEN_RATELIMIT_STORE_UNAVAILABLE',
  503,
  (store: string, policy: string, reason: string) => `rate-limit store (${store}) unavailable, onStoreDown: ${policy}: ${reason}`,
);
