import { createHmac, randomBytes } from 'node:crypto';

/**
 * What stands for a session id in the registry: HMAC-SHA256 over the cookie's name and value, keyed,
 * cut to 128 bits. Keyed so that a copy of the store (a Redis dump, a backup) gives nobody the ids
 * and cannot be searched for short ones (`sid=4121353`) without the key.
 */
export function sessionDigest(key: Buffer, name: string, value: string): string {
  return createHmac('sha256', key).update(name).update('\u0000').update(value).digest().subarray(0, 16).toString('base64url');
}

/** A key for one instance's own registry (memory store): nothing outside it needs to hash alike. */
export function randomHashKey(): Buffer {
  return randomBytes(32);
}
