import type { RateLimitReputationConfig } from './config.js';
import type { Count, LimiterSpec } from './counter-store.js';

/**
 * Suffix of a rule's refusal tally in the counter store (`login~refused`): `~` cannot appear in a
 * rule id, so a tally never shares a counter with a rule.
 */
export const REFUSAL_TALLY_SUFFIX = '~refused';

/**
 * Evidence recorded for a persistent client: the medium band. Volume is not a payload; the event only
 * matters because it is counted (rule 1 of src/reputation/README.md), and its evidence is what the
 * decision log reports as the hostile history's mean evidence.
 */
export const PERSISTENT_ABUSE_EVIDENCE = 0.5;

/**
 * A rule's refusal tally: a fixed window of the rule's `windowSeconds` per client, starting at the
 * client's first refusal, whose limit is the number of refusals a client may collect before it is
 * persistent: `max(ceil(after × limit), minRefused)`. null when the rule teaches reputation nothing.
 */
export function refusalTallySpec(spec: LimiterSpec, config: RateLimitReputationConfig, ruleOverride: boolean | undefined): LimiterSpec | null {
  if (!(ruleOverride ?? config.persistentAbuse)) return null;
  const threshold = Math.max(Math.ceil(config.after * spec.limit), config.minRefused);
  return { id: `${spec.id}${REFUSAL_TALLY_SUFFIX}`, limit: threshold, windowSeconds: spec.windowSeconds, burst: 0, burstWindowSeconds: spec.windowSeconds };
}

/** A client that kept sending while refused: once per rule, client and tally window. */
export interface PersistentAbuse {
  rule: string;
  /** Refusals of this client in the window when it crossed (threshold + 1). */
  refused: number;
  threshold: number;
  windowSeconds: number;
  /** When the tally window began (ms since the epoch; from the store's expiry, so to within a round trip). */
  windowStart: number;
  /**
   * `ratelimit:<rule>:<window start, ms>`. The store's atomic count already reports a window once; the
   * digest keeps the reputation store from counting it twice should it be recorded twice. Milliseconds,
   * not seconds: the start is estimated from the expiry, to within the round trip, and two windows of a
   * 1 s rule could fall in one second.
   */
  digest: string;
}

/**
 * The refusal that made a client persistent, or null. Exactly one refusal per window sees
 * `consumed === threshold + 1`, because the store's increment is atomic (one Lua script in Redis, one
 * process for memory and the cluster primary): two instances never both report the same window. A
 * count `onStoreDown` answered with `open` / `closed` counted nothing, and a count under the memory
 * store's shared `~overflow` key is not this client's: neither is persistence.
 */
export function persistentAbuseOf(rule: string, tally: LimiterSpec, count: Count, at: number): PersistentAbuse | null {
  if (count.degraded === 'open' || count.degraded === 'closed' || count.overflow === true) return null;
  if (count.consumed !== tally.limit + 1) return null;
  const windowStart = Math.max(0, at + count.resetMs - tally.windowSeconds * 1000);
  return {
    rule,
    refused: count.consumed,
    threshold: tally.limit,
    windowSeconds: tally.windowSeconds,
    windowStart,
    digest: `ratelimit:${rule}:${Math.round(windowStart)}`,
  };
}
