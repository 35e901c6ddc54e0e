import { describe, expect, it } from 'vitest';
import { describeLabelCounts, labelTraffic } from '../../src/retrain/weak-labels.js';
import type { OperatorLabel } from '../../src/retrain/labels.js';
import { cleanHistory, trafficLine } from './traffic-fixtures.js';

const DAY = 86_400_000;

describe('weak labels', () => {
  it('labels clean passes from established clean sources benign, and nothing from young sources', () => {
    const established = cleanHistory('198.51.100.7', 25, 2 * DAY);
    const young = cleanHistory('198.51.100.8', 25, 60_000);
    const few = cleanHistory('198.51.100.9', 5, 3 * DAY);
    const { labelled, counts } = labelTraffic([...established, ...young, ...few], new Map());
    expect(counts['weak-benign']).toBe(25);
    expect(labelled.every((l) => l.line.ip === '198.51.100.7' && l.label === 'benign' && l.origin === 'weak-benign')).toBe(true);
    expect(counts.unlabelled).toBe(30);
  });

  it('labels high-confidence signature hits from bad sources attack', () => {
    const hits = [1, 2, 3].map(() => trafficLine({ ip: '203.0.113.66', action: 'block', confidence: 'critical', reasons: ['signatures:1:942100', 'model'] }));
    const lone = trafficLine({ ip: '203.0.113.67', action: 'block', confidence: 'high', reasons: ['signatures:1:942100'] });
    const { counts } = labelTraffic([...hits, lone], new Map());
    expect(counts['weak-attack']).toBe(3);
    expect(counts.unlabelled).toBe(1);
    expect(describeLabelCounts(counts).join('\n')).toMatch(/weak-attack: 3 .*signature/);
  });

  it('operator labels win over the rules and count unmatched ids', () => {
    const hits = [1, 2].map(() => trafficLine({ ip: '203.0.113.5', action: 'monitor', confidence: 'high', reasons: ['signatures:1:1'] }));
    const op = new Map<string, OperatorLabel>([
      [hits[0].id, { incidentId: hits[0].id, label: 'benign', ts: '', by: 'cli' }],
      ['zzzz9999', { incidentId: 'zzzz9999', label: 'attack', ts: '', by: 'cli' }],
    ]);
    const { labelled, counts } = labelTraffic(hits, op);
    expect(labelled.find((l) => l.line.id === hits[0].id)).toMatchObject({ label: 'benign', origin: 'operator' });
    expect(counts.operator).toEqual({ attack: 0, benign: 1, unmatched: 1 });
  });

  describe('poisoning resistance', () => {
    it('a flooding source never yields weak benign labels once any of its requests was flagged', () => {
      // The attacker warms up with a long clean history, then floods crafted payloads, some of which get flagged.
      const warmup = cleanHistory('203.0.113.99', 200, 3 * DAY, { path: '/comment', query: 'text=%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
      const flagged = trafficLine({ ip: '203.0.113.99', action: 'monitor', confidence: 'high', reasons: ['model'] });
      const { labelled } = labelTraffic([...warmup, flagged], new Map());
      expect(labelled.filter((l) => l.label === 'benign')).toHaveLength(0);
    });

    it('an unflagged flood from one clean source is capped per source', () => {
      const flood = cleanHistory('203.0.113.98', 5000, 3 * DAY, { path: '/comment', query: 'text=%3Csvg%20onload%3Dx%3E' });
      const honest = cleanHistory('198.51.100.20', 30, 2 * DAY);
      const { labelled, counts } = labelTraffic([...flood, ...honest], new Map(), { maxPerSource: 40 });
      expect(labelled.filter((l) => l.line.ip === '203.0.113.98')).toHaveLength(40);
      expect(counts.capped).toBe(4960);
      expect(labelled.filter((l) => l.line.ip === '198.51.100.20')).toHaveLength(30);
    });

    it('requests flagged by any gate are never weak-benign, even from clean sources', () => {
      const clean = cleanHistory('198.51.100.30', 30, 2 * DAY);
      // An allow with a reason (low-confidence evidence) still counts as flagged.
      const noted = trafficLine({ ip: '198.51.100.31', reasons: ['schema:WARDEN_SCHEMA_X'] });
      const { labelled } = labelTraffic([...clean, noted], new Map(), { minCleanRequests: 1, minCleanSpanMs: 0 });
      expect(labelled.some((l) => l.line.id === noted.id)).toBe(false);
    });
  });
});

describe('what counts as flagged', () => {
  it('a reputation reason alone does not flag a request; a model note on an allow does', () => {
    const known = cleanHistory('198.51.100.40', 10, 2 * 86_400_000, { verdict: { action: 'allow', confidence: 'none', score: 0, reasons: ['reputation:WARDEN_DECISION_REPUTATION'] } });
    const noted = trafficLine({ ip: '198.51.100.40', ts: known[3].ts, reasons: ['model:WARDEN_DECISION_PAYLOAD'] });
    const { labelled } = labelTraffic([...known, noted], new Map(), { minCleanRequests: 5 });
    expect(labelled).toHaveLength(10);
    expect(labelled.some((l) => l.line.id === noted.id)).toBe(false);
  });
});
