import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign8Records } from '../../datasets/blind-benign-8/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-8.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 8"). */
const CLASSES: Record<string, number> = { cicd: 20, obsquery: 20, flags: 20, ide: 20, chatops: 19, sheets: 19, templating: 20, docs: 20, sci: 20, filters: 20, patterns: 20 };

describe('blind benign set 8', () => {
  it('holds the 218 requests of its first measurement in eleven classes', () => {
    expect(records).toHaveLength(218);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(218);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign8Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-8', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('carries bodies that parse as their Content-Type', () => {
    for (const r of records) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
  });
});
