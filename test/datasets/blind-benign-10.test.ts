import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign10Records } from '../../datasets/blind-benign-10/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-10.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 10"). */
const CLASSES: Record<string, number> = {
  iot: 16, cad: 15, pos: 15, logistics: 16, health: 16, lms: 17, hr: 15, a11y: 14,
  legal: 15, trading: 16, travel: 15, messaging: 15, mailops: 16, gis: 16, mlops: 18,
};

describe('blind benign set 10', () => {
  it('holds the 235 requests of its first measurement in fifteen classes', () => {
    expect(records).toHaveLength(235);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(235);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign10Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-10', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('carries bodies that parse as their Content-Type', () => {
    for (const r of records) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
  });
});
