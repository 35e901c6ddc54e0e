/**
 * The checks every committed blind benign set gets (datasets/blind-probes/benign-N.ndjson): the
 * counts written before its first measurement, the committed file equal to what its generator writes,
 * valid benign records with wire-safe targets and headers, and bodies that parse as their Content-Type.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

export interface BlindBenignSet {
  set: number;
  /** Requests per class, as written before the set was measured (datasets/README.md, "Blind benign set N"). */
  classes: Record<string, number>;
  /** The set's generator (datasets/blind-benign-N/index.ts). */
  generate: () => RequestRecord[];
  /** A body check of the set's own, where a client sends what its Content-Type does not say (set 4's Algolia queries). */
  bodyCheck?: (record: RequestRecord) => string | null;
  /** What the body test's name adds about `bodyCheck`. */
  bodyNote?: string;
}

export function testBlindBenignSet({ set, classes, generate, bodyCheck = bodyProblem, bodyNote = '' }: BlindBenignSet): void {
  const file = readFileSync(new URL(`../../datasets/blind-probes/benign-${set}.ndjson`, import.meta.url), 'utf8');
  const records = file.trim().split('\n').map((l) => JSON.parse(l) as RequestRecord);
  const total = Object.values(classes).reduce((a, b) => a + b, 0);

  describe(`blind benign set ${set}`, () => {
    it(`holds the ${total} requests of its first measurement in ${Object.keys(classes).length} classes`, () => {
      expect(records).toHaveLength(total);
      const counts: Record<string, number> = {};
      for (const r of records) counts[r.category] = (counts[r.category] ?? 0) + 1;
      expect(counts).toEqual(classes);
      expect(new Set(records.map((r) => r.id)).size).toBe(total);
    });

    it('is what its generator writes (the committed file is the measured one)', () => {
      expect(generate()).toEqual(records);
    });

    it('is valid benign warden eval records with wire-safe targets and headers', () => {
      for (const r of records) {
        expect(recordProblem(r), r.id).toBeNull();
        expect(r.label === 'benign' && r.source === `blind-benign-${set}`, r.id).toBe(true);
        expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
        for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
      }
    });

    it(`carries bodies that parse as their Content-Type${bodyNote}`, () => {
      for (const r of records) expect(bodyCheck(r), `${r.id}: ${r.body?.slice(0, 120)}`).toBeNull();
    });
  });
}
