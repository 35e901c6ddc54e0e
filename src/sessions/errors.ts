import { defineError } from '../errors.js';

/** Not thrown to callers: the session registry logs it once per outage and lets requests pass untouched (fail-open). */
export const sessionStoreUnavailable = defineError(
  'WARDEN_SESSIONS_STORE_UNAVAILABLE',
  503,
  (store: string, reason: string) => `session registry (${store}) unavailable; session cookies pass unchecked until it answers: ${reason}`,
);

/** `sessions.hashKey` names a file or variable that gives no key. */
export const sessionHashKeyUnreadable = defineError(
  'WARDEN_SESSIONS_HASH_KEY_UNREADABLE',
  500,
  (path: string, reason: string) => `invalid sessions config at ${path}: ${reason}`,
);
