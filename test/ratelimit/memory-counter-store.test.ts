import { describe, expect, it } from 'vitest';
import { MemoryCounterStore } from '../../src/ratelimit/counter-store.js';

const spec = { id: 'per-tenant', limit: 2, windowSeconds: 60, burst: 0, burstWindowSeconds: 600 };

describe('the memory counter store', () => {
  it('counts per key in a fixed window: limit passes, the next is refused with the time left', async () => {
    const store = new MemoryCounterStore();
    const counts = [await store.consume(spec, 'a'), await store.consume(spec, 'a'), await store.consume(spec, 'a')];
    expect(counts.map((c) => [c.limited, c.remaining, c.consumed])).toEqual([
      [false, 1, 1],
      [false, 0, 2],
      [true, 0, 3],
    ]);
    expect(counts[2].resetMs).toBeGreaterThan(59_000);
    expect((await store.consume(spec, 'b')).limited).toBe(false);
  });

  it('lets a key with burst pass burst more once its limit is spent, then refuses', async () => {
    const store = new MemoryCounterStore();
    const bursty = { ...spec, id: 'login', burst: 2 };
    const limited = [];
    for (let i = 0; i < 5; i++) limited.push((await store.consume(bursty, 'ip=1')).limited);
    expect(limited).toEqual([false, false, false, false, true]);
  });

  it('bounds the keys of a rule: past maxKeysPerRule, new keys share one overflow counter and old keys keep theirs', async () => {
    const store = new MemoryCounterStore(3);
    for (const k of ['a', 'b', 'c']) expect((await store.consume(spec, k)).consumed).toBe(1);
    // A flood of new keys: all counted under ~overflow, so together they get one limit.
    const flood = [];
    for (const k of ['d', 'e', 'f']) flood.push(await store.consume(spec, k));
    expect(flood.map((c) => [c.consumed, c.limited])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // A key counted before the bound was reached goes on with its own count.
    expect((await store.consume(spec, 'a')).consumed).toBe(2);
  });
});
