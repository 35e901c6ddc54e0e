/**
 * A cache flusher for the A/B benches' `--flush-mb N`: writes one byte in every 64-byte line of an N MiB
 * buffer, so the next timed call starts with its tables evicted as they are in the proxy between
 * requests. Null for 0 MiB (nothing to write).
 */
export function cacheFlusher(mb: number): (() => void) | null {
  if (mb <= 0) return null;
  const junk = new Uint8Array(mb * 1024 * 1024);
  return () => {
    for (let i = 0; i < junk.length; i += 64) junk[i]++;
  };
}
