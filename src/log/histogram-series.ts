import type { Histogram, LabelValues } from 'prom-client';

/** What prom-client 15 keeps per label set of a histogram (lib/histogram.js `createBaseValues`). */
interface SeriesCounts {
  labels: LabelValues<string>;
  sum: number;
  count: number;
  bucketValues: Record<string, number>;
}

/** The parts of a prom-client histogram a series updates: its table of label sets and its bounds. */
interface HistogramTable {
  hashMap: Record<string, SeriesCounts | undefined>;
  upperBounds: readonly number[];
  enableExemplars: boolean;
}

/**
 * One label set of a prom-client histogram (a gate's `warden_gate_seconds{gate}`), observed without
 * prom-client's per-call work: the labels validated and hashed into a string, a closure, the bound
 * turned into a property key. ~0.5 µs a call with the caches warm, more in the proxy, and a request
 * observes three to five of them (issue 14). `observe` updates the very counts `histogram.observe`
 * would (the label set's entry in the histogram's own table: sum, count, the first bucket the value
 * fits), so /metrics, the cluster aggregate and `reset` see one histogram. The first call, a call
 * after a reset (the table's entry replaced) and a value prom-client would refuse go through
 * `histogram.observe` itself; a histogram with exemplars always does.
 */
export class HistogramSeries {
  private readonly table: HistogramTable;
  private readonly bounds: readonly number[];
  /** The property key of each bound in an entry's bucketValues (prom-client keys them by the number). */
  private readonly boundKeys: readonly string[];
  private key: string | null = null;
  private counts: SeriesCounts | null = null;

  constructor(
    private readonly histogram: Histogram<string>,
    private readonly labels: LabelValues<string>,
  ) {
    this.table = histogram as unknown as HistogramTable;
    this.bounds = this.table.upperBounds;
    this.boundKeys = this.bounds.map(String);
  }

  observe(value: number): void {
    const counts = this.counts;
    if (counts === null || !Number.isFinite(value) || this.table.hashMap[this.key!] !== counts) {
      this.histogram.observe(this.labels, value);
      this.find();
      return;
    }
    counts.sum += value;
    counts.count += 1;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        counts.bucketValues[this.boundKeys[i]] += 1;
        return;
      }
    }
  }

  /** This label set's entry in the histogram's table, once `histogram.observe` has made it. */
  private find(): void {
    this.key = null;
    this.counts = null;
    if (this.table.enableExemplars || typeof this.table.hashMap !== 'object') return;
    const names = Object.keys(this.labels);
    for (const [key, counts] of Object.entries(this.table.hashMap)) {
      if (counts === undefined || typeof counts.sum !== 'number' || typeof counts.bucketValues !== 'object') continue;
      const own = Object.keys(counts.labels);
      if (own.length === names.length && names.every((n) => counts.labels[n] === this.labels[n])) {
        this.key = key;
        this.counts = counts;
        return;
      }
    }
  }
}
