/**
 * A cache flusher for the A/B benches' `--flush-mb N`: writes one byte in every 64-byte line of an N MiB
 * buffer, so the next timed call starts with its tables evicted as they are in the proxy between
 * requests. Null for 0 MiB (nothing to write).
 *
 * `stride` (`--flush-stride`, default 64) writes one byte every `stride` bytes instead. At 4096 it
 * touches one line per 4 KiB page: it evicts the TLB's entries for the tables' pages (and the
 * page-table lines a walk reads) while writing little data, so a timing taken after it shows what
 * address translation costs apart from the data's own cache misses (session 37: on the bench's
 * scenarios most of a cold prefilter scan's time). Returns how many bytes it wrote.
 */
export function cacheFlusher(mb: number, stride = 64): (() => number) | null {
  if (mb <= 0) return null;
  if (!Number.isInteger(stride) || stride < 1) throw new Error(`flush stride must be a positive integer, got ${stride}`);
  const junk = new Uint8Array(mb * 1024 * 1024);
  return () => {
    let written = 0;
    for (let i = 0; i < junk.length; i += stride, written++) junk[i]++;
    return written;
  };
}
