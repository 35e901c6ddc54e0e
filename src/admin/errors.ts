import { defineError } from '../errors.js';

/** The admin API answered 401: no or wrong bearer token (admin.token). */
export const adminUnauthorized = defineError('WARDEN_ADMIN_UNAUTHORIZED', 401, () => 'the admin API needs a valid bearer token (admin.token)');

/** The admin listener's address could not be had (taken, not local): start-up stops, the proxy port released. */
export const adminListenFailed = defineError('WARDEN_ADMIN_LISTEN_FAILED', 500, (address: string, reason: string) => `admin listener: cannot listen on ${address}: ${reason}`);

/** A CLI `--admin` action got an answer it could not use (refused, unreachable). */
export const adminRequestFailed = defineError('WARDEN_ADMIN_REQUEST_FAILED', 502, (admin: string, problem: string) => `admin API at ${admin}: ${problem}`);
