import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { scavengeNow } from '../../src/inspect/young-generation.js';

/** The GC performance entries V8 reports while `work` runs (they arrive asynchronously, after it). */
async function gcEntriesDuring(work: () => void): Promise<PerformanceEntry[]> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    work();
    for (let i = 0; i < 50 && entries.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    observer.disconnect();
  }
  return entries;
}

const kindOf = (e: PerformanceEntry): number | undefined => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;

describe('scavengeNow (a young-generation collection before a big walk)', () => {
  it('runs a minor collection, not a full one, when called', async () => {
    const entries = await gcEntriesDuring(() => expect(scavengeNow()).toBe(true));
    expect(entries.map(kindOf)).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
    expect(entries.map(kindOf)).not.toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
  });

  it('leaves the objects still in use intact and adds no gc global to the process', () => {
    const kept = Array.from({ length: 10_000 }, (_, i) => ({ i, name: `field${i}` }));
    const hadGc = 'gc' in globalThis;
    scavengeNow();
    scavengeNow();
    expect(kept[9_999]).toEqual({ i: 9_999, name: 'field9999' });
    expect('gc' in globalThis).toBe(hadGc);
  });
});
