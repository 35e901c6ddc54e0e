import type { ReputationEvent } from '../reputation/types.js';
import type { Verdict } from './types.js';

/**
 * What a verdict teaches the reputation store. The attack score is the evidence *before* the
 * reputation term (`explain.evidence`), so a hostile source's amplified scores do not feed back into
 * its own history. `blocked` means "the combiner judged it an attack": a block or a detect-mode
 * monitor decided by evidence or a block rule; schema 4xx and fail-closed blocks are not attacks.
 */
export function reputationEventFromVerdict(key: string, verdict: Verdict, at: number = Date.now()): ReputationEvent {
  const evidence = verdict.explain.evidence;
  const decidedBy = verdict.explain.decidedBy;
  const attackScore = typeof evidence === 'number' ? evidence : verdict.score;
  const judgedAttack = decidedBy === 'evidence' || decidedBy === 'rule-block';
  return {
    key,
    at,
    attackScore: decidedBy === 'rule-allow' ? 0 : attackScore,
    blocked: judgedAttack && (verdict.action === 'block' || verdict.action === 'monitor'),
  };
}
