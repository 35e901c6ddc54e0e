import { describe, expect, it } from 'vitest';
import { MemorySessionRegistry, PendingRecords, PENDING_RECORDS_MAX } from '../../src/sessions/registry.js';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const open = (extra: Partial<ConstructorParameters<typeof MemorySessionRegistry>[0]> = {}) =>
  new MemorySessionRegistry({ ttlMs: HOUR, warmupMs: 10 * HOUR, maxEntries: 100, startedAt: T0, ...extra });

describe('MemorySessionRegistry', () => {
  it('knows a recorded digest until its TTL, and no other', () => {
    const r = open();
    r.remember([{ digest: 'a', ttlMs: HOUR }], T0);
    expect(r.answer(['a', 'b'], T0 + 1).issued).toEqual([true, false]);
    expect(r.answer(['a'], T0 + HOUR + 2).issued).toEqual([false]);
  });

  it('extends the life of a digest in use to the TTL, never shortens a longer one', () => {
    const r = open();
    r.remember([{ digest: 'a', ttlMs: HOUR }, { digest: 'long', ttlMs: 100 * HOUR }], T0);
    // Used every 50 minutes: stays known well past its first hour.
    for (let t = T0; t < T0 + 5 * HOUR; t += 50 * 60_000) expect(r.answer(['a'], t).issued).toEqual([true]);
    r.answer(['long'], T0 + 1);
    expect(r.answer(['long'], T0 + 99 * HOUR).issued).toEqual([true]);
  });

  it('is warm once warmupMs has passed since it began, and again after a restarted warm-up', () => {
    const r = open();
    expect(r.answer([], T0 + 10 * HOUR - 1).warm).toBe(false);
    expect(r.answer([], T0 + 10 * HOUR).warm).toBe(true);
    r.restartWarmup(T0 + 11 * HOUR);
    expect(r.answer([], T0 + 12 * HOUR).warm).toBe(false);
    expect(open({ warmupMs: 0 }).answer([], T0).warm).toBe(true);
  });

  it('evicts the least recently used digest past maxEntries (used: extended once it lost a sixteenth of its TTL)', () => {
    const r = open({ maxEntries: 2 });
    r.remember([{ digest: 'a', ttlMs: HOUR }, { digest: 'b', ttlMs: HOUR }], T0);
    r.answer(['a'], T0 + HOUR / 8);
    r.remember([{ digest: 'c', ttlMs: HOUR }], T0 + HOUR / 8 + 1);
    expect(r.answer(['a', 'b', 'c'], T0 + HOUR / 8 + 2).issued).toEqual([true, false, true]);
    expect(r.evictions).toBe(1);
    expect(r.size).toBe(2);
  });
});

describe('PendingRecords', () => {
  it('keeps the longest expiry of a digest and gives records from now', () => {
    const p = new PendingRecords();
    p.add([{ digest: 'a', ttlMs: 1000 }], T0);
    p.add([{ digest: 'a', ttlMs: 5000 }, { digest: 'b', ttlMs: 10 }], T0);
    expect(p.take(T0 + 100)).toEqual([{ digest: 'a', ttlMs: 4900 }]);
    p.written(p.take(T0 + 100));
    expect(p.size).toBe(1);
  });

  it('marks itself overflowed past its bound, until what it held is written', () => {
    const p = new PendingRecords();
    p.add(Array.from({ length: PENDING_RECORDS_MAX + 5 }, (_, i) => ({ digest: `d${i}`, ttlMs: HOUR })), T0);
    expect(p.size).toBe(PENDING_RECORDS_MAX);
    expect(p.overflowed).toBe(true);
    p.written(p.take(T0));
    expect(p.overflowed).toBe(false);
    expect(p.size).toBe(0);
  });
});
