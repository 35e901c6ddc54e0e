import { defineError } from '../errors.js';

export const reputationConfigInvalid = defineError(
  'WARDEN_REPUTATION_CONFIG_INVALID',
  500,
  (path: string, problem: string) => `invalid reputation config at ${path}: ${problem}`,
);

/** Not thrown to callers: the Redis store logs it and answers from local memory instead. */
export const reputationRedisUnavailable = defineError(
  'WARDEN_REPUTATION_REDIS_UNAVAILABLE',
  503,
  (reason: string) => `Redis reputation store unavailable, answering from local memory: ${reason}`,
);
