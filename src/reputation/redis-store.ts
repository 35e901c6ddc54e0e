import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Reputation, ReputationEvent, ReputationStore } from './types.js';
import { incrementOf, reputationOf, type HistoryParams, type SourceHistory } from './history.js';
import { MemoryReputationStore } from './memory-store.js';
import { reputationRedisUnavailable } from './errors.js';
import { stderrStoreLog, type StoreLog } from './store-log.js';

export interface RedisStoreOptions extends HistoryParams {
  url: string;
  keyPrefix: string;
  ttlMs: number;
  /** ioredis command timeout: a hung Redis costs a request at most this. */
  timeoutMs: number;
  /** After a failed command, Redis is not tried again for this long. */
  retryAfterMs: number;
  /** Bound of the local store that answers while Redis is down. */
  maxEntries: number;
  isTrusted?: (key: string) => boolean;
  log?: StoreLog;
  /** Called on every request answered locally because Redis was unavailable (wire a metrics counter here). */
  onFallback?: (operation: 'get' | 'record') => void;
}

export interface RedisStoreStats {
  redisUp: boolean;
  /** Operations answered from local memory because Redis was unavailable. */
  fallbacks: number;
  /** Transitions from up to down. */
  outages: number;
}

/**
 * Decay-then-add in one atomic step, so concurrent instances never lose each other's updates; the
 * same rule as `applyEvent` in history.ts (an attack counts unless its digest repeats the last one).
 * Lua numbers become strings with `%.17g` so no precision is lost on the way back to Node.
 * KEYS[1] = history hash; ARGV = at, halfLifeMs, ttlMs, clean, decisive, evidence, newAttacker, blocks, digest.
 */
const RECORD_SCRIPT = `
local at = tonumber(ARGV[1])
local half = tonumber(ARGV[2])
local v = redis.call('HMGET', KEYS[1], 'q', 'c', 'd', 'e', 'k', 'b', 's', 'g', 'f', 'u')
local f = 1
local first = at
local updated = at
if v[10] then
  updated = tonumber(v[10])
  first = math.min(tonumber(v[9]) or at, at)
  if at > updated then
    f = 2 ^ (-(at - updated) / half)
    updated = at
  end
end
local clean = tonumber(ARGV[4])
local decisive = tonumber(ARGV[5])
local digest = ARGV[9]
local counted = 0
if decisive == 1 and (digest == '' or not v[10] or v[8] ~= digest) then counted = 1 end
local since = (tonumber(v[7]) or 0) + clean
local lastDigest = v[8] or ''
if decisive == 1 then
  since = 0
  lastDigest = digest
end
local function grown(i, inc) return string.format('%.17g', (tonumber(v[i]) or 0) * f + inc) end
redis.call('HSET', KEYS[1], 'q', grown(1, 1), 'c', grown(2, clean), 'd', grown(3, counted),
  'e', grown(4, counted * tonumber(ARGV[6])), 'k', grown(5, counted * tonumber(ARGV[7])), 'b', grown(6, tonumber(ARGV[8])),
  's', string.format('%.17g', since), 'g', lastDigest, 'f', string.format('%.17g', first), 'u', string.format('%.17g', updated))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;
const RECORD_SHA = createHash('sha1').update(RECORD_SCRIPT).digest('hex');
const FIELDS = ['q', 'c', 'd', 'e', 'k', 'b', 's', 'g', 'f', 'u'] as const;

function historyFrom(values: (string | null)[]): SourceHistory | undefined {
  if (values[9] === null || values[9] === undefined) return undefined;
  const n = (i: number): number => Number(values[i] ?? 0);
  return {
    requests: n(0),
    clean: n(1),
    attacks: n(2),
    evidence: n(3),
    attackers: n(4),
    blocks: n(5),
    cleanSince: n(6),
    digest: values[7] ?? '',
    firstSeen: n(8),
    updatedAt: n(9),
  };
}

/**
 * Reputation shared by several Warden instances through Redis. Redis being down is an expected
 * state, not an error: the store never throws to the pipeline; it answers from a local LRU store
 * (which every outcome is also written to, so it is warm), logs one loud line per outage, counts
 * every fallback, and goes back to Redis as soon as ioredis reconnects. Offline queueing is off so
 * a dead Redis fails commands at once instead of holding requests.
 */
export class RedisReputationStore implements ReputationStore {
  readonly local: MemoryReputationStore;
  private readonly redis: Redis;
  private readonly options: RedisStoreOptions;
  private readonly log: StoreLog;
  private readonly isTrusted: (key: string) => boolean;
  private healthy = true;
  private skipUntil = 0;
  private fallbacks = 0;
  private fallbacksThisOutage = 0;
  private outages = 0;
  private closed = false;

  constructor(options: RedisStoreOptions) {
    this.options = options;
    this.log = options.log ?? stderrStoreLog;
    this.isTrusted = options.isTrusted ?? (() => false);
    this.local = new MemoryReputationStore(options);
    this.redis = new Redis(options.url, {
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(200, options.timeoutMs * 20),
      enableOfflineQueue: false,
      // The ready check is itself a command and would be cut by a few-ms command timeout.
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2000)),
      lazyConnect: false,
    });
    this.redis.on('ready', () => this.markUp());
    this.redis.on('error', (err: Error) => this.markDown(err.message));
    this.redis.on('close', () => {
      if (!this.closed) this.markDown('connection closed');
    });
  }

  stats(): RedisStoreStats {
    return { redisUp: this.usable(), fallbacks: this.fallbacks, outages: this.outages };
  }

  private usable(): boolean {
    return this.redis.status === 'ready' && Date.now() >= this.skipUntil;
  }

  private markDown(reason: string): void {
    this.skipUntil = Date.now() + this.options.retryAfterMs;
    if (!this.healthy || this.closed) return;
    this.healthy = false;
    this.outages++;
    this.fallbacksThisOutage = 0;
    const err = reputationRedisUnavailable(reason);
    this.log.error({ event: 'reputation-store-down', code: err.code, url: redactUrl(this.options.url) }, err.message);
  }

  private markUp(): void {
    this.skipUntil = 0;
    if (this.healthy) return;
    this.healthy = true;
    this.log.info(
      { event: 'reputation-store-up', url: redactUrl(this.options.url), fallbacks: this.fallbacksThisOutage },
      'Redis reputation store reachable again; shared reputation restored',
    );
  }

  private fallback(operation: 'get' | 'record'): void {
    this.fallbacks++;
    this.fallbacksThisOutage++;
    this.options.onFallback?.(operation);
  }

  async get(key: string, now: number): Promise<Reputation> {
    if (!this.usable()) {
      this.fallback('get');
      return this.local.lookup(key, now);
    }
    try {
      const values = await this.redis.hmget(this.options.keyPrefix + key, ...FIELDS);
      return reputationOf(key, historyFrom(values), now, this.options, this.isTrusted(key));
    } catch (err) {
      this.markDown(err instanceof Error ? err.message : String(err));
      this.fallback('get');
      return this.local.lookup(key, now);
    }
  }

  async record(event: ReputationEvent): Promise<void> {
    this.local.remember(event);
    if (!this.usable()) {
      this.fallback('record');
      return;
    }
    const inc = incrementOf(event);
    const args = [event.at, this.options.halfLifeMs, Math.ceil(this.options.ttlMs), inc.clean, inc.decisive, inc.evidence, inc.newAttacker, inc.blocks, inc.digest];
    const redisKey = this.options.keyPrefix + event.key;
    try {
      try {
        await this.redis.evalsha(RECORD_SHA, 1, redisKey, ...args);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
        await this.redis.eval(RECORD_SCRIPT, 1, redisKey, ...args);
      }
    } catch (err) {
      this.markDown(err instanceof Error ? err.message : String(err));
      this.fallback('record');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.redis.status === 'ready') {
      await this.redis.quit().catch(() => this.redis.disconnect());
    } else {
      this.redis.disconnect();
    }
    await this.local.close();
  }
}

/** Never log a Redis password. */
function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
