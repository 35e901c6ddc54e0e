import { describe, expect, it } from 'vitest';
import { renderBlock } from '../../src/proxy/block-response.js';
import type { Verdict } from '../../src/decision/types.js';

const verdict: Verdict = {
  action: 'block',
  status: 403,
  confidence: 'high',
  score: 0.97,
  incidentId: '01kb0000000abcdefg',
  mode: 'prevent',
  reasons: [{ gate: 'signatures', ruleId: '1:9000001', message: 'SQL injection <script>' }],
  explain: {},
  timings: {},
};

describe('block responses', () => {
  it('gives API clients a small JSON body with the incident id and no detection details', () => {
    const answer = renderBlock(verdict, 'auto', 'application/json', null, true);
    expect(answer.status).toBe(403);
    expect(answer.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body);
    expect(body).toEqual({ error: 'request_blocked', status: 403, message: 'Request blocked by the web application firewall.', incidentId: verdict.incidentId });
    expect(answer.body).not.toContain('9000001');
  });

  it('gives browsers an HTML page, escaping what it shows', () => {
    const answer = renderBlock({ ...verdict, incidentId: '<x>' }, 'auto', 'text/html,application/xhtml+xml', null, true);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.body).toContain('&lt;x&gt;');
    expect(answer.body).not.toContain('<x>');
  });

  it('names failing schema locations unless details are hidden', () => {
    const violations = [{ kind: 'invalid-parameter' as const, location: 'query.limit', message: 'must be <= 100', status: 400 }];
    const shown = JSON.parse(renderBlock({ ...verdict, status: 400 }, 'json', undefined, violations, true).body);
    expect(shown).toMatchObject({ error: 'request_invalid', status: 400, violations: ['query.limit: must be <= 100'] });
    const hidden = JSON.parse(renderBlock({ ...verdict, status: 400 }, 'json', undefined, violations, false).body);
    expect(hidden.violations).toBeUndefined();
  });
});
