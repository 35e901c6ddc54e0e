import type { Count, LimiterSpec } from './counter-store.js';

/**
 * The `RateLimit` and `RateLimit-Policy` fields of draft-ietf-httpapi-ratelimit-headers-10 (the
 * syntax of -08 onwards): Structured Field lists with one item per rule, named by the rule id
 * (ids are restricted to `[A-Za-z0-9_.-]`, so the sf-string needs no escaping).
 * - `RateLimit-Policy: "login";q=5;w=60`: quota `q` per window `w` seconds;
 * - `RateLimit: "login";r=3;t=40`: `r` requests remaining, `t` seconds until the window resets.
 * `burst` has no parameter in the draft and is not advertised: `q` is the sustained quota.
 */
export function policyItem(spec: LimiterSpec): string {
  return `"${spec.id}";q=${spec.limit};w=${spec.windowSeconds}`;
}

export function rateLimitItem(spec: LimiterSpec, count: Count): string {
  return `"${spec.id}";r=${count.limited ? 0 : count.remaining};t=${Math.max(0, Math.ceil(count.resetMs / 1000))}`;
}

/** Flat [name, value, ...] for the rules given; a count `onStoreDown` answered open or closed has no item (nothing was counted). */
export function rateLimitHeaders(specs: readonly LimiterSpec[], counts: readonly Count[]): string[] {
  let policy = '';
  let state = '';
  for (let i = 0; i < specs.length; i++) {
    policy += (policy === '' ? '' : ', ') + policyItem(specs[i]);
    const c = counts[i];
    if (c.degraded === 'open' || c.degraded === 'closed') continue;
    state += (state === '' ? '' : ', ') + rateLimitItem(specs[i], c);
  }
  const out = ['RateLimit-Policy', policy];
  if (state !== '') out.push('RateLimit', state);
  return out;
}

/** Retry-After (RFC 9110 §10.2.3) in whole seconds, at least 1. */
export function retryAfterSeconds(count: Count): number {
  return Math.max(1, Math.ceil(count.resetMs / 1000));
}
