import { describe, expect, it } from 'vitest';
import { HDR, gateFor } from './match-helpers.js';
import { buildInspection } from './fixtures.js';
import type { SignatureHit } from '../../src/signatures/types.js';

const blocks = (hit: SignatureHit): boolean => hit.effect === 'block';

// Rule order: an alert, a drop, another alert, another drop, all on the same URI.
const MIXED = [
  `alert tcp any any -> any 80 (msg:"a1"; content:"/x"; http_uri; sid:1;)`,
  `drop tcp any any -> any 80 (msg:"d2"; content:"/x"; http_uri; sid:2;)`,
  `alert tcp any any -> any 80 (msg:"a3"; content:"/x"; http_uri; sid:3;)`,
  `drop tcp any any -> any 80 (msg:"d4"; content:"/x"; http_uri; sid:4;)`,
].join('\n');

describe('a block hit that settles the verdict', () => {
  it('stops the evaluation at the first settling block hit, the block rules evaluated first', () => {
    const result = gateFor(MIXED).evaluate(buildInspection({ url: '/x' }), blocks);
    expect(result.hits.map((h) => h.sid)).toEqual([2]);
    expect(result.unevaluated).toBe(3);
    expect(result.candidates).toBe(1);
  });

  it('evaluates every rule, in rule order, without a settling predicate', () => {
    const result = gateFor(MIXED).evaluate(buildInspection({ url: '/x' }));
    expect(result.hits.map((h) => h.sid)).toEqual([1, 2, 3, 4]);
    expect(result.unevaluated).toBeUndefined();
  });

  it('reports the first block hit an evaluation in rule order reports first', () => {
    const gate = gateFor(MIXED);
    const full = gate.evaluate(buildInspection({ url: '/x' })).hits.find((h) => h.effect === 'block');
    const settled = gate.evaluate(buildInspection({ url: '/x' }), blocks).hits.at(-1);
    expect(settled).toEqual(full);
  });

  it('keeps the hits in rule order when no hit settles the verdict', () => {
    const gate = gateFor(MIXED);
    const none = () => false;
    const settled = gate.evaluate(buildInspection({ url: '/x' }), none);
    expect(settled.hits.map((h) => h.sid)).toEqual([1, 2, 3, 4]);
    expect(settled.unevaluated).toBeUndefined();
  });

  it('goes on past a block hit the predicate does not count (a rule the route disables)', () => {
    const notSid2 = (hit: SignatureHit) => hit.effect === 'block' && hit.sid !== 2;
    const result = gateFor(MIXED).evaluate(buildInspection({ url: '/x' }), notSid2);
    expect(result.hits.map((h) => h.sid)).toEqual([2, 4]);
    expect(result.unevaluated).toBe(2);
  });

  it('never stops early in a rule set with an allow rule: a pass outranks every block', () => {
    const gate = gateFor(`${MIXED}\npass tcp any any -> any 80 (msg:"p5"; content:"/x"; http_uri; sid:5;)`);
    const result = gate.evaluate(buildInspection({ url: '/x' }), blocks);
    expect(result.hits.map((h) => h.sid)).toEqual([1, 2, 3, 4, 5]);
    expect(result.unevaluated).toBeUndefined();
  });

  it('never stops early when a flowbits unset makes a later rule depend on the order rules ran in', () => {
    const gate = gateFor(
      `${MIXED}\nalert tcp any any -> any 80 (msg:"u6"; content:"/x"; http_uri; flowbits:unset,seen; flowbits:noalert; sid:6;)`,
    );
    expect(gate.evaluate(buildInspection({ url: '/x' }), blocks).unevaluated).toBeUndefined();
  });

  it('still counts the matches of a rate-filtered rule it no longer reports, so later requests see the same counts', () => {
    const gate = gateFor(
      [
        `drop tcp any any -> any 80 (msg:"d1"; content:"/x"; http_uri; sid:1;)`,
        `${HDR} (msg:"f2"; content:"/x"; http_uri; detection_filter:track by_src, count 1, seconds 60; sid:2;)`,
      ].join('\n'),
      undefined,
      { now: () => 0 },
    );
    const req = buildInspection({ url: '/x' });
    // First request: settled by sid 1; sid 2's match is counted (1 of the 1 allowed before it fires).
    expect(gate.evaluate(req, blocks).hits.map((h) => h.sid)).toEqual([1]);
    // Second request, every rule reported: the filter has seen one match already, so sid 2 fires.
    expect(gate.evaluate(req).hits.map((h) => h.sid)).toEqual([1, 2]);
  });
});
