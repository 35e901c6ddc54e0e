import { describe, expect, it } from 'vitest';
import { createDecisionMaker } from '../../src/decision/combine.js';
import { reputationEventFromVerdict } from '../../src/decision/reputation-event.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import { Q, hit, inspection, model, policy, reputation, results, schema, violation } from './fixtures.js';

const decider = createDecisionMaker();
const AT = 1_700_000_000_000;

describe('reputationEventFromVerdict', () => {
  it('records an attack block with the evidence before the reputation term', () => {
    const v = decider.decide(inspection(), results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.3]), reputation: reputation(-1) }), policy());
    expect(v.action).toBe('block');
    const ev = reputationEventFromVerdict('ip:198.51.100.7', v, AT);
    expect(ev).toEqual({ key: 'ip:198.51.100.7', at: AT, attackScore: v.explain.evidence, blocked: true });
    expect(ev.attackScore).toBeLessThan(v.score);
  });

  it('counts a detect-mode monitor as an attack, a schema 4xx and a clean request as none', () => {
    const monitored = decider.decide(inspection(), results({ model: model([Q, 0.95]) }), policy({ mode: 'detect' }));
    expect(reputationEventFromVerdict('k', monitored, AT).blocked).toBe(true);
    const schema4xx = decider.decide(inspection(), results({ schema: schema([violation('invalid-body', 'body')], 'enforce') }), policy());
    expect(reputationEventFromVerdict('k', schema4xx, AT)).toMatchObject({ attackScore: 0, blocked: false });
    const clean = decider.decide(inspection(), results({ model: model([Q, 0.05]) }), policy());
    expect(reputationEventFromVerdict('k', clean, AT)).toMatchObject({ attackScore: 0, blocked: false });
  });

  it('closes the loop: after one blocked attack the same weak evidence is judged more harshly', async () => {
    const store = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 0, cleanRequestsScale: 100, maxEntries: 10 });
    const key = 'ip:198.51.100.7';
    const weak = () => results({ hits: [hit(942100, 1, Q)], model: model([Q, 0.3]) });
    const before = decider.decide(inspection(), { ...weak(), reputation: await store.get(key, AT) }, policy());
    expect(before.action).toBe('allow');
    const attack = decider.decide(inspection(), results({ model: model([Q, 0.99]) }), policy());
    await store.record(reputationEventFromVerdict(key, attack, AT));
    const after = decider.decide(inspection(), { ...weak(), reputation: await store.get(key, AT + 60_000) }, policy());
    expect(after.action).toBe('block');
  });
});
