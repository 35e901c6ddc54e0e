import type { Mode, Verdict } from '../decision/types.js';
import { ACCESS_REASONS, isCredentialFailure, type AccessReason } from './reasons.js';

/**
 * Evidence of a failed credential: half an attack (the `medium` band), so one typo weighs little in the
 * source's decayed history and a run of them (credential stuffing) adds up. Other refusals carry none.
 */
export const CREDENTIAL_FAILURE_EVIDENCE = 0.5;

/** A refusal by access control as a verdict like any other: it is logged, counted and answered the same way. */
export function accessVerdict(reason: AccessReason, incidentId: string, mode: Mode, elapsedUs: number): Verdict {
  const evidence = isCredentialFailure(reason) ? CREDENTIAL_FAILURE_EVIDENCE : 0;
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
