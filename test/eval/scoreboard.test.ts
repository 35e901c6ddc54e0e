import { describe, expect, it } from 'vitest';
import { Scoreboard, formatTable, rates } from '../../src/eval/scoreboard.js';
import { recordProblem } from '../../src/eval/record.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';

describe('eval scoreboard', () => {
  it('computes TPR, TNR and balanced accuracy per source and category', () => {
    const b = new Scoreboard();
    b.add('a', 'sqli', 'attack', true);
    b.add('a', 'sqli', 'attack', false);
    b.add('b', 'forms', 'benign', false);
    b.add('b', 'forms', 'benign', false);
    b.add('b', 'forms', 'benign', true);
    b.add('b', 'forms', 'benign', false);
    const total = rates(b.total);
    expect(total.tpr).toBe(0.5);
    expect(total.tnr).toBe(0.75);
    expect(total.balancedAccuracy).toBe(0.625);
    expect(rates(b.bySource.get('a')!).tnr).toBeNull();
    expect(formatTable('category', b.byCategory)).toContain('attack/sqli');
  });
});

describe('request records', () => {
  const record = {
    id: 'r1',
    source: 'test',
    label: 'benign',
    category: 'forms',
    method: 'POST',
    path: '/login',
    query: 'next=%2Fhome',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'user=ann&pass=%C3%A9',
  };

  it('accepts a valid record and names the first problem of an invalid one', () => {
    expect(recordProblem(record)).toBeNull();
    expect(recordProblem({ ...record, label: 'maybe' })).toMatch(/label/);
    expect(recordProblem({ ...record, path: 'login' })).toMatch(/path/);
    expect(recordProblem({ ...record, headers: { a: 1 } })).toMatch(/header "a"/);
    expect(recordProblem([])).toMatch(/object/);
    expect(recordProblem({ ...record, bodyEncoding: 'hex' })).toMatch(/bodyEncoding/);
  });

  it('rebuilds the request as sent: target, headers, body bytes and length', () => {
    const raw = recordToRawRequest(record as never);
    expect(raw.url).toBe('/login?next=%2Fhome');
    expect(raw.rawHeaders).toEqual(['Host', 'app.test', 'Content-Type', 'application/x-www-form-urlencoded', 'Content-Length', '20']);
    expect(raw.body.toString()).toBe('user=ann&pass=%C3%A9');
  });

  it('decodes a base64 body (a binary or non-UTF-8 body, as the traffic log writes it) to its bytes', () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]);
    const raw = recordToRawRequest({ ...record, bodyEncoding: 'base64', body: bytes.toString('base64') } as never);
    expect(raw.body.equals(bytes)).toBe(true);
    expect(raw.rawHeaders.slice(-2)).toEqual(['Content-Length', '6']);
  });
});
