import { defineError } from '../errors.js';

/** A CIDR list entry that is not an address or network; `path` is the config key (`access.ipDeny[3]`, `deny.txt:12`). */
export const cidrInvalid = defineError(
  'WARDEN_NET_CIDR_INVALID',
  500,
  (path: string, problem: string) => `invalid address list entry at ${path}: ${problem}`,
);
