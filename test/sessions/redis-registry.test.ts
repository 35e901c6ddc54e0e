import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/nginx.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../reputation/redis-server.js';
import { RedisSessionRegistry, type RedisRegistryOptions } from '../../src/sessions/redis-registry.js';
import type { StoreLog } from '../../src/reputation/store-log.js';

const HOUR = 3_600_000;

interface LogLine {
  level: 'info' | 'error';
  fields: Record<string, unknown>;
}

const capture = (lines: LogLine[]): StoreLog => ({
  info: (fields) => lines.push({ level: 'info', fields: fields as Record<string, unknown> }),
  error: (fields) => lines.push({ level: 'error', fields: fields as Record<string, unknown> }),
});

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!existsSync(REDIS_BINARY))('RedisSessionRegistry against a real redis-server', () => {
  let redis: TestRedis;
  let admin: Redis;
  let open: RedisSessionRegistry[] = [];
  let prefix = 0;
  const registry = (p: string, extra: Partial<RedisRegistryOptions> = {}, log: LogLine[] = []): RedisSessionRegistry => {
    const r = new RedisSessionRegistry({
      url: redis.url,
      keyPrefix: p,
      // Generous: CI shares two cores; the 50 ms default is for production.
      timeoutMs: 5_000,
      retryAfterMs: 50,
      ttlMs: HOUR,
      warmupMs: HOUR,
      log: capture(log),
      ...extra,
    });
    open.push(r);
    return r;
  };
  const freshPrefix = (): string => `t${++prefix}:sess:`;

  beforeAll(async () => {
    redis = await startRedis(await freePort());
    admin = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    // The test's own client sees the outages the tests cause (redis.kill()); without a listener ioredis prints each as unhandled.
    admin.on('error', () => {});
  });
  afterEach(async () => {
    await Promise.all(open.map((r) => r.close()));
    open = [];
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });

  it('shares issued ids between two instances, and stores only digests', async () => {
    const p = freshPrefix();
    const a = registry(p);
    const b = registry(p);
    await eventually(() => a.connected() && b.connected());
    const now = Date.now();
    await a.record([{ digest: 'dA', ttlMs: HOUR }], now);
    expect(a.pending.size).toBe(0);
    expect(await b.lookup(['dA', 'dB'], now)).toEqual({ issued: [true, false], warm: false });
    expect((await admin.keys(`${p}*`)).sort()).toEqual([`${p}anchor`, `${p}id:dA`]);
    const ttl = await admin.pttl(`${p}id:dA`);
    expect(ttl).toBeGreaterThan(HOUR - 60_000);
    expect(ttl).toBeLessThanOrEqual(HOUR);
    // A logout through B ends it for A too.
    await b.forget(['dA']);
    expect((await a.lookup(['dA'], now))?.issued).toEqual([false]);
  });

  it('is warm when the shared anchor is older than the warm-up, whichever instance set it', async () => {
    const p = freshPrefix();
    const a = registry(p);
    await eventually(() => a.connected());
    const now = Date.now();
    expect((await a.lookup(['x'], now))?.warm).toBe(false);
    await admin.set(`${p}anchor`, String(now - HOUR - 1), 'PX', 60_000);
    expect(await a.lookup(['x'], now)).toEqual({ issued: [false], warm: true });
    // A second instance started now enforces at once: the registry has been watched for an hour.
    const b = registry(p);
    await eventually(() => b.connected());
    expect((await b.lookup(['x'], now))?.warm).toBe(true);
  });

  it('raises a known id to the TTL when it is used, never lowers a longer one', async () => {
    const p = freshPrefix();
    const a = registry(p);
    await eventually(() => a.connected());
    const now = Date.now();
    await a.record([{ digest: 'short', ttlMs: 60_000 }, { digest: 'long', ttlMs: 10 * HOUR }], now);
    await a.lookup(['short', 'long'], now);
    expect(await admin.pttl(`${p}id:short`)).toBeGreaterThan(HOUR - 60_000);
    expect(await admin.pttl(`${p}id:long`)).toBeGreaterThan(9 * HOUR);
    // Just extended: the next lookups leave it alone (no write per request).
    await admin.pexpire(`${p}id:short`, HOUR - 60_000);
    await a.lookup(['short'], now);
    expect(await admin.pttl(`${p}id:short`)).toBeLessThanOrEqual(HOUR - 60_000);
  });

  it('answers unknown while Redis is down (logged once), keeps records, writes them when it is back', async () => {
    const p = freshPrefix();
    const log: LogLine[] = [];
    const a = registry(p, {}, log);
    const b = registry(p);
    await eventually(() => a.connected() && b.connected());
    await redis.kill();
    await eventually(() => !a.connected() && !b.connected());
    const now = Date.now();
    expect(await a.lookup(['x'], now)).toBeNull();
    await a.record([{ digest: 'during', ttlMs: HOUR }], now);
    expect(await a.lookup(['during'], now)).toBeNull();
    expect(a.pending.size).toBe(1);
    expect(log.filter((l) => l.fields.event === 'session-store-down')).toHaveLength(1);
    expect(log.filter((l) => l.fields.code === 'WARDEN_SESSIONS_STORE_UNAVAILABLE')).toHaveLength(1);
    // Back, empty (no persistence): the registry lost everything, so a new warm-up starts.
    await redis.restart();
    await eventually(() => a.connected() && b.connected());
    await eventually(async () => (await a.lookup(['during'], Date.now())) !== null);
    expect(a.pending.size).toBe(0);
    expect(await b.lookup(['during', 'other'], Date.now())).toEqual({ issued: [true, false], warm: false });
    expect(log.some((l) => l.fields.event === 'session-store-up')).toBe(true);
  }, 60_000);

  it('answers unknown for a Redis that hangs with its socket open', async () => {
    const p = freshPrefix();
    const a = registry(p, { timeoutMs: 100 });
    await eventually(() => a.connected());
    redis.pause();
    try {
      expect(await a.lookup(['x'], Date.now())).toBeNull();
    } finally {
      redis.resume();
    }
    await eventually(async () => (await a.lookup(['x'], Date.now())) !== null);
  }, 30_000);

  it('restarts the shared warm-up when records were lost past the pending bound', async () => {
    const p = freshPrefix();
    const a = registry(p);
    await eventually(() => a.connected());
    const now = Date.now();
    await admin.set(`${p}anchor`, String(now - 2 * HOUR), 'PX', 60_000);
    expect((await a.lookup([], now))?.warm).toBe(true);
    a.pending.overflowed = true;
    expect((await a.lookup([], now))?.warm).toBe(false);
    expect(Number(await admin.get(`${p}anchor`))).toBe(now);
  });
});
