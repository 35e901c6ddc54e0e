import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benign4Records } from '../../datasets/blind-benign-4/index.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const FILE = readFileSync(new URL('../../datasets/blind-probes/benign-4.ndjson', import.meta.url), 'utf8');
const records = FILE.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 4"). */
const CLASSES: Record<string, number> = { payment: 41, maps: 51, video: 40, chat: 37, cms: 37, cloud: 36, graphql: 35, oauth: 37, search: 48, i18n: 51 };

describe('blind benign set 4', () => {
  it('holds the 413 requests of its first measurement in ten classes', () => {
    expect(records).toHaveLength(413);
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
    expect(counts).toEqual(CLASSES);
    expect(new Set(records.map((r) => r.id)).size).toBe(413);
  });

  it('is what its generator writes (the committed file is the measured one)', () => {
    expect(benign4Records()).toEqual(records);
  });

  it('is valid benign warden eval records with wire-safe targets and headers', () => {
    for (const r of records) {
      expect(recordProblem(r), r.id).toBeNull();
      expect(r.label === 'benign' && r.source === 'blind-benign-4', r.id).toBe(true);
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it("carries bodies that parse as their Content-Type (Algolia's client sends JSON typed as a form to skip the CORS preflight)", () => {
    for (const r of records) {
      if (r.path === '/1/indexes/*/queries') expect(() => JSON.parse(r.body ?? ''), r.id).not.toThrow();
      else expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
    }
  });
});
