import { describe, expect, it } from 'vitest';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import { SourceReputation } from '../../src/reputation/source-reputation.js';
import type { SourceKeys } from '../../src/reputation/source-key.js';
import type { Inspection } from '../../src/inspect/types.js';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

function setup() {
  const store = new MemoryReputationStore({ halfLifeMs: HOUR, maturityMs: 0, cleanRequestsScale: 100, maxEntries: 1000 });
  const identity = { keysOf: (i: Inspection): SourceKeys => ({ client: `ip:${i.source.ip}|fp:x`, address: `ip:${i.source.ip}` }) };
  const source = new SourceReputation(store, identity, { minAttackers: 3, recoveryCleanRequests: 20, establishedClean: 3, minAttackShare: 0.1 });
  const keys = (ip: string, client: string): SourceKeys => ({ client: `ip:${ip}|fp:${client}`, address: `ip:${ip}` });
  let n = 0;
  const attack = async (k: SourceKeys, at = T0) => {
    const before = await source.lookup(k, at);
    await source.record(k, before.client, { at, attackScore: 0.95, blocked: true, decisive: true, digest: `r${n++}` });
  };
  const clean = async (k: SourceKeys, at = T0) => {
    const before = await source.lookup(k, at);
    await source.record(k, before.client, { at, attackScore: 0, blocked: false, decisive: false });
  };
  return { source, keys, attack, clean };
}

describe('SourceReputation', () => {
  it('keeps a hostile client to itself: another client behind the same address is not touched', async () => {
    const { source, keys, attack } = setup();
    const scanner = keys('198.51.100.1', 'scanner');
    for (let i = 0; i < 5; i++) await attack(scanner);
    expect((await source.lookup(scanner, T0)).combined).toMatchObject({ score: -1, hostileScope: 'client', attacks: 5 });
    const neighbour = (await source.lookup(keys('198.51.100.1', 'browser'), T0)).combined;
    expect(neighbour.score).toBe(0);
    expect(neighbour.hostileScope).toBeUndefined();
  });

  it('counts one scanner as one attacker at its address, however many requests it sent', async () => {
    const { source, keys, attack } = setup();
    for (let i = 0; i < 10; i++) await attack(keys('198.51.100.2', 'scanner'));
    expect((await source.lookup(keys('198.51.100.2', 'x'), T0)).address).toMatchObject({ attackers: 1 });
  });

  it('makes an address hostile for its new clients when three distinct clients attacked from it', async () => {
    const { source, keys, attack } = setup();
    for (let i = 0; i < 2; i++) await attack(keys('198.51.100.3', `rotating-${i}`));
    expect((await source.lookup(keys('198.51.100.3', 'new'), T0)).combined.score).toBe(0);
    await attack(keys('198.51.100.3', 'rotating-2'));
    const fresh = (await source.lookup(keys('198.51.100.3', 'new'), T0)).combined;
    expect(fresh).toMatchObject({ score: -1, hostileScope: 'address', key: 'ip:198.51.100.3', attackers: 3 });
  });

  it('never judges an established session by its address, and lets clean traffic at the address recover it', async () => {
    const { source, keys, attack, clean } = setup();
    const session = keys('198.51.100.4', 'session');
    for (let i = 0; i < 3; i++) await clean(session);
    for (let i = 0; i < 4; i++) await attack(keys('198.51.100.4', `rotating-${i}`));
    expect((await source.lookup(session, T0)).combined.score).toBeGreaterThanOrEqual(0);
    expect((await source.lookup(keys('198.51.100.4', 'new'), T0)).combined.score).toBe(-1);
    for (let i = 0; i < 60; i++) await clean(keys('198.51.100.4', `visitor-${i}`));
    expect((await source.lookup(keys('198.51.100.4', 'new'), T0)).combined.score).toBeGreaterThan(-0.06);
  });

  it('never makes a busy address hostile from the occasional mistakes of its many users', async () => {
    const { source, keys, attack, clean } = setup();
    for (let i = 0; i < 80; i++) {
      await clean(keys('100.64.0.1', `user-${i}`));
      // One decisive false positive every 20 requests, each from a different user.
      if (i % 20 === 19) await attack(keys('100.64.0.1', `user-${i}`));
    }
    const address = (await source.lookup(keys('100.64.0.1', 'new'), T0)).address!;
    expect(address.attackers).toBeCloseTo(4);
    expect((await source.lookup(keys('100.64.0.1', 'new'), T0)).combined).toMatchObject({ score: 0 });
  });
});
