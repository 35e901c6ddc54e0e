import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { FAILURES_TO_TRIP, RedisReputationStore, TRIP_AFTER_BUDGETS, type RedisStoreOptions } from '../../src/reputation/redis-store.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import type { StoreLog } from '../../src/reputation/store-log.js';
import type { ReputationEvent } from '../../src/reputation/types.js';
import { REDIS_BINARY, startRedis, type TestRedis } from './redis-server.js';

const HOUR = 3_600_000;
const T0 = 1_700_000_000_000;
const params = { halfLifeMs: HOUR, maturityMs: 6 * HOUR, cleanRequestsScale: 100 };

interface LogLine {
  level: 'info' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

function capturingLog(lines: LogLine[]): StoreLog {
  return {
    info: (fields, message) => lines.push({ level: 'info', fields: fields as Record<string, unknown>, message }),
    error: (fields, message) => lines.push({ level: 'error', fields: fields as Record<string, unknown>, message }),
  };
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!existsSync(REDIS_BINARY))('RedisReputationStore against a real redis-server', () => {
  let redis: TestRedis;
  const stores: RedisReputationStore[] = [];
  const open = (extra: Partial<RedisStoreOptions> = {}): RedisReputationStore => {
    const store = new RedisReputationStore({
      ...params,
      url: redis.url,
      keyPrefix: 'test:rep:',
      ttlMs: 10 * HOUR,
      // Generous: CI shares two cores; the few-ms default is for production.
      timeoutMs: 1_000,
      retryAfterMs: 100,
      maxEntries: 1000,
      log: capturingLog([]),
      ...extra,
    });
    stores.push(store);
    return store;
  };
  const ready = (store: RedisReputationStore) => eventually(() => store.stats().redisUp);

  beforeAll(async () => {
    redis = await startRedis(await freePort());
  });

  afterAll(async () => {
    for (const s of stores) await s.close();
    await redis?.stop();
  });

  it('shares state between two store instances', async () => {
    const a = open();
    const b = open();
    await Promise.all([ready(a), ready(b)]);
    for (let i = 0; i < 3; i++) await a.record({ key: 'ip:198.51.100.1', at: T0, attackScore: 0.9, blocked: true, decisive: true, digest: `d${i}` });
    const seen = await b.get('ip:198.51.100.1', T0);
    expect(seen.score).toBe(-1);
    expect(seen).toMatchObject({ requests: 3, attacks: 3, blocks: 3, attackEvidence: 0.9 });
    expect(b.local.has('ip:198.51.100.1')).toBe(false);
    expect(a.stats()).toMatchObject({ fallbacks: 0, outages: 0, redisUp: true });
  });

  it('applies concurrent updates from several instances atomically', async () => {
    const a = open();
    const b = open();
    await Promise.all([ready(a), ready(b)]);
    const events: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      const ev: ReputationEvent = { key: 'ip:198.51.100.2', at: T0, attackScore: 0.01, blocked: false };
      events.push((i % 2 === 0 ? a : b).record(ev));
    }
    await Promise.all(events);
    expect((await a.get('ip:198.51.100.2', T0)).requests).toBeCloseTo(50);
  });

  it('computes the same history as the memory store (one decay rule in Lua and in TypeScript)', async () => {
    const store = open();
    await ready(store);
    const memory = new MemoryReputationStore({ ...params, maxEntries: 10 });
    const key = 'ip:198.51.100.3';
    const events: ReputationEvent[] = [
      { key, at: T0, attackScore: 0.05, blocked: false },
      { key, at: T0 + 600_000, attackScore: 0.7, blocked: false },
      { key, at: T0 + 1_800_000, attackScore: 0.99, blocked: true },
      { key, at: T0 + 1_800_001, attackScore: 0.9, blocked: true, decisive: true, digest: 'x', newAttacker: true },
      { key, at: T0 + 1_800_002, attackScore: 0.9, blocked: true, decisive: true, digest: 'x', newAttacker: true },
      { key, at: T0 + 1_800_003, attackScore: 0.8, blocked: true, decisive: true, digest: 'y' },
      { key, at: T0 + 1_800_004, attackScore: 0.6, blocked: true, decisive: false },
      { key, at: T0 + 1_700_000, attackScore: 0.1, blocked: false },
      { key, at: T0 + 1_900_000, attackScore: 0.01, blocked: false },
      { key, at: T0 + 5 * HOUR, attackScore: 0, blocked: false },
    ];
    for (const ev of events) {
      await store.record(ev);
      await memory.record(ev);
    }
    const fromRedis = await store.get(key, T0 + 6 * HOUR);
    const fromMemory = await memory.get(key, T0 + 6 * HOUR);
    for (const field of ['score', 'requests', 'attacks', 'blocks', 'clean', 'attackEvidence', 'attackers', 'cleanSinceAttack'] as const) {
      expect(fromRedis[field]).toBeCloseTo(fromMemory[field], 9);
    }
    expect(fromMemory).toMatchObject({ cleanSinceAttack: 3 });
    expect(fromMemory.attackers).toBeGreaterThan(0);
    const atAttack = await store.get(key, T0 + 1_800_004);
    expect(atAttack.attacks).toBeCloseTo((await memory.get(key, T0 + 1_800_004)).attacks, 9);
  });

  it('sets a TTL on every key under the configured prefix', async () => {
    const store = open({ keyPrefix: 'ttl:rep:', ttlMs: 60_000 });
    await ready(store);
    await store.record({ key: 'ip:198.51.100.4', at: T0, attackScore: 0, blocked: false });
    const { Redis } = await import('ioredis');
    const probe = new Redis(redis.url);
    try {
      const ttl = await probe.pttl('ttl:rep:ip:198.51.100.4');
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      probe.disconnect();
    }
  });

  it('falls back to local reputation when Redis dies, loudly and without throwing, and recovers when it is back', async () => {
    const lines: LogLine[] = [];
    let counted = 0;
    const store = open({ log: capturingLog(lines), onFallback: () => counted++ });
    const peer = open();
    await Promise.all([ready(store), ready(peer)]);
    const key = 'ip:203.0.113.66';
    for (let i = 0; i < 3; i++) await store.record({ key, at: T0, attackScore: 0.95, blocked: true, decisive: true, digest: `d${i}` });

    await redis.kill();
    // The local copy written beside Redis keeps this instance's own memory of the attacker.
    const started = performance.now();
    const during = await store.get(key, T0);
    const elapsed = performance.now() - started;
    expect(during.score).toBeLessThan(-0.5);
    expect(elapsed).toBeLessThan(250);
    await expect(store.record({ key, at: T0 + 1, attackScore: 0.9, blocked: true })).resolves.toBeUndefined();
    await expect(store.get('ip:203.0.113.67', T0)).resolves.toMatchObject({ score: 0 });

    const stats = store.stats();
    expect(stats.redisUp).toBe(false);
    expect(stats.fallbacks).toBeGreaterThanOrEqual(3);
    expect(stats.outages).toBe(1);
    expect(counted).toBe(stats.fallbacks);
    const down = lines.filter((l) => l.level === 'error');
    expect(down).toHaveLength(1);
    expect(down[0].fields).toMatchObject({ event: 'reputation-store-down', code: 'WARDEN_REPUTATION_REDIS_UNAVAILABLE' });

    await redis.restart();
    await Promise.all([ready(store), ready(peer)]);
    expect(lines.some((l) => l.fields.event === 'reputation-store-up')).toBe(true);
    // Shared again: what one instance records, the other sees.
    await store.record({ key: 'ip:203.0.113.68', at: T0, attackScore: 0.9, blocked: true });
    expect((await peer.get('ip:203.0.113.68', T0)).blocks).toBeCloseTo(1);
    const fallbacksAfter = store.stats().fallbacks;
    await store.get('ip:203.0.113.68', T0);
    expect(store.stats().fallbacks).toBe(fallbacksAfter);
  });

  it('bounds the cost of a hung Redis to one lookup timeout per request, then skips it until retryAfter', async () => {
    const lines: LogLine[] = [];
    const store = open({ timeoutMs: 50, retryAfterMs: 60_000, log: capturingLog(lines) });
    await ready(store);
    redis.pause();
    try {
      // Each lookup waits at most its budget (generous bound: CI is loaded) until the failures have lasted TRIP_AFTER_BUDGETS budgets.
      let lookups = 0;
      while (store.stats().redisUp && lookups < 100) {
        const t = performance.now();
        await expect(store.get('ip:198.51.100.9', T0)).resolves.toMatchObject({ score: 0 });
        expect(performance.now() - t).toBeLessThan(1_000);
        lookups++;
      }
      expect(lookups).toBeGreaterThanOrEqual(FAILURES_TO_TRIP);
      expect(lookups).toBeLessThanOrEqual(TRIP_AFTER_BUDGETS + 1);
      const t = performance.now();
      for (let i = 0; i < 20; i++) await store.get('ip:198.51.100.9', T0);
      expect(performance.now() - t).toBeLessThan(100);
      expect(store.stats()).toMatchObject({ redisUp: false, outages: 1, fallbacks: lookups + 20, operations: lookups + 20 });
      expect(lines.filter((l) => l.fields.event === 'reputation-store-down')).toHaveLength(1);
    } finally {
      redis.resume();
    }
  });

  it('treats one slow answer as one fallback, not an outage', async () => {
    const lines: LogLine[] = [];
    const store = open({ timeoutMs: 100, log: capturingLog(lines) });
    await ready(store);
    // Redis stalls for a moment (a fork, a scheduler hiccup): this one lookup cannot be answered in time.
    redis.pause();
    try {
      await store.get('ip:198.51.100.10', T0);
    } finally {
      redis.resume();
    }
    await store.get('ip:198.51.100.10', T0);
    expect(store.stats()).toMatchObject({ redisUp: true, outages: 0, fallbacks: 1, operations: 2 });
    expect(lines).toHaveLength(0);
  });

  it('does not blame Redis for its own busy event loop: an answer that arrived while the loop was blocked wins over the timer', async () => {
    const store = open({ timeoutMs: 50 });
    await ready(store);
    await store.record({ key: 'ip:198.51.100.11', at: T0, attackScore: 0.9, blocked: true });
    const pending = store.get('ip:198.51.100.11', T0);
    // 10× the budget of synchronous work (a large body being inspected): the timer and Redis's reply are both due.
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // busy
    }
    expect((await pending).blocks).toBeCloseTo(1);
    expect(store.stats()).toMatchObject({ fallbacks: 0, outages: 0 });
  });

  it('answers locally at once when Redis was never reachable', async () => {
    const lines: LogLine[] = [];
    const store = open({ url: `redis://127.0.0.1:${await freePort()}`, log: capturingLog(lines) });
    await store.record({ key: 'k', at: T0, attackScore: 0.9, blocked: true });
    expect((await store.get('k', T0)).blocks).toBeCloseTo(1);
    expect(store.stats().fallbacks).toBe(2);
    await eventually(() => lines.some((l) => l.level === 'error'));
  });
});
