import { describe, expect, it } from 'vitest';
import { proposeTuning, tuningFileOf } from '../../../src/signatures/tune/propose-tuning.js';
import type { BenignHitMeasurement } from '../../../src/signatures/tune/measure-benign-hits.js';
import type { Rule } from '../../../src/signatures/rule.js';
import type { RuleEffect } from '../../../src/signatures/types.js';

function rule(sid: number, action: 'alert' | 'drop', priority: number | null = null, classtype = 'web-application-attack'): Rule {
  return {
    gid: 1,
    sid,
    rev: 1,
    msg: `rule ${sid}`,
    classtype,
    priority,
    enabled: true,
    header: { action },
    location: { file: '/x/local.rules', line: sid },
  } as unknown as Rule;
}

function measured(requests: number, hits: Record<string, number>): BenignHitMeasurement {
  return {
    requests,
    bySource: new Map([['warden-gen/link-values', requests]]),
    rules: new Map(Object.entries(hits).map(([k, n]) => [k, { hits: n, bySource: new Map([['warden-gen/link-values', n]]), examples: [] }])),
  };
}

const byAction = (r: Rule): RuleEffect => (r.header.action === 'drop' ? 'block' : 'suspicious');

describe('proposeTuning', () => {
  const rules = [rule(1, 'drop'), rule(2, 'drop'), rule(3, 'alert'), rule(4, 'alert'), rule(5, 'alert', 3)];
  const result = proposeTuning(rules, byAction, measured(10_000, { '1:1': 1, '1:3': 11, '1:4': 10 }), {});
  const of = (key: string) => result.find((t) => t.key === key)!;

  it('demotes a blocking rule that matched even one benign request to suspicious', () => {
    expect(of('1:1')).toMatchObject({ effect: 'block', proposed: 'suspicious', weight: 1, proposedWeight: 0.7, hits: 1 });
  });

  it('leaves a blocking rule without benign hits blocking', () => {
    expect(of('1:2')).toMatchObject({ effect: 'block', proposed: 'block', hits: 0 });
  });

  it('disables a suspicious rule above the rate limit and keeps one at the limit', () => {
    expect(of('1:3')).toMatchObject({ proposed: 'disabled', proposedWeight: 0, rate: 0.0011 });
    expect(of('1:4')).toMatchObject({ proposed: 'suspicious', rate: 0.001 });
  });

  it('weighs a suspicious rule by its priority as the decision does', () => {
    expect(of('1:5').weight).toBe(0.2);
  });

  it('lists rules by descending benign hits', () => {
    expect(result.map((t) => t.key).slice(0, 3)).toEqual(['1:3', '1:4', '1:1']);
  });

  it("never changes the operator's pins", () => {
    const pinned = proposeTuning(rules, byAction, measured(10_000, { '1:3': 500 }), { '1:3': 'block' });
    expect(pinned.find((t) => t.key === '1:3')).toMatchObject({ proposed: 'block', pinned: true });
  });

  it('writes only changed rules to the sidecar, with the pins kept', () => {
    const file = tuningFileOf(result, measured(10_000, {}), { '1:9': 'disabled' }, new Date(0));
    expect(Object.keys(file.rules).sort()).toEqual(['1:1', '1:3']);
    expect(file.rules['1:3']).toMatchObject({ effect: 'disabled', hits: 11 });
    expect(file.pinned).toEqual({ '1:9': 'disabled' });
  });
});
