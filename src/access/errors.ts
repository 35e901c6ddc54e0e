import { defineError } from '../errors.js';

/** A semantic problem in `access` or `admin.token` the JSON Schema cannot see (duplicate ids, a method used but not configured...). */
export const accessConfigInvalid = defineError(
  'WARDEN_ACCESS_CONFIG_INVALID',
  500,
  (path: string, problem: string) => `invalid access config at ${path}: ${problem}`,
);

/** A file the access section names (IP list, JWKS, secret, admin token) cannot be read or parsed. */
export const accessFileInvalid = defineError(
  'WARDEN_ACCESS_FILE_INVALID',
  500,
  (path: string, file: string, problem: string) => `${path}: ${file}: ${problem}`,
);

/** `warden keys` was asked for something it cannot do (unknown id, duplicate id, no config file). */
export const keysCommandInvalid = defineError('WARDEN_ACCESS_KEYS_INVALID', 400, (problem: string) => problem);
