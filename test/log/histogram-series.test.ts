import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HistogramSeries } from '../../src/log/histogram-series.js';

const BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

function histogramIn(registry: Registry, labelNames: string[]): Histogram<string> {
  return new Histogram({ name: 'warden_test_seconds', help: 'test', labelNames, buckets: BUCKETS, registers: [registry] });
}

/** Values on every bound, between them, past the last one and zero, in a fixed order (no Math.random: a failure must replay). */
function values(n: number): number[] {
  const out: number[] = [0, ...BUCKETS, 0.06, 2];
  let x = 12345;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push((x % 70_000) / 1e6);
  }
  return out;
}

describe('HistogramSeries', () => {
  it('gives /metrics the same text as histogram.observe with the same label sets and values, across a reset', async () => {
    const plain = new Registry();
    const fast = new Registry();
    const a = histogramIn(plain, ['gate']);
    const b = histogramIn(fast, ['gate']);
    const series = { signatures: new HistogramSeries(b, { gate: 'signatures' }), model: new HistogramSeries(b, { gate: 'model' }) };
    const xs = values(400);
    for (let i = 0; i < xs.length; i++) {
      const gate = i % 3 === 0 ? 'model' : 'signatures';
      a.observe({ gate }, xs[i]);
      series[gate].observe(xs[i]);
      if (i === 250) {
        a.reset();
        b.reset();
      }
    }
    const text = await fast.metrics();
    expect(text).toContain('warden_test_seconds_count{gate="model"}');
    expect(text).toBe(await plain.metrics());
  });

  it('observes a histogram without labels as histogram.observe does', async () => {
    const plain = new Registry();
    const fast = new Registry();
    const a = histogramIn(plain, []);
    const series = new HistogramSeries(histogramIn(fast, []), {});
    for (const x of values(100)) {
      a.observe(x);
      series.observe(x);
    }
    expect(await fast.metrics()).toBe(await plain.metrics());
  });

  it('refuses a value that is not a number as histogram.observe does', () => {
    const series = new HistogramSeries(histogramIn(new Registry(), ['gate']), { gate: 'model' });
    series.observe(0.001);
    expect(() => series.observe(Number.NaN)).toThrow(TypeError);
    expect(() => series.observe(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });
});
