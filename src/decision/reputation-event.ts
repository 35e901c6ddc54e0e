import type { ReputationEvent } from '../reputation/types.js';
import type { Verdict } from './types.js';

/**
 * What a verdict teaches the reputation store. The attack score is the evidence *before* the
 * reputation term (`explain.evidence`), so a hostile source's amplified scores do not feed back into
 * its own history. `blocked` means "the combiner judged it an attack": a block or a detect-mode
 * monitor decided by evidence or a block rule; schema 4xx, fail-closed blocks and access refusals
 * (failed credentials included) are not attacks. `decisive` is stricter: the evidence alone reached the block threshold (or a block rule matched).
 * A request blocked only because reputation lifted it is not decisive, so hostility never feeds on
 * itself. The digest (`requestDigest` of the request when given, else rule, field and scores) lets
 * the store count a repeated identical attack once.
 */
export function reputationEventFromVerdict(key: string, verdict: Verdict, at: number = Date.now(), requestDigest?: string): ReputationEvent {
  const { evidence, decidedBy, threshold, topRule, topField, payload } = verdict.explain;
  const attackScore = typeof evidence === 'number' ? evidence : verdict.score;
  const judgedAttack = decidedBy === 'evidence' || decidedBy === 'rule-block';
  const blocked = judgedAttack && (verdict.action === 'block' || verdict.action === 'monitor');
  const ownThreshold = typeof threshold === 'number' ? threshold : 1;
  const decisive = blocked && (decidedBy === 'rule-block' || attackScore >= ownThreshold);
  return {
    key,
    at,
    attackScore: decidedBy === 'rule-allow' ? 0 : attackScore,
    blocked,
    decisive,
    digest: !decisive ? '' : (requestDigest ?? `${String(topRule ?? '')}|${String(topField ?? '')}|${String(payload ?? '')}|${attackScore}`),
  };
}
