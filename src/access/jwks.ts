import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { accessFileInvalid } from './errors.js';
import { WatchedFile } from './watched-file.js';

/** No keys to verify with: the JWKS URL never answered (or answered garbage) and nothing is cached. */
export class JwksUnavailableError extends Error {
  readonly code = 'WARDEN_ACCESS_JWKS_UNAVAILABLE';
}

type LocalSet = ReturnType<typeof createLocalJWKSet>;

export interface JwksKeys {
  getKey: JWTVerifyGetKey;
  close(): void;
}

export interface JwksHooks {
  onRefresh?(source: string, keys: number): void;
  onError?(source: string, err: Error): void;
}

/** Parses a JWKS document; jose checks its shape (and refuses private keys at first use). */
function localSet(text: string): { set: LocalSet; keys: number } {
  const doc = JSON.parse(text) as JSONWebKeySet;
  return { set: createLocalJWKSet(doc), keys: Array.isArray(doc.keys) ? doc.keys.length : 0 };
}

/** Keys from a JWKS file, re-read when the file changes (a bad edit keeps the previous keys). */
export async function fileJwks(file: string, path: string, hooks: JwksHooks = {}): Promise<JwksKeys> {
  let watched: WatchedFile<{ set: LocalSet; keys: number }>;
  try {
    watched = await WatchedFile.open({
      file,
      parse: localSet,
      onReload: (v) => hooks.onRefresh?.(file, v.keys),
      onError: (err) => hooks.onError?.(file, err as Error),
    });
  } catch (err) {
    throw accessFileInvalid(path, file, (err as Error).message);
  }
  return { getKey: (header, token) => watched.current.set(header, token), close: () => watched.close() };
}

export interface RemoteJwksOptions {
  url: string;
  /** Keys are fresh this long; after it the next request refetches. */
  cacheSeconds: number;
  /** An unknown `kid` triggers a refetch at most this often (a flood of forged kids cannot hammer the issuer). */
  minRefreshSeconds: number;
  /** When a refetch fails, keep verifying with the last good keys this long past their freshness. */
  staleIfErrorSeconds: number;
  timeoutMs: number;
  now?: () => number;
}

/**
 * Keys from a JWKS URL, cached. jose's own remote set drops its keys when a refresh fails; an
 * issuer's outage must not log every user out, so this keeps the last good set (stale-if-error) and
 * retries no more than once per `minRefreshSeconds`.
 */
export function remoteJwks(options: RemoteJwksOptions, hooks: JwksHooks = {}): JwksKeys {
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheSeconds * 1000;
  const minRefreshMs = options.minRefreshSeconds * 1000;
  const staleMs = options.staleIfErrorSeconds * 1000;
  let set: LocalSet | null = null;
  let fetchedAt = 0;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | null = null;

  const refresh = (): Promise<void> => {
    lastAttempt = now();
    inflight ??= (async () => {
      try {
        const res = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const parsed = localSet(await res.text());
        set = parsed.set;
        fetchedAt = now();
        hooks.onRefresh?.(options.url, parsed.keys);
      } catch (err) {
        hooks.onError?.(options.url, err as Error);
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const t = now();
    if (set === null || t - fetchedAt > cacheMs) {
      if (t - lastAttempt >= minRefreshMs || inflight !== null) await refresh();
      if (set === null) throw new JwksUnavailableError(`no keys from ${options.url}`);
      if (now() - fetchedAt > cacheMs + staleMs) throw new JwksUnavailableError(`keys from ${options.url} are too old to use`);
    }
    try {
      return await set(header, token);
    } catch (err) {
      // A kid we have not seen: the issuer may have rotated keys since the last fetch.
      if ((err as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY' || now() - lastAttempt < minRefreshMs) throw err;
      await refresh();
      return set(header, token);
    }
  };
  return { getKey, close: () => undefined };
}
