import { describe, expect, it } from 'vitest';
import { Pipeline } from '../src/pipeline.js';
import { createDecisionMaker } from '../src/decision/combine.js';
import { buildInspection } from '../src/inspect/build-inspection.js';
import { SourceReputation } from '../src/reputation/source-reputation.js';
import { MemoryReputationStore } from '../src/reputation/memory-store.js';
import type { RoutePolicy } from '../src/decision/types.js';
import type { Inspection } from '../src/inspect/types.js';
import type { SignatureGate } from '../src/signatures/types.js';
import type { ModelGate } from '../src/model/types.js';
import { compileRules } from '../src/signatures/compile/compile-rules.js';
import { parseText } from './signatures/parse-helpers.js';

const policy = (failClosed: boolean): RoutePolicy => ({
  mode: 'prevent',
  minimumConfidence: 'high',
  blockStatus: 403,
  failClosed,
  disabledRules: new Set(),
  ignoredTargets: new Set(),
});

function inspection(url = '/products?id=1') {
  const i = buildInspection({
    method: 'GET',
    url,
    httpVersion: '1.1',
    rawHeaders: ['Host', 'shop.test'],
    body: Buffer.alloc(0),
    bodyTruncated: false,
    source: { ip: '198.51.100.4', port: 5000, peerIp: '198.51.100.4' },
  });
  i.id = 'incident-under-test';
  return i;
}

// A gate whose internals fail: the only way to exercise the failure policy without breaking a real one.
const brokenSignatures: SignatureGate = {
  ruleCount: 1,
  evaluate() {
    throw new Error('matcher exploded');
  },
};

describe('pipeline', () => {
  it('allows a plain request when every gate slot is empty', async () => {
    const { verdict, results } = await new Pipeline({ signatures: null, model: null, schema: null, reputation: null, decision: createDecisionMaker() }).run(
      inspection(),
      policy(false),
    );
    expect(verdict.action).toBe('allow');
    expect(verdict.incidentId).toBe('incident-under-test');
    expect(results.failures).toEqual([]);
    expect(verdict.timings.total).toBeGreaterThanOrEqual(0);
  });

  it('records a gate failure and lets the others decide when failing open', async () => {
    const pipeline = new Pipeline({ signatures: brokenSignatures, model: null, schema: null, reputation: null, decision: createDecisionMaker() });
    const { verdict, results } = await pipeline.run(inspection(), policy(false));
    expect(results.failures).toEqual([{ gate: 'signatures', code: 'WARDEN_GATE_INTERNAL', message: 'matcher exploded' }]);
    expect(verdict.action).toBe('allow');
  });

  it('blocks when a gate fails and the route fails closed', async () => {
    const pipeline = new Pipeline({ signatures: brokenSignatures, model: null, schema: null, reputation: null, decision: createDecisionMaker() });
    const { verdict } = await pipeline.run(inspection(), policy(true));
    expect(verdict.action).toBe('block');
  });

  it('looks up and then records the client and its address in the reputation store', async () => {
    const store = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 0, cleanRequestsScale: 10, maxEntries: 100 });
    const identity = { keysOf: (i: Inspection) => ({ client: `ip:${i.source.ip}|fp:x`, address: `ip:${i.source.ip}` }) };
    const pipeline = new Pipeline({
      signatures: null,
      model: null,
      schema: null,
      reputation: new SourceReputation(store, identity, { minAttackers: 3, recoveryCleanRequests: 20, establishedClean: 3, minAttackShare: 0.1 }),
      decision: createDecisionMaker(),
    });
    await pipeline.run(inspection(), policy(false));
    await new Promise((r) => setTimeout(r, 10));
    expect((await store.get('ip:198.51.100.4|fp:x', Date.now())).requests).toBeGreaterThan(0);
    expect((await store.get('ip:198.51.100.4', Date.now())).requests).toBeGreaterThan(0);
  });

  it('swaps gates for later requests only', async () => {
    const pipeline = new Pipeline({ signatures: null, model: null, schema: null, reputation: null, decision: createDecisionMaker() });
    pipeline.swap({ signatures: brokenSignatures });
    expect(pipeline.current().signatures).toBe(brokenSignatures);
    const { results } = await pipeline.run(inspection(), policy(false));
    expect(results.failures).toHaveLength(1);
  });

  describe('a block rule that settles the verdict', () => {
    // An alert, then a drop, both on /admin; a model that counts its runs and scores every field 0.99.
    const rules = compileRules(
      parseText(
        [
          'alert http any any -> any any (msg:"admin path"; flow:to_server; http_uri; content:"/admin"; sid:9100001;)',
          'drop http any any -> any any (msg:"admin probe"; flow:to_server; http_uri; content:"/admin"; sid:9100002;)',
        ].join('\n'),
      ).rules,
    );
    const countingModel = (): ModelGate & { runs: number } => ({
      runs: 0,
      async evaluate(i) {
        this.runs++;
        const scores = i.targets.map((_, targetIndex) => ({ targetIndex, score: 0.99, form: 'raw' }));
        return { scores, maxScore: 0.99, screened: scores.length, total: scores.length, modelVersion: 'test' };
      },
    });
    const gatesWith = (model: ModelGate) => ({ signatures: rules, model, schema: null, reputation: null, decision: createDecisionMaker() });

    it('in prevent mode: the block hit alone is kept and the model does not run; the verdict is the full evaluation’s', async () => {
      const model = countingModel();
      const settled = await new Pipeline(gatesWith(model)).run(inspection('/admin/users'), policy(false));
      expect(model.runs).toBe(0);
      expect(settled.results.model).toBeNull();
      expect(settled.results.signatures?.hits.map((h) => h.sid)).toEqual([9100002]);
      expect(settled.results.signatures?.unevaluated).toBe(1);

      const fullModel = countingModel();
      const full = await new Pipeline(gatesWith(fullModel), { settleEarly: false }).run(inspection('/admin/users'), policy(false));
      expect(fullModel.runs).toBe(1);
      expect(full.results.signatures?.hits.map((h) => h.sid)).toEqual([9100001, 9100002]);
      for (const key of ['action', 'status', 'confidence', 'score'] as const) expect(settled.verdict[key]).toEqual(full.verdict[key]);
      expect(settled.verdict.reasons[0]).toEqual(full.verdict.reasons[0]);
      expect(settled.verdict.explain.decidedBy).toBe('rule-block');
    });

    it('in detect mode: every rule and the model run, for the log an operator tunes from', async () => {
      const model = countingModel();
      const { verdict, results } = await new Pipeline(gatesWith(model)).run(inspection('/admin/users'), { ...policy(false), mode: 'detect' });
      expect(model.runs).toBe(1);
      expect(results.signatures?.hits.map((h) => h.sid)).toEqual([9100001, 9100002]);
      expect(verdict.action).toBe('monitor');
    });

    it('not when the route disables the block rule: the model still decides', async () => {
      const model = countingModel();
      const { verdict, results } = await new Pipeline(gatesWith(model)).run(inspection('/admin/users'), { ...policy(false), disabledRules: new Set(['1:9100002']) });
      expect(model.runs).toBe(1);
      expect(results.signatures?.unevaluated).toBeUndefined();
      expect(verdict.explain.decidedBy).toBe('evidence');
    });
  });
});
