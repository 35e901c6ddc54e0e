import { describe, expect, it } from 'vitest';
import { createDecisionMaker } from '../../src/decision/combine.js';
import { reputationEventFromVerdict } from '../../src/decision/reputation-event.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import { accessVerdict } from '../../src/access/verdict.js';
import { ID, Q, hit, inspection, model, policy, reputation, results, schema, violation } from './fixtures.js';

const decider = createDecisionMaker();
const AT = 1_700_000_000_000;

describe('reputationEventFromVerdict', () => {
  it('records a block that reputation lifted with the evidence before the reputation term, as not decisive', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.4]), reputation: reputation(-1) }), policy());
    expect(v.action).toBe('block');
    const ev = reputationEventFromVerdict('ip:198.51.100.7', v, AT);
    expect(ev).toEqual({ key: 'ip:198.51.100.7', at: AT, attackScore: v.explain.evidence, blocked: true, decisive: false, digest: '' });
    expect(ev.attackScore).toBeLessThan(v.score);
  });

  it('marks evidence that blocks on its own as decisive, with a digest that tells attacks apart', () => {
    const a = decider.decide(inspection(), results({ model: model([Q, 0.95]) }), policy());
    const b = decider.decide(inspection(), results({ model: model([Q, 0.97]) }), policy());
    const evA = reputationEventFromVerdict('k', a, AT);
    expect(evA).toMatchObject({ blocked: true, decisive: true });
    expect(evA.digest).toBe(reputationEventFromVerdict('k', a, AT + 1).digest);
    expect(evA.digest).not.toBe(reputationEventFromVerdict('k', b, AT).digest);
    const rule = decider.decide(inspection(), results({ hits: [hit(1000001, 3, ID, 'block')] }), policy());
    expect(reputationEventFromVerdict('k', rule, AT)).toMatchObject({ blocked: true, decisive: true, attackScore: 1 });
  });

  it('counts a detect-mode monitor as an attack, a schema 4xx and a clean request as none', () => {
    const monitored = decider.decide(inspection(), results({ model: model([Q, 0.95]) }), policy({ mode: 'detect' }));
    expect(reputationEventFromVerdict('k', monitored, AT).blocked).toBe(true);
    const schema4xx = decider.decide(inspection(), results({ schema: schema([violation('invalid-body', 'body')], 'enforce') }), policy());
    expect(reputationEventFromVerdict('k', schema4xx, AT)).toMatchObject({ attackScore: 0, blocked: false });
    const clean = decider.decide(inspection(), results({ model: model([Q, 0.05]) }), policy());
    expect(reputationEventFromVerdict('k', clean, AT)).toMatchObject({ attackScore: 0, blocked: false });
  });

  it('counts no access refusal as an attack: an expired or wrong credential is a client\'s mistake, not evidence', () => {
    for (const reason of ['jwt_expired', 'api_key_invalid', 'jwt_signature_invalid', 'scope_missing', 'credential_missing'] as const) {
      const v = accessVerdict(reason, '01kbtestincident00', 'prevent', 10);
      expect(v.score).toBe(0);
      expect(reputationEventFromVerdict('k', v, AT)).toMatchObject({ attackScore: 0, blocked: false, decisive: false });
    }
  });

  it('closes the loop: after three distinct decisive attacks, not after one, medium evidence is judged more harshly', async () => {
    const store = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 0, cleanRequestsScale: 100, maxEntries: 10 });
    const key = 'ip:198.51.100.7';
    const medium = () => results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.4]) });
    const judged = async (at: number) => decider.decide(inspection(), { ...medium(), reputation: await store.get(key, at) }, policy()).action;
    expect(await judged(AT)).toBe('allow');
    for (const [i, score] of [0.99, 0.97, 0.95].entries()) {
      const attack = decider.decide(inspection(), results({ model: model([Q, score]) }), policy());
      await store.record(reputationEventFromVerdict(key, attack, AT + i));
      expect(await judged(AT + 10)).toBe(i < 2 ? 'allow' : 'block');
    }
  });

  it('does not feed on itself: blocks that reputation lifted never make a source hostile', async () => {
    const store = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 0, cleanRequestsScale: 100, maxEntries: 10 });
    const key = 'k';
    for (let i = 0; i < 10; i++) {
      const lifted = decider.decide(inspection(), results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.4 + i / 1000]), reputation: reputation(-1) }), policy());
      expect(lifted.action).toBe('block');
      await store.record(reputationEventFromVerdict(key, lifted, AT + i));
    }
    expect(await store.get(key, AT + 9)).toMatchObject({ score: 0, attacks: 0 });
  });
});
