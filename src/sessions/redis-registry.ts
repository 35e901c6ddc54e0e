import { Redis } from 'ioredis';
import { redisReady } from '../net/redis-ready.js';
import { REFRESH_DIVISOR, type IssuedRecord } from './registry.js';
import { SharedRegistry, type SharedRegistryOptions } from './shared-registry.js';

export interface RedisRegistryOptions extends SharedRegistryOptions {
  url: string;
  keyPrefix: string;
  ttlMs: number;
  warmupMs: number;
}

/**
 * The warm-up anchor (when the shared registry began recording) expires when no instance has
 * refreshed it for this long: a registry nobody watched for a minute may have missed sessions, so
 * the warm-up starts again. Every instance refreshes it every `ANCHOR_REFRESH_MS`.
 */
export const ANCHOR_GAP_MS = 60_000;
export const ANCHOR_REFRESH_MS = 10_000;

/**
 * KEYS[1] = anchor, KEYS[2..] = ids; ARGV = now, ttlMs, gapMs, refreshBelowMs. Returns the anchor
 * (set to now when it was gone: a registry that lost its data starts a new warm-up) and 1/0 per id; a
 * known id's expiry is raised to ttlMs once less than refreshBelowMs is left (never lowered: a long
 * Max-Age stays; not on every request: no write per lookup).
 */
const LOOKUP_SCRIPT = `
local a = redis.call('GET', KEYS[1])
if not a then
  a = ARGV[1]
  redis.call('SET', KEYS[1], a, 'PX', ARGV[3])
end
local ttl = tonumber(ARGV[2])
local out = {a}
for i = 2, #KEYS do
  local t = redis.call('PTTL', KEYS[i])
  if t == -2 then out[i] = 0 else
    if t >= 0 and t < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[i], ttl) end
    out[i] = 1
  end
end
return out
`;

/**
 * KEYS[1] = anchor, KEYS[2..] = ids; ARGV = now, gapMs, restart (1: records were lost, the warm-up
 * starts again), then one TTL per id. An id's expiry is raised to its TTL, never lowered, and left
 * alone while it has lost less than a sixteenth of it (a cookie re-sent with every answer).
 */
const RECORD_SCRIPT = `
if ARGV[3] == '1' or redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
for i = 2, #KEYS do
  local ttl = tonumber(ARGV[i + 2])
  local t = redis.call('PTTL', KEYS[i])
  if t < ttl - math.floor(ttl / ${REFRESH_DIVISOR}) then redis.call('SET', KEYS[i], '1', 'PX', ttl) end
end
return 1
`;

/** KEYS[1] = anchor; ARGV = now, gapMs. Keeps the anchor alive (or starts one). */
const ANCHOR_SCRIPT = `
if redis.call('PEXPIRE', KEYS[1], ARGV[2]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 1
`;

interface RedisWithSessionScripts extends Redis {
  wardenSessionLookup(numKeys: number, ...args: (string | number)[]): Promise<(string | number)[]>;
  wardenSessionRecord(numKeys: number, ...args: (string | number)[]): Promise<number>;
  wardenSessionAnchor(key: string, now: number, gapMs: number): Promise<number>;
}

/**
 * Issued session ids shared by every instance through Redis: one key per digest
 * (`<prefix>id:<digest>`, value 1, Redis's own expiry) and the warm-up anchor (`<prefix>anchor`).
 * Lookup and record are one Lua script each, one round trip. Redis down: `SharedRegistry`.
 */
export class RedisSessionRegistry extends SharedRegistry {
  readonly kind = 'redis' as const;
  private readonly redis: RedisWithSessionScripts;
  private readonly anchorKey: string;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly redisOptions: RedisRegistryOptions) {
    super('redis', redisOptions);
    this.anchorKey = `${redisOptions.keyPrefix}anchor`;
    const redis = new Redis(redisOptions.url, {
      // Each operation has its own budget (settleWithin); this one bounds what a hung server holds queued.
      commandTimeout: Math.max(1_000, redisOptions.timeoutMs * 10),
      connectTimeout: Math.max(200, redisOptions.timeoutMs * 20),
      enableOfflineQueue: false,
      // The ready check is itself a command and would be cut by a short command timeout.
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2000)),
    });
    redis.defineCommand('wardenSessionLookup', { lua: LOOKUP_SCRIPT });
    redis.defineCommand('wardenSessionRecord', { lua: RECORD_SCRIPT });
    redis.defineCommand('wardenSessionAnchor', { numberOfKeys: 1, lua: ANCHOR_SCRIPT });
    this.redis = redis as RedisWithSessionScripts;
    this.redis.on('ready', () => {
      this.outage.succeeded(true);
      this.refreshAnchor();
    });
    this.redis.on('error', (err: Error) => this.outage.down(err.message));
    this.redis.on('close', () => {
      if (!this.closed) this.outage.down('connection closed');
    });
    this.heartbeat = setInterval(() => this.refreshAnchor(), ANCHOR_REFRESH_MS);
    this.heartbeat.unref();
  }

  private refreshAnchor(): void {
    if (this.redis.status !== 'ready') return;
    this.redis.wardenSessionAnchor(this.anchorKey, Date.now(), ANCHOR_GAP_MS).catch(() => undefined);
  }

  connected(): boolean {
    return this.redis.status === 'ready';
  }

  whenReady(): Promise<boolean> {
    return redisReady(this.redis);
  }

  protected async remoteLookup(digests: readonly string[], now: number): Promise<{ issued: boolean[]; warm: boolean }> {
    const keys = digests.map((d) => `${this.redisOptions.keyPrefix}id:${d}`);
    const { ttlMs } = this.redisOptions;
    const out = await this.redis.wardenSessionLookup(keys.length + 1, this.anchorKey, ...keys, now, ttlMs, ANCHOR_GAP_MS, Math.floor(ttlMs - ttlMs / REFRESH_DIVISOR));
    const anchor = Number(out[0]);
    const issued: boolean[] = [];
    for (let i = 1; i < out.length; i++) issued.push(out[i] === 1);
    return { issued, warm: now - anchor >= this.redisOptions.warmupMs };
  }

  protected async remoteRecord(records: readonly IssuedRecord[], now: number, restartWarmup: boolean): Promise<void> {
    const keys = records.map((r) => `${this.redisOptions.keyPrefix}id:${r.digest}`);
    await this.redis.wardenSessionRecord(keys.length + 1, this.anchorKey, ...keys, now, ANCHOR_GAP_MS, restartWarmup ? 1 : 0, ...records.map((r) => Math.ceil(r.ttlMs)));
  }

  protected async remoteForget(digests: readonly string[]): Promise<void> {
    await this.redis.del(...digests.map((d) => `${this.redisOptions.keyPrefix}id:${d}`));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
