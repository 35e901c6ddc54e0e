import { hash, randomBytes } from 'node:crypto';

/**
 * What stands for a session id in the registry: SHA-256 over a secret key, the cookie's name and its
 * value, cut to its first 22 base64url characters (132 bits). Keyed so that a copy of the store (a
 * Redis dump, a backup) gives nobody the ids and cannot be searched for short ones (`sid=4121353`)
 * without the key. A secret prefix rather than HMAC: Node's one-shot `hash` costs under 1 µs where
 * `createHmac` cost 7 µs on the proxy's path, and the cut digest exposes none of SHA-256's internal
 * state, so the length extension that makes a bare secret prefix unsafe as a MAC has nothing to start
 * from (nor does anyone outside see a digest, only 12-character tags in the decision log).
 */
export function sessionDigest(key: string, name: string, value: string): string {
  return hash('sha256', `${key}\u0000${name}\u0000${value}`, 'base64url').slice(0, 22);
}

/** A key for one instance's own registry (memory store): nothing outside it needs to hash alike. */
export function randomHashKey(): string {
  return randomBytes(32).toString('base64');
}
