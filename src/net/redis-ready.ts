import type { Redis } from 'ioredis';

/** The longest start-up waits for one store, whatever its connect timeout (20 × timeoutMs may be 200 s): a host that drops packets must not hold the port closed. */
export const READY_WAIT_CAP_MS = 2_000;

/**
 * Resolves true once `redis` is ready for commands, false when it reports an error or ends first, or
 * when `withinMs` pass. The shared stores route every check to their local fallback while the client
 * is not ready — silently, since nothing failed — so start-up waits for this before the port opens:
 * otherwise the first requests after a start (ioredis is ready only after its CLIENT SETINFO round
 * trip, longer still over TLS) would be counted in this process alone. A Redis that is down is not
 * waited for: its error arrives at once and the store's own outage line says what happens instead.
 * The wait is at most `withinMs` (by default the client's own connect timeout) and `READY_WAIT_CAP_MS`.
 */
export function redisReady(redis: Redis, withinMs: number = redis.options.connectTimeout ?? READY_WAIT_CAP_MS): Promise<boolean> {
  withinMs = Math.min(withinMs, READY_WAIT_CAP_MS);
  if (redis.status === 'ready') return Promise.resolve(true);
  if (redis.status === 'end') return Promise.resolve(false);
  return new Promise((resolve) => {
    const settle = (ready: boolean): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onFailed);
      redis.off('end', onFailed);
      resolve(ready);
    };
    const onReady = (): void => settle(true);
    const onFailed = (): void => settle(false);
    const timer = setTimeout(onFailed, withinMs);
    timer.unref();
    redis.once('ready', onReady);
    redis.once('error', onFailed);
    redis.once('end', onFailed);
  });
}
