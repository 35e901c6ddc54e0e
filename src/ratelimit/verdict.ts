import type { Mode, Verdict } from '../decision/types.js';
import type { Count, LimiterSpec } from './counter-store.js';

/** `rate_limited` (429): the key is over its limit; `ratelimit_store_down` (503): the shared store is unreachable and `onStoreDown: closed`. */
export type RateLimitReason = 'rate_limited' | 'ratelimit_store_down';

export function rateLimitReason(count: Count): RateLimitReason {
  return count.degraded === 'closed' ? 'ratelimit_store_down' : 'rate_limited';
}

/**
 * A refusal by a rate limit as a verdict like any other (decision log, metrics, incident id). It
 * carries no attack evidence (`score` 0, decidedBy `ratelimit`): volume is not an attack. Only a client
 * that keeps sending while refused is recorded, once per window (src/ratelimit/README.md, "Reputation").
 */
export function rateLimitVerdict(spec: LimiterSpec, key: string, count: Count, incidentId: string, mode: Mode, elapsedUs: number): Verdict {
  const reason = rateLimitReason(count);
  return {
    action: 'block',
    status: reason === 'rate_limited' ? 429 : 503,
    confidence: 'high',
    score: 0,
    incidentId,
    mode,
    reasons: [
      {
        gate: 'ratelimit',
        ruleId: spec.id,
        message: reason === 'rate_limited' ? `over ${spec.limit} requests per ${spec.windowSeconds} s` : 'rate-limit store unavailable (onStoreDown: closed)',
      },
    ],
    explain: {
      decidedBy: 'ratelimit',
      rateLimit: spec.id,
      rateLimitKey: key,
      count: count.consumed,
      limit: spec.limit,
      windowSeconds: spec.windowSeconds,
      ...(count.degraded !== undefined ? { onStoreDown: count.degraded } : {}),
    },
    timings: { ratelimit: elapsedUs, total: elapsedUs },
  };
}
