import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign9Records } from '../../datasets/blind-benign-9/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-9.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 9"). */
const CLASSES: Record<string, number> = { identity: 20, dns: 21, network: 23, l10n: 21, media: 21, forms: 20, finance: 21, mobile: 20, games: 22, search: 22 };

describe('blind benign set 9', () => {
  it('holds the 211 requests of its first measurement in ten classes', () => {
    expect(records).toHaveLength(211);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(211);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign9Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-9', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('carries bodies that parse as their Content-Type', () => {
    for (const r of records) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
  });
});
