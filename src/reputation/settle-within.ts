/** What `settleWithin` resolves to when the promise did not settle in time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * `promise`'s outcome, or `TIMED_OUT` when it has not settled `ms` after the call — where "in time"
 * means "before the answer could be read", not "before this process looked". A plain timer misfires
 * on a busy event loop: while a request's inspection holds the loop for 30 ms, Redis's reply sits in
 * the socket and a 25 ms timer fires first (timers run before the poll phase that reads sockets).
 * So when the timer fires, the verdict waits for `setImmediate`, which runs after that poll phase:
 * a reply already in the socket is read and wins. The budget then measures the remote side only.
 * (Under load on two cores this is the difference between 80–99 % and ≤ 1 % of lookups falling back:
 * BENCHMARKS.md, "Redis as the shared reputation store".)
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (done) return;
        done = true;
        resolve(TIMED_OUT);
      });
    }, ms);
    promise.then(
      (value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
