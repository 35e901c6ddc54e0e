import type { Mode, Verdict } from '../decision/types.js';
import { ACCESS_REASONS, type AccessReason } from './reasons.js';

/**
 * A refusal by access control as a verdict like any other: it is logged, counted and answered the same
 * way. It carries no attack evidence, a failed credential neither: an expired token retried on every
 * URL of a page, or a rotated key still in a client's config, is an operational mistake, and counted as
 * attacks it made such a client hostile (and, through the address's count of attacking clients, its NAT
 * neighbours' new sessions). So no access refusal is recorded in reputation (README, "Access control");
 * a failed credential is counted by the rate limits instead (persistence there is what teaches reputation).
 */
export function accessVerdict(reason: AccessReason, incidentId: string, mode: Mode, elapsedUs: number): Verdict {
  const evidence = 0;
  return {
    action: 'block',
    status: ACCESS_REASONS[reason].status,
    confidence: 'high',
    score: evidence,
    incidentId,
    mode,
    reasons: [{ gate: 'access', ruleId: reason, message: ACCESS_REASONS[reason].message }],
    explain: { decidedBy: 'access', access: reason, evidence },
    timings: { access: elapsedUs, total: elapsedUs },
  };
}
