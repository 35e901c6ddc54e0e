import type { Inspection, Target } from '../inspect/types.js';
import type { Confidence, DecisionMaker, GateResults, PartialInspectionPolicy, Reason, RoutePolicy, Verdict } from './types.js';
import { CONFIDENCE_ORDER } from './types.js';
import { resolveDecisionOptions, type DecisionOptions, type DecisionOptionsInput } from './options.js';
import { bandFloor, confidenceAtLeast, confidenceOf } from './confidence-bands.js';
import { payloadTerm } from './payload-term.js';
import { signatureTerm, type SignatureTerm } from './signature-term.js';
import { contextTerm, type ContextTerm } from './context-term.js';
import { applyExponent, evidenceNeeded, reputationExponent } from './reputation-term.js';
import { targetLabel } from './exemptions.js';
import type { Reputation } from '../reputation/types.js';
import { newIncidentId } from './incident-id.js';
import {
  REASON_FAIL_CLOSED,
  REASON_FAIL_OPEN,
  REASON_MALFORMED_BODY,
  REASON_PARTIAL_INSPECTION,
  REASON_UNINSPECTED,
  REASON_PAYLOAD,
  REASON_REPUTATION,
  REASON_RULE_ALLOW,
  REASON_RULE_BLOCK,
} from './reason-codes.js';

/** What settled the action; logged as `explain.decidedBy` and read by `reputationEventFromVerdict`. */
export type DecidedBy = 'evidence' | 'rule-block' | 'rule-allow' | 'fail-closed' | 'uninspected' | 'malformed-body' | 'schema' | 'none';

/** Findings that say a body is not what its Content-Type declares (src/inspect/findings.ts). */
const MALFORMED_BODY_CODES: ReadonlySet<string> = new Set(['WARDEN_INSPECT_MALFORMED_JSON', 'WARDEN_INSPECT_MALFORMED_XML', 'WARDEN_INSPECT_MALFORMED_MULTIPART']);

/**
 * A request cut by an inspection limit was judged on less than all of it: padding a request past a
 * limit is how attackers hide the payload, so such requests block from `medium` confidence, and one
 * with a part no gate saw as a field blocks outright. Configurable per route (`inspection.partial`).
 */
export const PARTIAL_INSPECTION_DEFAULTS: Readonly<PartialInspectionPolicy> = Object.freeze({ minimumConfidence: 'medium', uncovered: 'block' });

function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}

export const FORMULA =
  'score = 1-(1-evidence)^reputationExponent; evidence = 1-((1-payloadTerm)*(1-signatureTerm))^contextExponent';

/** The confidence of a block decided by the schema gate alone (see the decision README). */
export const SCHEMA_BLOCK_CONFIDENCE: Confidence = 'high';

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** A signature reason for a hit on a decoded form says which decoding (`base64>gzip`) the rule saw. */
function withDecoded(reason: Reason, decoded: string | undefined): Reason {
  if (decoded !== undefined) reason.decoded = decoded;
  return reason;
}

function reasonTarget(target: Target | undefined): Reason['target'] {
  return target === undefined ? undefined : { location: target.location, name: target.name };
}

function evidenceReasons(
  inspection: Inspection,
  results: GateResults,
  payload: ReturnType<typeof payloadTerm>,
  signatures: SignatureTerm,
  context: ContextTerm,
  options: DecisionOptions,
): Reason[] {
  const reasons: Reason[] = [];
  const cap = options.maxReasonsPerGate;
  for (const { hit, severity, source } of signatures.hits.slice(0, cap)) {
    reasons.push(
      withDecoded(
        { gate: 'signatures', ruleId: `${hit.gid}:${hit.sid}`, score: round4(severity), weightSource: source, target: reasonTarget(inspection.targets[hit.targetIndex]), message: hit.msg },
        hit.decoded,
      ),
    );
  }
  if (payload.term > 0 && results.model !== null) {
    let listed = 0;
    for (const s of results.model.scores) {
      if (s.score <= options.payloadFloor || listed >= cap) break;
      const target = inspection.targets[s.targetIndex];
      if (target === undefined) continue;
      reasons.push({ gate: 'model', ruleId: REASON_PAYLOAD, score: round4(s.score), target: reasonTarget(target), message: `payload score ${round4(s.score)} (${s.form})` });
      listed++;
    }
  }
  for (const { item, weight } of context.violations.slice(0, cap)) {
    reasons.push({ gate: 'schema', ruleId: item.kind, score: round4(weight), message: `${item.location}: ${item.message}` });
  }
  for (const { item, weight } of context.findings.slice(0, cap)) {
    const target = item.location !== undefined && item.name !== undefined ? { location: item.location, name: item.name } : undefined;
    reasons.push({ gate: 'inspect', ruleId: item.code, score: round4(weight), target, message: item.message });
  }
  const rep = results.reputation;
  if (rep !== null && (rep.score !== 0 || rep.trusted)) {
    const what = rep.trusted ? 'trusted source' : rep.score < 0 ? hostileBecause(rep) : 'long-clean source';
    reasons.push({ gate: 'reputation', ruleId: REASON_REPUTATION, score: round4(rep.score), message: `${what} (${rep.key})` });
  }
  return reasons;
}

/** Why a source is hostile, for the reason line: how many attacks, of what evidence, by whom. */
function hostileBecause(rep: Reputation): string {
  const attacks = `${round1(rep.attacks)} recent attacks decisive on their own (mean evidence ${round4(rep.attackEvidence)})`;
  return rep.hostileScope === 'address'
    ? `hostile address: ${round1(rep.attackers)} distinct clients attacked from it, ${attacks}; this client has no clean history of its own yet`
    : `hostile client: ${attacks}, ${rep.cleanSinceAttack} clean requests since`;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The decision combiner (formula and defaults in src/decision/README.md). Pure and synchronous:
 * everything it needs is in the inspection, the gates' results and the route's policy.
 */
export function createDecisionMaker(input: DecisionOptionsInput = {}): DecisionMaker {
  const options = resolveDecisionOptions(input);

  return {
    decide(inspection: Inspection, results: GateResults, policy: RoutePolicy): Verdict {
      const signatures = signatureTerm(results.signatures, inspection, policy, options);
      const payload = payloadTerm(results.model, inspection, policy.ignoredTargets, options);

      // The field the strongest evidence sits in: what the log calls the top field and what context is measured against.
      const topHit = signatures.hits[0];
      const sigFocus = topHit === undefined ? undefined : inspection.targets[topHit.hit.targetIndex];
      const payloadFocus = payload.targetIndex >= 0 ? inspection.targets[payload.targetIndex] : undefined;
      const focus = (payload.term >= (topHit?.severity ?? 0) ? (payloadFocus ?? sigFocus) : (sigFocus ?? payloadFocus)) ?? null;

      const context = contextTerm(results.schema, inspection, focus, policy.ignoredTargets, options);
      const base = 1 - (1 - payload.term) * (1 - signatures.term);
      const evidence = applyExponent(base, context.exponent);
      const gamma = reputationExponent(results.reputation, options, evidence);
      let score = applyExponent(evidence, gamma);
      let confidence: Confidence = confidenceOf(score, options.bands);
      const limits = inspection.limits;
      const partial = limits === undefined ? null : (policy.partial ?? PARTIAL_INSPECTION_DEFAULTS);
      const minimumConfidence = partial === null ? policy.minimumConfidence : lowerConfidence(policy.minimumConfidence, partial.minimumConfidence);
      const uninspected = partial !== null && partial.uncovered === 'block' && limits!.uncovered.length > 0;
      const threshold = bandFloor(minimumConfidence, options.bands);

      const reasons = evidenceReasons(inspection, results, payload, signatures, context, options);
      let decidedBy: DecidedBy = 'none';
      let wouldBlock = false;
      let status = policy.blockStatus;

      for (const f of results.failures) {
        reasons.push({ gate: f.gate, ruleId: f.code, message: `${f.message} (${policy.failClosed ? 'failing closed' : 'failing open'})` });
      }

      if (signatures.allowHit !== null) {
        // An operator's allow rule is the Snort `pass`: it outranks every alert, including a failed gate's missing evidence.
        const hit = signatures.allowHit;
        reasons.unshift(withDecoded({ gate: 'signatures', ruleId: `${hit.gid}:${hit.sid}`, target: reasonTarget(inspection.targets[hit.targetIndex]), message: `${REASON_RULE_ALLOW}: ${hit.msg}` }, hit.decoded));
        score = 0;
        confidence = 'none';
        decidedBy = 'rule-allow';
      } else if (results.failures.length > 0 && policy.failClosed) {
        reasons.unshift({ gate: 'policy', ruleId: REASON_FAIL_CLOSED, message: `gate failure with failClosed: ${results.failures.map((f) => f.gate).join(', ')}` });
        wouldBlock = true;
        decidedBy = 'fail-closed';
      } else if (signatures.blockHit !== null) {
        const hit = signatures.blockHit;
        reasons.unshift(withDecoded({ gate: 'signatures', ruleId: `${hit.gid}:${hit.sid}`, score: 1, target: reasonTarget(inspection.targets[hit.targetIndex]), message: `${REASON_RULE_BLOCK}: ${hit.msg}` }, hit.decoded));
        score = 1;
        confidence = 'critical';
        wouldBlock = true;
        decidedBy = 'rule-block';
      } else if (confidence !== 'none' && confidenceAtLeast(confidence, minimumConfidence)) {
        wouldBlock = true;
        decidedBy = 'evidence';
        if (minimumConfidence !== policy.minimumConfidence && !confidenceAtLeast(confidence, policy.minimumConfidence)) {
          reasons.unshift({ gate: 'policy', ruleId: REASON_PARTIAL_INSPECTION, message: `inspection cut by ${limits!.reached.concat(limits!.uncovered).join(', ')}: blocks from ${minimumConfidence} confidence` });
        }
      } else if (uninspected) {
        reasons.unshift({ gate: 'policy', ruleId: REASON_UNINSPECTED, message: `part of the request reached no gate as a field (limits: ${limits!.uncovered.join(', ')})` });
        wouldBlock = true;
        decidedBy = 'uninspected';
      } else if (policy.malformedBody === 'refuse') {
        const malformed = inspection.findings.find((f) => MALFORMED_BODY_CODES.has(f.code));
        if (malformed !== undefined) {
          reasons.unshift({ gate: 'policy', ruleId: REASON_MALFORMED_BODY, message: malformed.message });
          wouldBlock = true;
          decidedBy = 'malformed-body';
          status = 400;
        }
      }

      if (results.failures.length > 0 && !policy.failClosed && decidedBy === 'none') {
        reasons.push({ gate: 'policy', ruleId: REASON_FAIL_OPEN, message: 'judged without the failed gates’ evidence' });
      }

      // The schema gate's own answer (400/404/405/415) when enforcing: a contract breach, not an attack.
      if (!wouldBlock && results.schema !== null && results.schema.mode === 'enforce' && results.schema.violations.length > 0) {
        wouldBlock = true;
        decidedBy = 'schema';
        status = results.schema.violations[0].status;
        // The breach is certain (a validator said so), so the verdict is logged as sure of itself; `high`,
        // not `critical`, keeps critical for attacks. The score stays the attack score.
        if (!confidenceAtLeast(confidence, SCHEMA_BLOCK_CONFIDENCE)) confidence = SCHEMA_BLOCK_CONFIDENCE;
        reasons.length = 0;
        for (const v of results.schema.violations.slice(0, options.maxReasonsPerGate)) {
          reasons.push({ gate: 'schema', ruleId: v.kind, message: `${v.location}: ${v.message}` });
        }
      }

      const action: Verdict['action'] = !wouldBlock ? 'allow' : policy.mode === 'detect' ? 'monitor' : 'block';
      const topField = focus === null ? '' : targetLabel(focus);
      return {
        action,
        status: action === 'allow' ? 0 : status,
        confidence,
        score: round4(score),
        incidentId: inspection.id !== '' ? inspection.id : newIncidentId(inspection.receivedAt || Date.now()),
        mode: policy.mode,
        reasons,
        explain: {
          formula: FORMULA,
          payload: round4(payload.score),
          payloadTerm: round4(payload.term),
          payloadField: payload.targetIndex >= 0 ? targetLabel(inspection.targets[payload.targetIndex]) : '',
          signatureTerm: round4(signatures.term),
          signatureHits: signatures.hits.length,
          topRule: topHit === undefined ? '' : `${topHit.hit.gid}:${topHit.hit.sid}`,
          context: round4(context.term),
          contextExponent: round4(context.exponent),
          evidence: decidedBy === 'rule-block' ? 1 : round4(evidence),
          reputation: round4(results.reputation?.score ?? 0),
          reputationExponent: round4(gamma),
          reputationScope: results.reputation?.hostileScope ?? '',
          hostileAttacks: round4(results.reputation?.hostileScope === undefined ? 0 : results.reputation.attacks),
          hostileEvidence: round4(results.reputation?.hostileScope === undefined ? 0 : results.reputation.attackEvidence),
          hostileClients: round4(results.reputation?.hostileScope === 'address' ? results.reputation.attackers : 0),
          reputationLiftFloor: options.reputationLiftFloor,
          score: round4(score),
          minimumConfidence,
          threshold,
          evidenceNeeded: round4(evidenceNeeded(threshold, gamma)),
          topField,
          decidedBy,
        },
        timings: {},
      };
    },
  };
}
