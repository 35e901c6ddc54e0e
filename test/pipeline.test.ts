import { describe, expect, it } from 'vitest';
import { Pipeline } from '../src/pipeline.js';
import { createDecisionMaker } from '../src/decision/combine.js';
import { buildInspection } from '../src/inspect/build-inspection.js';
import { SourceReputation } from '../src/reputation/source-reputation.js';
import { MemoryReputationStore } from '../src/reputation/memory-store.js';
import type { RoutePolicy } from '../src/decision/types.js';
import type { Inspection } from '../src/inspect/types.js';
import type { SignatureGate } from '../src/signatures/types.js';

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
});
