import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign5Records } from '../../datasets/blind-benign-5/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-5.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 5"). */
const CLASSES: Record<string, number> = { snippets: 18, issues: 14, qa: 12, notebook: 14, logsearch: 15, ci: 8, iac: 10, dbadmin: 13, chatops: 10, configs: 10 };

describe('blind benign set 5', () => {
  it('holds the 124 requests of its first measurement in ten classes', () => {
    expect(records).toHaveLength(124);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(124);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign5Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-5', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('carries bodies that parse as their Content-Type', () => {
    for (const r of records) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
  });
});
