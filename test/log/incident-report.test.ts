/** `warden incident`'s text: a signature reason on a decoded form names the decoding. */
import { describe, expect, it } from 'vitest';
import { formatIncident } from '../../src/log/incident-report.js';

describe('formatIncident', () => {
  it('names the decoding of a signature hit on a decoded form, after the field', () => {
    const text = formatIncident('01abc', [
      {
        incidentId: '01abc',
        event: 'verdict',
        time: '2026-12-04T14:00:00.000Z',
        action: 'block',
        reasons: [
          { gate: 'signatures', ruleId: '1:9100001', score: 1, target: { location: 'body', name: 'state' }, decoded: 'base64>gzip', message: 'WARDEN_DECISION_RULE_BLOCK: java exec' },
          { gate: 'signatures', ruleId: '1:9000102', score: 0.7, target: { location: 'query', name: 'q' }, message: 'UNION SELECT' },
        ],
      },
    ]);
    expect(text).toContain("1:9100001 score 1 in body 'state', decoded: base64>gzip: WARDEN_DECISION_RULE_BLOCK: java exec");
    expect(text).toContain("1:9000102 score 0.7 in query 'q': UNION SELECT");
  });
});
