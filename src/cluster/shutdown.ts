import type { RunningWarden } from '../warden.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The share of `timeouts.shutdownMs` a worker (or the single process) gives requests in flight before
 * it closes their connections; the rest is its margin to exit before the primary kills it.
 */
export function drainBudgetMs(shutdownMs: number): number {
  return Math.floor(shutdownMs * 0.8);
}

/**
 * Stops accepting, lets requests in flight finish, then closes everything (stores, logs). Keep-alive
 * connections are closed as soon as they go idle (Node's `server.close()` only closes the ones idle
 * at that moment). After `budgetMs` the remaining connections are cut. Resolves true when every
 * request finished in time.
 */
export async function drainWarden(warden: RunningWarden, budgetMs: number): Promise<boolean> {
  const listener = warden.proxy.listener;
  const sweep = setInterval(() => listener.closeIdleConnections(), 100);
  const closing = warden.close();
  const drained = await Promise.race([closing.then(() => true), sleep(budgetMs).then(() => false)]);
  clearInterval(sweep);
  if (!drained) {
    listener.closeAllConnections();
    // The rest of close() (upstream pool, stores, log flush) runs once the server has let go.
    await Promise.race([closing, sleep(300)]);
  }
  return drained;
}

/** A stop signal, a shutdown notice or the primary's disconnect: the first of them. */
export function stopRequested(extra: (stop: (why: string) => void) => void = () => undefined): Promise<string> {
  return new Promise((resolve) => {
    let done = false;
    const stop = (why: string): void => {
      if (done) return;
      done = true;
      resolve(why);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    extra(stop);
  });
}
