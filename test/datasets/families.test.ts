import { describe, expect, it } from 'vitest';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';
import { FAMILIES, generateBenign } from '../../datasets/loaders.js';
import { iterateFamily } from '../../datasets/engine.js';
import { bodyProblem, header } from './body-check.js';

const SCALE = 0.02;
const bySeed = new Map<number, RequestRecord[]>();
function corpus(seed: number): RequestRecord[] {
  if (!bySeed.has(seed)) bySeed.set(seed, generateBenign({ seed, scale: SCALE }));
  return bySeed.get(seed)!;
}

describe('dataset families', () => {
  it('registers at least 5 families with unique names', () => {
    const names = FAMILIES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  for (const family of FAMILIES) {
    describe(family.name, () => {
      const records = () => corpus(7).filter((r) => r.category === family.name);

      it('is deterministic for a seed and differs across seeds', () => {
        const a = [...iterateFamily(family, 7, SCALE)];
        expect(JSON.stringify(a)).toBe(JSON.stringify(records()));
        const b = [...iterateFamily(family, 8, SCALE)];
        expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
      });

      it('emits valid benign records of its own category', () => {
        for (const r of records()) {
          expect(recordProblem(r), r.id).toBeNull();
          expect(r.label).toBe('benign');
          expect(r.source).toBe('warden-gen');
          expect(r.category).toBe(family.name);
          expect(r.query.startsWith('?')).toBe(false);
          expect(/^[A-Z]+$/.test(r.method), r.id).toBe(true);
          expect(header(r, 'host'), r.id).toBeTruthy();
        }
      });

      it('has bodies that match their Content-Type', () => {
        for (const r of records()) expect(bodyProblem(r), `${r.id}: ${r.body?.slice(0, 200)}`).toBeNull();
      });

      it('puts only wire-safe characters in path and query', () => {
        for (const r of records()) {
          // Raw spaces, quotes, angle brackets and non-ASCII are always percent-encoded by clients.
          expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
        }
      });
    });
  }

  it('gives ids that are unique across the corpus', () => {
    const ids = corpus(7).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('selecting families does not change their records', () => {
    const one = generateBenign({ seed: 7, scale: SCALE, families: [FAMILIES[1].name] });
    expect(JSON.stringify(one)).toBe(JSON.stringify(corpus(7).filter((r) => r.category === FAMILIES[1].name)));
  });
});
