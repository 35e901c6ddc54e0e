import { Redis } from 'ioredis';
import type { Reputation, ReputationEvent, ReputationStore } from './types.js';
import { incrementOf, reputationOf, type HistoryParams, type SourceHistory } from './history.js';
import { MemoryReputationStore } from './memory-store.js';
import { reputationRedisUnavailable } from './errors.js';
import { stderrStoreLog, type StoreLog } from './store-log.js';
import { settleWithin, TIMED_OUT } from './settle-within.js';
import { StoreOutage } from '../net/store-outage.js';
import { redisReady } from '../net/redis-ready.js';

export interface RedisStoreOptions extends HistoryParams {
  url: string;
  keyPrefix: string;
  ttlMs: number;
  /**
   * How long a lookup waits for Redis before it is answered from local memory. Measured from when the
   * command was sent to when Redis's answer *could* be read: a timer that fires while the event loop
   * was busy first lets pending socket reads run (see `settleWithin`), so a busy Warden does not
   * mistake its own lag for a slow Redis.
   */
  timeoutMs: number;
  /** After Redis is found down, it is not tried again for this long (then one probe goes first). */
  retryAfterMs: number;
  /** Bound of the local store that answers while Redis is down. */
  maxEntries: number;
  isTrusted?: (key: string) => boolean;
  log?: StoreLog;
  /** Called on every operation answered locally because Redis was unavailable (wire a metrics counter here). */
  onFallback?: (operation: StoreOperation) => void;
  /** Called on every operation, answered by Redis or not: fallbacks / operations is the share answered locally. */
  onOperation?: (operation: StoreOperation) => void;
}

export type StoreOperation = 'get' | 'record';

export interface RedisStoreStats {
  redisUp: boolean;
  /** Operations answered from local memory because Redis was unavailable. */
  fallbacks: number;
  operations: number;
  /** Transitions from up to down. */
  outages: number;
}

/**
 * An outage on a connection that is still open is a run of failed commands (timeouts, errors) with
 * no answer in between (src/net/store-outage.ts, the rate-limit counters' and session registry's rule
 * too): one stall of Redis (a fork, a scheduler hiccup on a loaded host) fails the lookups in flight at
 * once; that costs those requests their shared view, not a second of everyone's (a trip sends
 * everything local for `retryAfterMs`). A hung Redis costs each request at most one budget until the
 * run is long enough; a closed connection is an outage at once.
 */
export { FAILURES_TO_TRIP, TRIP_AFTER_BUDGETS } from '../net/store-outage.js';

/**
 * Writes are never waited for by a request (the pipeline records after answering), so they get a
 * long budget: its only job is to bound what a hung Redis can hold in ioredis's queue.
 */
export function writeTimeoutMs(readTimeoutMs: number): number {
  return Math.max(1_000, readTimeoutMs * 10);
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

/** The Lua script as an ioredis custom command: EVALSHA, and EVAL once when Redis answers NOSCRIPT. */
interface RedisWithRecord extends Redis {
  wardenRecord(key: string, ...args: (string | number)[]): Promise<number>;
}

/**
 * Reputation shared by several Warden instances through Redis. Redis being down is an expected
 * state, not an error: the store never throws to the pipeline; it answers from a local LRU store
 * (which every outcome is also written to, so it is warm), logs one loud line per outage and one on
 * recovery, and counts every operation and every fallback.
 *
 * Under load (issue 17: 80–99 % of operations fell back with a healthy Redis) the costs are kept off
 * the request's path:
 * - ioredis auto-pipelining: every command issued in one event-loop turn goes out in one write, so a
 *   request's two lookups (client and address) — and those of every request in the same turn — are
 *   one round trip;
 * - writes are not waited for by the request (the pipeline records after answering) and have a long
 *   budget (`writeTimeoutMs`);
 * - a lookup's budget (`timeoutMs`) is checked after pending socket reads (`settleWithin`), so the
 *   event loop's own lag is not blamed on Redis;
 * - one slow answer is one fallback; only `FAILURES_TO_TRIP` consecutive failures, or a closed
 *   connection, are an outage. During an outage Redis is skipped for `retryAfterMs`, then one probe
 *   (the next operation) tries it: the first success logs the recovery.
 * Offline queueing is off so a dead Redis fails commands at once instead of holding requests.
 */
export class RedisReputationStore implements ReputationStore {
  readonly local: MemoryReputationStore;
  private readonly redis: RedisWithRecord;
  private readonly options: RedisStoreOptions;
  private readonly log: StoreLog;
  private readonly isTrusted: (key: string) => boolean;
  private readonly ttlArg: number;
  private readonly outage: StoreOutage;
  private fallbacks = 0;
  private operations = 0;
  private closed = false;

  constructor(options: RedisStoreOptions) {
    this.options = options;
    this.log = options.log ?? stderrStoreLog;
    this.isTrusted = options.isTrusted ?? (() => false);
    this.ttlArg = Math.ceil(options.ttlMs);
    this.local = new MemoryReputationStore(options);
    const url = redactUrl(options.url);
    this.outage = new StoreOutage(options.timeoutMs, options.retryAfterMs, {
      down: (reason) => {
        const err = reputationRedisUnavailable(reason);
        this.log.error({ event: 'reputation-store-down', code: err.code, url }, err.message);
      },
      up: (fellBack) => this.log.info({ event: 'reputation-store-up', url, fallbacks: fellBack }, 'Redis reputation store reachable again; shared reputation restored'),
    });
    const redis = new Redis(options.url, {
      // Lookups have their own, shorter budget (settleWithin); this one bounds writes and what a hung
      // server can hold queued.
      commandTimeout: writeTimeoutMs(options.timeoutMs),
      connectTimeout: Math.max(200, options.timeoutMs * 20),
      enableAutoPipelining: false,
      enableOfflineQueue: false,
      // The ready check is itself a command and would be cut by a short command timeout.
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2000)),
      lazyConnect: false,
    });
    redis.defineCommand('wardenRecord', { numberOfKeys: 1, lua: RECORD_SCRIPT });
    this.redis = redis as RedisWithRecord;
    this.redis.on('ready', () => this.succeeded(true));
    this.redis.on('error', (err: Error) => this.markDown(err.message));
    this.redis.on('close', () => {
      if (!this.closed) this.markDown('connection closed');
    });
  }

  whenReady(): Promise<boolean> {
    return redisReady(this.redis);
  }

  stats(): RedisStoreStats {
    return { redisUp: this.outage.up && this.redis.status === 'ready', fallbacks: this.fallbacks, operations: this.operations, outages: this.outage.outages };
  }

  /** Where this operation goes (store-outage.ts): Redis while healthy; during an outage, locally, except one probe per `retryAfterMs`. */
  private route(): 'store' | 'probe' | 'local' {
    return this.outage.route(this.redis.status === 'ready');
  }

  /** Redis is unreachable for sure (an error event, a closed connection); after close() nothing is reported. */
  private markDown(reason: string): void {
    if (!this.closed) this.outage.down(reason);
  }

  private failed(reason: string): void {
    if (!this.closed) this.outage.failed(reason);
  }

  /**
   * A command answered. Ends an outage only when it was the probe (or the connection came back): a
   * late answer to a command sent before the outage says little about Redis now.
   */
  private succeeded(recovers: boolean): void {
    if (!this.closed) this.outage.succeeded(recovers);
  }

  private fallback(operation: StoreOperation): void {
    this.fallbacks++;
    this.outage.fellBack();
    this.options.onFallback?.(operation);
  }

  async get(key: string, now: number): Promise<Reputation> {
    this.operations++;
    this.options.onOperation?.('get');
    const route = this.route();
    if (route === 'local') {
      this.fallback('get');
      return this.local.lookup(key, now);
    }
    try {
      const values = await settleWithin(this.redis.hmget(this.options.keyPrefix + key, ...FIELDS), this.options.timeoutMs);
      if (values !== TIMED_OUT) {
        this.succeeded(route === 'probe');
        return reputationOf(key, historyFrom(values), now, this.options, this.isTrusted(key));
      }
      this.failed(`no answer within ${this.options.timeoutMs} ms`);
    } catch (err) {
      this.failed(err instanceof Error ? err.message : String(err));
    }
    this.fallback('get');
    return this.local.lookup(key, now);
  }

  async record(event: ReputationEvent): Promise<void> {
    this.operations++;
    this.options.onOperation?.('record');
    this.local.remember(event);
    const route = this.route();
    if (route === 'local') {
      this.fallback('record');
      return;
    }
    const inc = incrementOf(event);
    try {
      await this.redis.wardenRecord(this.options.keyPrefix + event.key, event.at, this.options.halfLifeMs, this.ttlArg, inc.clean, inc.decisive, inc.evidence, inc.newAttacker, inc.blocks, inc.digest);
      this.succeeded(route === 'probe');
    } catch (err) {
      this.failed(err instanceof Error ? err.message : String(err));
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
