import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign7Records } from '../../datasets/blind-benign-7/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-7.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 7"). */
const CLASSES: Record<string, number> = { configsave: 21, gitops: 20, logsearch: 20, sqlconsole: 20, secops: 20, support: 20, wiki: 20, beacons: 20, cmsadmin: 20, apitools: 20 };

describe('blind benign set 7', () => {
  it('holds the 201 requests of its first measurement in ten classes', () => {
    expect(records).toHaveLength(201);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(201);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign7Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-7', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('carries bodies that parse as their Content-Type', () => {
    for (const r of records) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
  });
});
