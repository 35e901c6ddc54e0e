import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry, ApiKeysConfig } from './config.js';
import { accessConfigInvalid } from './errors.js';

/** `sha256:<hex>` of a key, the form `access.apiKeys.keys[].hash` stores. */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** A new key: `wk_` + 32 random bytes in base64url (256 bits, URL- and header-safe). */
export function generateApiKey(): string {
  return `wk_${randomBytes(32).toString('base64url')}`;
}

interface StoredKey {
  digest: Buffer;
  entry: ApiKeyEntry;
}

export type ApiKeyCheck = { ok: true; entry: ApiKeyEntry } | { ok: false; reason: 'api_key_invalid' | 'api_key_disabled' };

/**
 * The configured keys by digest. A presented key is hashed and compared with `timingSafeEqual`
 * against the stored digests whose first four bytes match: the bucket is chosen by the digest of
 * what the client sent, which tells an attacker nothing about any stored key, and the comparison
 * itself takes the same time wherever the digests differ.
 */
export class ApiKeyTable {
  private readonly buckets = new Map<number, StoredKey[]>();
  readonly size: number;

  constructor(keys: readonly ApiKeyEntry[], path = 'access.apiKeys.keys') {
    const ids = new Set<string>();
    keys.forEach((entry, i) => {
      if (ids.has(entry.id)) throw accessConfigInvalid(`${path}[${i}].id`, `duplicate key id "${entry.id}"`);
      ids.add(entry.id);
      const digest = Buffer.from(entry.hash.slice('sha256:'.length), 'hex');
      if (digest.length !== 32) throw accessConfigInvalid(`${path}[${i}].hash`, 'expected sha256:<64 hex digits>');
      const bucket = digest.readUInt32BE(0);
      let list = this.buckets.get(bucket);
      if (list === undefined) this.buckets.set(bucket, (list = []));
      list.push({ digest, entry });
    });
    this.size = keys.length;
  }

  verify(presented: string): ApiKeyCheck {
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    const list = this.buckets.get(digest.readUInt32BE(0));
    if (list !== undefined) {
      for (const stored of list) {
        if (!timingSafeEqual(stored.digest, digest)) continue;
        return stored.entry.disabled === true ? { ok: false, reason: 'api_key_disabled' } : { ok: true, entry: stored.entry };
      }
    }
    return { ok: false, reason: 'api_key_invalid' };
  }
}

/** Where a request carries its key: a header, a query parameter, an Authorization scheme (any of those configured). */
export interface ApiKeyLocations {
  /** Lower case, for matching. */
  header: string | null;
  /** As configured, for the WWW-Authenticate challenge. */
  headerName: string | null;
  query: string | null;
  scheme: string | null;
}

/** With nothing configured, keys travel in `X-API-Key`. */
export function apiKeyLocations(config: ApiKeysConfig): ApiKeyLocations {
  const none = config.header === undefined && config.query === undefined && config.scheme === undefined;
  return {
    header: none ? 'x-api-key' : (config.header?.toLowerCase() ?? null),
    headerName: none ? 'X-API-Key' : (config.header ?? null),
    query: config.query ?? null,
    scheme: config.scheme?.toLowerCase() ?? null,
  };
}
