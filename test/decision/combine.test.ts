import { describe, expect, it } from 'vitest';
import { createDecisionMaker } from '../../src/decision/combine.js';
import { calibratePayload } from '../../src/decision/payload-term.js';
import { decisionDefaults, resolveDecisionOptions } from '../../src/decision/options.js';
import { decisionOptionsInvalid } from '../../src/decision/errors.js';
import { CONFIDENCE_ORDER, type Confidence } from '../../src/decision/types.js';
import { COMMENT, ID, Q, hit, inspection, model, policy, reputation, results, schema, violation } from './fixtures.js';

const decider = createDecisionMaker();
const rank = (c: Confidence): number => CONFIDENCE_ORDER.indexOf(c);
const grid = Array.from({ length: 101 }, (_, i) => i / 100);

describe('createDecisionMaker: strong evidence blocks', () => {
  it('blocks a high payload score on its own', () => {
    const v = decider.decide(inspection(), results({ model: model([Q, 0.9]) }), policy());
    expect(v).toMatchObject({ action: 'block', status: 403, confidence: 'high', mode: 'prevent' });
    expect(decider.decide(inspection(), results({ model: model([Q, 0.99]) }), policy()).confidence).toBe('critical');
  });

  it('blocks a high-severity signature together with a moderate payload score', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.5]) }), policy());
    expect(v.action).toBe('block');
    expect(rank(v.confidence)).toBeGreaterThanOrEqual(rank('high'));
  });

  it('blocks outright on a rule with effect block, whatever the scores', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(1000001, 3, ID, 'block')] }), policy());
    expect(v).toMatchObject({ action: 'block', confidence: 'critical', score: 1 });
    expect(v.reasons[0]).toMatchObject({ gate: 'signatures', ruleId: '1:1000001', target: { location: 'query', name: 'id' } });
    expect(v.explain.decidedBy).toBe('rule-block');
  });
});

describe('createDecisionMaker: weak evidence does not block at the default policy', () => {
  it('never blocks a lone low-severity hit on a rich-text field, even with context and a hostile source', () => {
    for (const priority of [3, 4, 7]) {
      const v = decider.decide(
        inspection([{ code: 'WARDEN_INSPECT_X', message: 'odd', severity: 'high', location: 'body', name: 'comment' }]),
        results({
          hits: [hit(2000, priority, COMMENT)],
          reputation: reputation(-1),
          schema: schema([violation('undeclared-parameter', 'body.comment'), violation('invalid-body', 'body')]),
        }),
        policy(),
      );
      expect(v.action).toBe('allow');
    }
  });

  it('does not block a lone priority-1 signature hit from a new source', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(942100, 1, COMMENT)] }), policy());
    expect(v).toMatchObject({ action: 'allow', confidence: 'medium' });
  });

  it('answers a schema violation alone with the schema gate’s own status and high confidence, with no attack score', () => {
    const enforced = decider.decide(inspection(), results({ schema: schema([violation('invalid-parameter', 'query.id', 400)], 'enforce') }), policy());
    expect(enforced).toMatchObject({ action: 'block', status: 400, confidence: 'high', score: 0 });
    expect(enforced.reasons.every((r) => r.gate === 'schema')).toBe(true);
    expect(enforced.explain.decidedBy).toBe('schema');
    const reported = decider.decide(inspection(), results({ schema: schema([violation('undeclared-parameter', 'query.x')]) }), policy());
    expect(reported).toMatchObject({ action: 'allow', confidence: 'none', score: 0 });
  });

  it('gives model scores near the prior no weight at all', () => {
    const v = decider.decide(inspection(), results({ model: model([Q, 0.2], [ID, 0.1]) }), policy());
    expect(v).toMatchObject({ action: 'allow', confidence: 'none', score: 0 });
  });
});

describe('createDecisionMaker: the formula is monotone in each evidence term', () => {
  it('in the payload score', () => {
    let last = -1;
    for (const p of grid) {
      const v = decider.decide(inspection(), results({ model: model([Q, p]), hits: [hit(1, 2, Q)] }), policy());
      expect(v.score).toBeGreaterThanOrEqual(last);
      last = v.score;
    }
    for (const [a, b] of grid.slice(1).map((p, i) => [grid[i], p])) expect(calibratePayload(b, decisionDefaults)).toBeGreaterThanOrEqual(calibratePayload(a, decisionDefaults));
  });

  it('in the number of signature hits and in their severity', () => {
    let last = -1;
    for (let n = 0; n <= 6; n++) {
      const hits = Array.from({ length: n }, (_, i) => hit(100 + i, 2, Q));
      const v = decider.decide(inspection(), results({ hits, model: model([Q, 0.4]) }), policy());
      expect(v.score).toBeGreaterThan(last);
      last = v.score;
    }
    const byPriority = [4, 3, 2, 1].map((p) => decider.decide(inspection(), results({ hits: [hit(1, p, Q)] }), policy()).score);
    expect([...byPriority].sort((a, b) => a - b)).toEqual(byPriority);
  });

  it('counts one rule once even when it matched several times', () => {
    const once = decider.decide(inspection(), results({ hits: [hit(1, 2, Q)] }), policy());
    const thrice = decider.decide(inspection(), results({ hits: [hit(1, 2, Q), hit(1, 2, Q), hit(1, 2, ID)] }), policy());
    expect(thrice.score).toBe(once.score);
  });

  it('in context, which amplifies evidence but never creates it', () => {
    const withContext = (violations: ReturnType<typeof violation>[]) =>
      decider.decide(inspection(), results({ model: model([Q, 0.7]), schema: schema(violations) }), policy());
    const none = withContext([]);
    const elsewhere = withContext([violation('undeclared-parameter', 'query.other')]);
    const onField = withContext([violation('undeclared-parameter', 'query.q')]);
    expect(elsewhere.score).toBeGreaterThan(none.score);
    expect(onField.score).toBeGreaterThan(elsewhere.score);
    const contextOnly = decider.decide(
      inspection([{ code: 'WARDEN_INSPECT_BAD_PERCENT', message: 'bad escape', severity: 'high' }]),
      results({ schema: schema([violation('undeclared-parameter', 'query.q')]) }),
      policy(),
    );
    expect(contextOnly.score).toBe(0);
  });

  it('makes an undeclared parameter full of SQL worse than either alone', () => {
    const sql = results({ model: model([Q, 0.75]) });
    const undeclared = results({ schema: schema([violation('undeclared-parameter', 'query.q')]) });
    const both = results({ model: model([Q, 0.75]), schema: schema([violation('undeclared-parameter', 'query.q')]) });
    const [a, b, c] = [sql, undeclared, both].map((r) => decider.decide(inspection(), r, policy()));
    expect(c.score).toBeGreaterThan(Math.max(a.score, b.score));
    expect(a.action).toBe('allow');
    expect(c.action).toBe('block');
  });
});

describe('createDecisionMaker: reputation shifts the threshold', () => {
  // A priority-1 hit and a payload score of 0.4: evidence 0.78, medium, just under the 0.8 threshold.
  const evidence = () => results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.4]) });

  it('treats a new source (score 0) exactly like no reputation at all', () => {
    const none = decider.decide(inspection(), evidence(), policy());
    const fresh = decider.decide(inspection(), { ...evidence(), reputation: reputation(0) }, policy());
    expect(fresh.score).toBe(none.score);
    expect(fresh.confidence).toBe(none.confidence);
    expect(fresh.explain.reputationExponent).toBe(1);
    expect(fresh.explain.evidenceNeeded).toBe(fresh.explain.threshold);
  });

  it('gives a source that just attacked less benefit of the doubt, and a long-clean one more', () => {
    const scores = [-1, -0.5, 0, 0.5, 1].map((r) => decider.decide(inspection(), { ...evidence(), reputation: reputation(r) }, policy()));
    for (let i = 1; i < scores.length; i++) expect(scores[i].score).toBeLessThan(scores[i - 1].score);
    expect(scores[0].action).toBe('block');
    expect(scores[2].action).toBe('allow');
    expect(Number(scores[0].explain.evidenceNeeded)).toBeLessThan(Number(scores[2].explain.evidenceNeeded));
    expect(Number(scores[4].explain.evidenceNeeded)).toBeGreaterThan(Number(scores[2].explain.evidenceNeeded));
  });

  it('never lifts evidence below the floor: a priority-2 hit with a payload score of 0.5 from the most hostile source stays allowed', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(942100, 2, Q)], model: model([Q, 0.5]), reputation: reputation(-1) }), policy());
    expect(v).toMatchObject({ action: 'allow', confidence: 'medium', score: 0.67 });
    expect(v.explain).toMatchObject({ evidence: 0.67, reputation: -1, reputationExponent: 1, reputationLiftFloor: 0.7 });
  });

  it('lifts a lone priority-1 hit (exactly the floor) only for a hostile source', () => {
    const lone = () => results({ hits: [hit(942100, 1, Q)] });
    expect(decider.decide(inspection(), { ...lone(), reputation: reputation(0) }, policy()).action).toBe('allow');
    const hostile = decider.decide(inspection(), { ...lone(), reputation: reputation(-1) }, policy());
    expect(hostile).toMatchObject({ action: 'block', confidence: 'high' });
    expect(hostile.explain.reputationExponent).toBe(2);
  });

  it('moves the threshold at most to 1 − 0.2^(1/2) ≈ 0.553 however hostile the source', () => {
    const v = decider.decide(inspection(), { ...evidence(), reputation: reputation(-1) }, policy());
    expect(v.explain.reputationExponent).toBe(2);
    expect(v.explain.evidenceNeeded).toBeCloseTo(1 - Math.sqrt(0.2), 4);
    const heavier = createDecisionMaker({ reputationWeights: { hostile: 4 } });
    const below = heavier.decide(inspection(), results({ hits: [hit(942100, 2, Q)], model: model([Q, 0.5]), reputation: reputation(-1) }), policy());
    expect(below.action).toBe('allow');
  });

  it('says why the source is hostile: how many attacks, of what evidence, whose', () => {
    const client = decider.decide(inspection(), { ...evidence(), reputation: reputation(-1) }, policy());
    expect(client.explain).toMatchObject({ reputationScope: 'client', hostileAttacks: 3, hostileEvidence: 0.9, hostileClients: 0 });
    expect(client.reasons.find((r) => r.gate === 'reputation')?.message).toMatch(/^hostile client: 3 recent attacks decisive on their own \(mean evidence 0\.9\)/);
    const address = decider.decide(inspection(), { ...evidence(), reputation: { ...reputation(-1, false, 'address'), attackers: 4 } }, policy());
    expect(address.explain).toMatchObject({ reputationScope: 'address', hostileClients: 4 });
    expect(address.reasons.find((r) => r.gate === 'reputation')?.message).toMatch(/^hostile address: 4 distinct clients attacked from it/);
    const fresh = decider.decide(inspection(), evidence(), policy());
    expect(fresh.explain).toMatchObject({ reputationScope: '', hostileAttacks: 0 });
  });

  it('never blocks on reputation alone', () => {
    const v = decider.decide(inspection(), results({ reputation: reputation(-1), model: model([ID, 0.1]) }), policy());
    expect(v).toMatchObject({ action: 'allow', score: 0 });
  });

  it('still blocks strong evidence from a trusted or long-clean source', () => {
    const v = decider.decide(inspection(), results({ model: model([Q, 0.97]), reputation: reputation(0.2, true) }), policy());
    expect(v.action).toBe('block');
    expect(v.reasons.some((r) => r.gate === 'reputation' && r.message.startsWith('trusted source'))).toBe(true);
  });
});

describe('createDecisionMaker: policy', () => {
  it('monitors instead of blocking in detect mode', () => {
    const v = decider.decide(inspection(), results({ model: model([Q, 0.95]) }), policy({ mode: 'detect' }));
    expect(v).toMatchObject({ action: 'monitor', mode: 'detect', status: 403 });
    const schemaOnly = decider.decide(inspection(), results({ schema: schema([violation('invalid-body', 'body', 400)], 'enforce') }), policy({ mode: 'detect' }));
    expect(schemaOnly.action).toBe('monitor');
  });

  it('blocks only at or above the route’s minimum confidence', () => {
    const r = results({ hits: [hit(942100, 1, Q)] }); // medium
    expect(decider.decide(inspection(), r, policy({ minimumConfidence: 'medium' })).action).toBe('block');
    expect(decider.decide(inspection(), r, policy({ minimumConfidence: 'high' })).action).toBe('allow');
    expect(decider.decide(inspection(), results({ model: model([Q, 0.9]) }), policy({ minimumConfidence: 'critical' })).action).toBe('allow');
  });

  it('never blocks a request without evidence, even with minimumConfidence none', () => {
    expect(decider.decide(inspection(), results(), policy({ minimumConfidence: 'none' })).action).toBe('allow');
  });

  it('blocks on a gate failure with failClosed and judges without it when failing open', () => {
    const failures = [{ gate: 'model' as const, code: 'WARDEN_GATE_INTERNAL', message: 'boom' }];
    const closed = decider.decide(inspection(), results({ failures }), policy({ failClosed: true }));
    expect(closed).toMatchObject({ action: 'block', status: 403 });
    expect(closed.reasons[0]).toMatchObject({ gate: 'policy', ruleId: 'WARDEN_DECISION_FAIL_CLOSED' });
    expect(closed.explain.decidedBy).toBe('fail-closed');
    const open = decider.decide(inspection(), results({ failures }), policy());
    expect(open.action).toBe('allow');
    expect(open.reasons.map((r) => r.ruleId)).toEqual(['WARDEN_GATE_INTERNAL', 'WARDEN_DECISION_FAIL_OPEN']);
    expect(decider.decide(inspection(), results({ failures }), policy({ failClosed: true, mode: 'detect' })).action).toBe('monitor');
  });

  it('ignores disabled rules, by gid:sid or bare sid', () => {
    const r = results({ hits: [hit(942100, 1, Q), hit(1000001, 1, ID, 'block')], model: model([Q, 0.5]) });
    expect(decider.decide(inspection(), r, policy()).action).toBe('block');
    const v = decider.decide(inspection(), r, policy({ disabledRules: new Set(['942100', '1:1000001']) }));
    expect(v.action).toBe('allow');
    expect(v.explain.signatureHits).toBe(0);
    expect(decider.decide(inspection(), results({ hits: [hit(5, 1, Q, 'block', 3)] }), policy({ disabledRules: new Set(['5']) })).action).toBe('block');
  });

  it('ignores exempted targets, bare or with their location', () => {
    const r = results({ hits: [hit(942100, 1, COMMENT)], model: model([COMMENT, 0.99], [ID, 0.3]) });
    expect(decider.decide(inspection(), r, policy()).action).toBe('block');
    for (const name of ['comment', 'body.comment']) {
      const v = decider.decide(inspection(), r, policy({ ignoredTargets: new Set([name]) }));
      expect(v.action).toBe('allow');
      expect(v.explain.payload).toBe(0.3);
      expect(v.explain.payloadField).toBe('query.id');
    }
  });

  it('lets an allow rule pass the request whatever else was found', () => {
    const v = decider.decide(
      inspection(),
      results({ hits: [hit(942100, 1, Q), hit(9000001, 3, Q, 'allow'), hit(1000001, 1, Q, 'block')], model: model([Q, 0.99]) }),
      policy({ failClosed: true }),
    );
    expect(v).toMatchObject({ action: 'allow', confidence: 'none', score: 0 });
    expect(v.reasons[0]).toMatchObject({ ruleId: '1:9000001' });
  });
});

describe('createDecisionMaker: the verdict explains itself', () => {
  it('shows the arithmetic and lists the evidence with its targets', () => {
    const v = decider.decide(
      inspection(),
      results({
        hits: [hit(942100, 1, Q), hit(2000, 3, COMMENT)],
        model: model([Q, 0.6], [ID, 0.05]),
        reputation: reputation(-0.4),
        schema: schema([violation('undeclared-parameter', 'query.q')]),
      }),
      policy(),
    );
    expect(v.incidentId).toBe('01hqtest0000000000');
    expect(v.explain).toMatchObject({
      payload: 0.6,
      payloadField: 'query.q',
      signatureHits: 2,
      topRule: '1:942100',
      reputation: -0.4,
      minimumConfidence: 'high',
      threshold: 0.8,
      topField: 'query.q',
      decidedBy: 'evidence',
    });
    const e = v.explain as Record<string, number>;
    const base = 1 - (1 - e.payloadTerm) * (1 - e.signatureTerm);
    expect(1 - Math.pow(1 - base, e.contextExponent)).toBeCloseTo(e.evidence, 3);
    expect(1 - Math.pow(1 - e.evidence, e.reputationExponent)).toBeCloseTo(e.score, 3);
    expect(v.score).toBe(e.score);
    expect(v.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ gate: 'signatures', ruleId: '1:942100', target: { location: 'query', name: 'q' } }),
        expect.objectContaining({ gate: 'signatures', ruleId: '1:2000', target: { location: 'body', name: 'comment' } }),
        expect.objectContaining({ gate: 'model', score: 0.6, target: { location: 'query', name: 'q' } }),
        expect.objectContaining({ gate: 'schema', ruleId: 'undeclared-parameter' }),
        expect.objectContaining({ gate: 'reputation', score: -0.4 }),
      ]),
    );
    expect(v.reasons.some((r) => r.gate === 'model' && r.target?.name === 'id')).toBe(false);
  });

  it('makes up an incident id when the inspection has none', () => {
    expect(decider.decide(inspection([], ''), results(), policy()).incidentId).toMatch(/^[0-9a-z]{18}$/);
  });
});

describe('resolveDecisionOptions', () => {
  it('refuses bands that do not rise and a floor above the threshold', () => {
    expect(() => resolveDecisionOptions({ bands: { high: 0.4 } })).toThrow(expect.objectContaining({ code: decisionOptionsInvalid.code }));
    expect(() => resolveDecisionOptions({ payloadFloor: 0.9 })).toThrow(/payloadFloor/);
    expect(() => resolveDecisionOptions({ severityByPriority: [1.5] })).toThrow(/severityByPriority\[0\]/);
  });

  it('maps the model operating point onto the high band', () => {
    const o = resolveDecisionOptions({ payloadThreshold: 0.93 });
    expect(calibratePayload(0.93, o)).toBeCloseTo(o.bands.high);
    expect(createDecisionMaker({ payloadThreshold: 0.93 }).decide(inspection(), results({ model: model([Q, 0.9]) }), policy()).action).toBe('allow');
  });
});

describe('createDecisionMaker: a request an inspection limit cut is judged more strictly (issue 17)', () => {
  const cut = (uncovered: string[] = []) => ({ ...inspection(), limits: { reached: ['maxTargets'], uncovered, remainderTargets: 3 } });

  it('blocks a lone priority-1 hit from medium confidence when the inspection was cut', () => {
    const v = decider.decide(cut(), results({ hits: [hit(942100, 1, COMMENT)] }), policy());
    expect(v).toMatchObject({ action: 'block', confidence: 'medium' });
    expect(v.explain).toMatchObject({ decidedBy: 'evidence', minimumConfidence: 'medium' });
    expect(v.reasons[0].ruleId).toBe('WARDEN_DECISION_PARTIAL_INSPECTION');
  });

  it('still lets a cut request with no evidence through', () => {
    expect(decider.decide(cut(), results(), policy()).action).toBe('allow');
  });

  it('blocks a request with something no gate saw as a field, unless the route says judge', () => {
    const blocked = decider.decide(cut(['maxRemainderTargets']), results(), policy());
    expect(blocked).toMatchObject({ action: 'block' });
    expect(blocked.explain.decidedBy).toBe('uninspected');
    expect(blocked.reasons[0].ruleId).toBe('WARDEN_DECISION_UNINSPECTED');
    const judged = decider.decide(cut(['maxRemainderTargets']), results(), policy({ partial: { minimumConfidence: 'high', uncovered: 'judge' } }));
    expect(judged.action).toBe('allow');
  });

  it('keeps a stricter route threshold when the route asks for it', () => {
    const v = decider.decide(cut(), results({ hits: [hit(942100, 1, COMMENT)] }), policy({ partial: { minimumConfidence: 'high', uncovered: 'block' } }));
    expect(v.action).toBe('allow');
  });
});

describe('createDecisionMaker: malformed bodies by policy', () => {
  const malformed = [{ code: 'WARDEN_INSPECT_MALFORMED_JSON', message: 'malformed JSON body: x', severity: 'medium' as const, location: 'body' as const }];

  it('judges them on their evidence by default (the body was inspected as text)', () => {
    expect(decider.decide(inspection(malformed), results(), policy()).action).toBe('allow');
  });

  it('refuses them with 400 under refuse, and an attack in one still gets the block status', () => {
    const v = decider.decide(inspection(malformed), results(), policy({ malformedBody: 'refuse' }));
    expect(v).toMatchObject({ action: 'block', status: 400 });
    expect(v.explain.decidedBy).toBe('malformed-body');
    const attack = decider.decide(inspection(malformed), results({ model: model([Q, 0.99]) }), policy({ malformedBody: 'refuse' }));
    expect(attack).toMatchObject({ action: 'block', status: 403 });
  });
});

describe('createDecisionMaker: calibrated rule weights (rules tune)', () => {
  const weighted = (weight: number, source: string) => ({ ...hit(2100001, 1, Q), weight, weightSource: source });

  it("uses a hit's calibrated weight instead of its priority's severity, and logs where it came from", () => {
    const source = 'rules tune: benign 0/18000, attack 12/2960, exploit (CVE-2022-22963), LR 3.6e+4';
    const v = decider.decide(inspection(), results({ hits: [weighted(0.9, source)] }), policy());
    expect(v).toMatchObject({ action: 'block', confidence: 'high' });
    expect(v.explain.decidedBy).toBe('evidence');
    expect(v.reasons[0]).toMatchObject({ gate: 'signatures', ruleId: '1:2100001', score: 0.9, weightSource: source });
  });

  it('lets a demoted weight stay below what the priority alone would give', () => {
    const demoted = decider.decide(inspection(), results({ hits: [weighted(0.3, 'rules tune: benign 4/18000')] }), policy());
    const byPriority = decider.decide(inspection(), results({ hits: [hit(2100001, 1, Q)] }), policy());
    expect(demoted.score).toBeLessThan(byPriority.score);
    expect(demoted.action).toBe('allow');
    expect(byPriority.reasons[0]).toMatchObject({ score: 0.7, weightSource: 'priority 1' });
  });
});
