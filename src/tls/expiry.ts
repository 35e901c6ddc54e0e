/**
 * When a certificate ends, as both `warden serve` (metric + `tls-expiry` log line) and
 * `warden config check` (warning) judge it: one rule, so the two never disagree on "expiring".
 */
export const DAY_MS = 86_400_000;

export interface CertificateExpiry {
  /** Milliseconds left (negative once expired). */
  leftMs: number;
  /** Whole days left, rounded down (negative once expired). */
  daysLeft: number;
  state: 'valid' | 'expiring' | 'expired';
}

export function certificateExpiry(notAfter: Date, warningDays: number, now: number): CertificateExpiry {
  const leftMs = notAfter.getTime() - now;
  const daysLeft = Math.floor(leftMs / DAY_MS);
  const state = leftMs <= 0 ? 'expired' : leftMs < warningDays * DAY_MS ? 'expiring' : 'valid';
  return { leftMs, daysLeft, state };
}
