import { describe, expect, it } from 'vitest';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import type { ReputationEvent } from '../../src/reputation/types.js';

const HOUR = 3_600_000;
const params = { halfLifeMs: HOUR, maturityMs: 6 * HOUR, cleanRequestsScale: 100 };
const T0 = 1_700_000_000_000;

let attackNo = 0;
/** A decisive attack, each a different request (its own digest). */
const attack = (key: string, at: number): ReputationEvent => ({ key, at, attackScore: 0.95, blocked: true, decisive: true, digest: `a${attackNo++}` });
const attacks = async (store: MemoryReputationStore, key: string, at: number, n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await store.record(attack(key, at));
};
const clean = (key: string, at: number): ReputationEvent => ({ key, at, attackScore: 0.01, blocked: false });

describe('MemoryReputationStore', () => {
  it('answers a neutral reputation for a new source', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    expect(await store.get('ip:1.2.3.4', T0)).toEqual({
      key: 'ip:1.2.3.4',
      score: 0,
      requests: 0,
      attacks: 0,
      blocks: 0,
      trusted: false,
      clean: 0,
      attackEvidence: 0,
      attackers: 0,
      cleanSinceAttack: 0,
    });
    expect(store.size).toBe(0);
  });

  it('never turns hostile from one or two decisive attacks: one mistake is not a campaign', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await attacks(store, 'k', T0, 2);
    expect(await store.get('k', T0)).toMatchObject({ score: 0, attacks: 2, blocks: 2 });
  });

  it('turns hostile after three distinct decisive attacks and forgives with the half-life', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await attacks(store, 'k', T0, 3);
    const now = await store.get('k', T0);
    const later = await store.get('k', T0 + 0.5 * HOUR);
    const muchLater = await store.get('k', T0 + 2 * HOUR);
    expect(now.score).toBe(-1);
    expect(now.attackEvidence).toBeCloseTo(0.95);
    expect(later.score).toBeGreaterThan(now.score);
    expect(later.score).toBeLessThan(0);
    expect(muchLater.score).toBe(0);
    expect(now.blocks).toBeCloseTo(3);
  });

  it('counts an attack identical to the one before it once (a retried form is one mistake)', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    for (let i = 0; i < 5; i++) await store.record({ key: 'k', at: T0, attackScore: 0.9, blocked: true, decisive: true, digest: 'same' });
    expect(await store.get('k', T0)).toMatchObject({ score: 0, attacks: 1, blocks: 5 });
  });

  it('never counts a request that reputation lifted into a block (not decisive) as an attack', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    for (let i = 0; i < 5; i++) await store.record({ key: 'k', at: T0, attackScore: 0.6, blocked: true, decisive: false, digest: `l${i}` });
    expect(await store.get('k', T0)).toMatchObject({ score: 0, attacks: 0, blocks: 5 });
  });

  it('recovers on clean traffic without waiting for the half-life', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await attacks(store, 'k', T0, 4);
    const hostile = (await store.get('k', T0)).score;
    for (let i = 0; i < 20; i++) await store.record(clean('k', T0));
    const after20 = await store.get('k', T0);
    for (let i = 0; i < 60; i++) await store.record(clean('k', T0));
    expect(hostile).toBe(-1);
    expect(after20).toMatchObject({ cleanSinceAttack: 20 });
    expect(after20.score).toBeCloseTo(-Math.exp(-1), 5);
    expect((await store.get('k', T0)).score).toBeGreaterThan(-0.02);
  });

  it('counts new attackers at an address, once per client', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await store.record({ ...attack('ip:a', T0), newAttacker: true, digest: 'client-1' });
    await store.record({ ...attack('ip:a', T0), newAttacker: true, digest: 'client-1' });
    await store.record({ ...attack('ip:a', T0), newAttacker: false, digest: 'client-2' });
    await store.record({ ...attack('ip:a', T0), newAttacker: true, digest: 'client-3' });
    expect(await store.get('ip:a', T0)).toMatchObject({ attackers: 2, attacks: 3 });
  });

  it('halves every count per half-life', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    for (let i = 0; i < 8; i++) await store.record(clean('k', T0));
    expect((await store.get('k', T0 + HOUR)).requests).toBeCloseTo(4);
    expect((await store.get('k', T0 + 3 * HOUR)).requests).toBeCloseTo(1);
  });

  it('gives more benefit to a long-clean source than to a burst of clean requests', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    for (let i = 0; i < 300; i++) await store.record(clean('burst', T0 + i));
    for (let i = 0; i < 300; i++) await store.record(clean('steady', T0 + i * 72_000)); // one every 72 s for 6 h
    const end = T0 + 6 * HOUR;
    const burstNow = await store.get('burst', T0 + 300);
    const steady = await store.get('steady', end);
    expect(burstNow.score).toBeGreaterThanOrEqual(0);
    expect(burstNow.score).toBeLessThan(0.01);
    expect(steady.score).toBeGreaterThan(0.5);
  });

  it('lets a few attacks outweigh a long clean history, but not one', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    for (let i = 0; i < 300; i++) await store.record(clean('k', T0 + i * 72_000));
    await store.record(attack('k', T0 + 6 * HOUR));
    expect((await store.get('k', T0 + 6 * HOUR)).score).toBeGreaterThan(0);
    await attacks(store, 'k', T0 + 6 * HOUR, 2);
    expect((await store.get('k', T0 + 6 * HOUR)).score).toBe(-1);
  });

  it('does not count a low score as an attack nor as clean', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await store.record({ key: 'k', at: T0, attackScore: 0.3, blocked: false });
    const r = await store.get('k', T0);
    expect(r).toMatchObject({ score: 0, requests: 1, attacks: 0, blocks: 0 });
  });

  it('stays within maxEntries, evicting the least recently recorded source', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) await store.record(attack(k, T0));
    await store.record(attack('a', T0 + 1)); // a is now most recent
    await store.record(attack('d', T0 + 2));
    expect(store.size).toBe(3);
    expect(store.has('b')).toBe(false);
    expect(store.has('a')).toBe(true);
    expect(store.evictions).toBe(1);
    for (let i = 0; i < 1000; i++) await store.record(clean(`spray-${i}`, T0));
    expect(store.size).toBe(3);
  });

  it('does not take a slot for lookups', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 3 });
    for (let i = 0; i < 10; i++) await store.get(`k${i}`, T0);
    expect(store.size).toBe(0);
  });

  it('gives trusted sources the full benefit whatever they did', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10, isTrusted: (k) => k === 'ip:192.0.2.1' });
    await attacks(store, 'ip:192.0.2.1', T0, 3);
    expect(await store.get('ip:192.0.2.1', T0)).toMatchObject({ score: 1, trusted: true, attacks: 3 });
    expect(await store.get('ip:192.0.2.9', T0)).toMatchObject({ score: 0, trusted: false });
  });

  it('never grows a history when an event arrives with an older clock', async () => {
    const store = new MemoryReputationStore({ ...params, maxEntries: 10 });
    await store.record(clean('k', T0 + HOUR));
    await store.record(clean('k', T0));
    expect((await store.get('k', T0 + HOUR)).requests).toBeCloseTo(2);
  });
});
