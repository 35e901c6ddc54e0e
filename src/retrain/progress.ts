/**
 * A progress bar with an ETA for long runs, written at most every two seconds (and at the end), as
 * plain lines so it reads the same in a terminal, a CI log or a test capture.
 */
export function progressLine(what: string, write: (s: string) => void, now: () => number = () => performance.now()): (done: number, total: number) => void {
  const started = now();
  let last = -Infinity;
  return (done, total) => {
    const t = now();
    if (t - last < 2000 && done !== total) return;
    last = t;
    const frac = total > 0 ? done / total : 1;
    const elapsed = (t - started) / 1000;
    const eta = frac > 0 ? (elapsed / frac) * (1 - frac) : 0;
    const bar = '#'.repeat(Math.round(frac * 20)).padEnd(20);
    write(`${what} [${bar}] ${done}/${total} ${(frac * 100).toFixed(0)} % ${elapsed.toFixed(0)} s elapsed, ETA ${eta.toFixed(0)} s`);
  };
}
