/**
 * The dilution carriers (datasets/dilution-carriers.ts): payloads in benign context of 5-400 chars, and benign twins
 * (the same contexts around benign technical mentions).
 */
import { describe, expect, it } from 'vitest';
import { BENIGN_MENTIONS, contextOf, dilutionPayloads, generateDilutionCarriers, LENGTH_BUCKETS, LONG_BUCKETS, placePayload, POSITIONS, recordsAround } from '../../datasets/dilution-carriers.js';
import { Rng } from '../../datasets/lib/rng.js';
import { recordVerdicts } from '../model/carrier-verdicts.js';

/** Carriers of seed 7 still passing (datasets/README.md, "2026-12-07, session 33, dil33"). */
const PASSING_PIN = 110;
/** Long carriers (`--long`, 401-5,000 chars of context) of seed 7 still passing (datasets/README.md, "session 34, lead"). */
const LONG_PASSING_PIN = 81;
/** Record carriers (`--records`, a payload in one cell of a 401-5,000-char export) of seed 7 still passing (same section). */
const RECORDS_PASSING_PIN = 83;
/** Record twins blocked: `;cat ~/.bashrc` as a row's last cell after a `;` (9000301's alert, the cell 0.97) and a
 * `SELECT COUNT(*) FROM orders` cell (blocked on main 5abbab4 too, 0.91 whole). */
const RECORD_TWINS_BLOCKED = ['dilution-carriers/b/14/around/4/query/records', 'dilution-carriers/b/18/after/4/query/records'];

describe('placePayload', () => {
  it('puts a payload after, before or in the middle of its context, at a word boundary', () => {
    expect(placePayload('Thanks for the reply.', "' OR 1=1#", 'before')).toBe("Thanks for the reply. ' OR 1=1#");
    expect(placePayload('Thanks for the reply.', '<svg onload=alert(1)>', 'after')).toBe('<svg onload=alert(1)> Thanks for the reply.');
    expect(placePayload('Thanks for the quick reply.', '{{7*7}}', 'around')).toBe('Thanks for the {{7*7}} quick reply.');
  });
});

describe('contextOf', () => {
  it('cuts joined sentences to at most the length asked, at a word boundary', () => {
    const rng = new Rng(3);
    const sentences = ['The quick brown fox jumps over the lazy dog.', 'Pack my box with five dozen liquor jugs.'];
    for (const [lo, hi] of [...LENGTH_BUCKETS, ...LONG_BUCKETS]) {
      for (let i = 0; i < 20; i++) {
        const length = rng.int(lo, hi);
        const text = contextOf(rng, sentences, length);
        expect(text.length).toBeLessThanOrEqual(length);
        expect(text.length).toBeGreaterThan(0);
        expect(text.endsWith(' ')).toBe(false);
      }
    }
  });
});

describe('generateDilutionCarriers', () => {
  it('is deterministic by seed; every payload and mention in every position and length bucket', () => {
    const a = generateDilutionCarriers(7);
    expect(generateDilutionCarriers(7)).toEqual(a);
    expect(generateDilutionCarriers(8)).not.toEqual(a);
    const payloads = dilutionPayloads(7);
    const per = POSITIONS.length * LENGTH_BUCKETS.length;
    expect(a.filter((r) => r.label === 'attack')).toHaveLength(payloads.length * per);
    expect(a.filter((r) => r.label === 'benign')).toHaveLength(BENIGN_MENTIONS.length * per);
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
    // Each kind the header names is there: written payloads, family draws, exploit field values.
    const kinds = new Set(payloads.map((p) => p.kind));
    for (const k of ['sql', 'xss', 'ssti', 'jndi', 'cmd', 'crlf', 'family:jndi-log4shell', 'family:shell-substitution', 'exploit']) expect(kinds).toContain(k);
  });

  it('puts pages of context around the payloads with --long (bucket ids 4 and 5); the short set is unchanged by it', () => {
    const a = generateDilutionCarriers(7, { long: true });
    expect(a).toHaveLength(generateDilutionCarriers(7).length / 2);
    expect(new Set(a.map((r) => r.id.split('/')[4]))).toEqual(new Set(['4', '5']));
    const lengths = a.map((r) => (r.query + (r.body ?? '')).length);
    expect(Math.min(...lengths)).toBeGreaterThan(400);
    expect(lengths.filter((n) => n > 1200).length).toBeGreaterThan(a.length / 4);
  });

  it('puts a payload in one cell of a CSV-like export with --records', () => {
    const a = generateDilutionCarriers(7, { records: true });
    expect(a.every((r) => r.id.endsWith('/records'))).toBe(true);
    const rng = new Rng(5);
    for (const position of POSITIONS) {
      const text = recordsAround(rng, '<svg onload=alert(1)>', 900, position);
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes('<svg onload=alert(1)>'));
      expect(at, position).toBe(position === 'after' ? 1 : position === 'before' ? lines.length - 1 : ((lines.length - 1) >> 1) + 1);
      expect(text.length).toBeGreaterThan(850);
    }
  });

  it('adds each payload alone on the same route when asked', () => {
    const a = generateDilutionCarriers(7, { withPayloads: true });
    const alone = a.filter((r) => r.category.startsWith('alone:'));
    expect(alone).toHaveLength(a.length / 2);
    const byId = new Map(a.map((r) => [r.id, r]));
    for (const r of alone.slice(0, 50)) {
      const carrier = byId.get(r.id.slice(0, -'/alone'.length))!;
      expect(r.path).toBe(carrier.path);
      expect(r.method).toBe(carrier.method);
    }
  });
});

/** A twin blocked on main 7d57288 already (a SQL statement after `O'er the`, 0.905 whole): not this mechanism's. */
const KNOWN_TWINS_BLOCKED = ['dilution-carriers/b/14/before/0/query/shakespeare'];

describe('seed 7 through the whole pipeline', () => {
  it('blocks the carriers an injection rule points at in prose; no benign twin newly blocked', async () => {
    const records = generateDilutionCarriers(7);
    const verdicts = await recordVerdicts(records);
    const blocked = (id: string): boolean => verdicts.get(id) === 'block';
    // The lead's three: ' UNION SELECT, <img onerror>, <script>fetch after prose (allow 0.7 on main 1e6a4f4).
    for (const id of ['dilution-carriers/a/0/before/3/multipart/readme', 'dilution-carriers/a/9/before/2/form/support', 'dilution-carriers/a/10/before/3/form/support']) expect(blocked(id), id).toBe(true);
    const passing = records.filter((r) => r.label === 'attack' && !blocked(r.id)).length;
    // At most (230 of 768 passed on main 7d57288): a change that dilutes again fails; one that closes more lowers it in its own commit.
    expect(passing).toBeLessThanOrEqual(PASSING_PIN);
    expect(records.filter((r) => r.label === 'benign' && blocked(r.id) && !KNOWN_TWINS_BLOCKED.includes(r.id)).map((r) => r.id)).toEqual([]);
  }, 120_000);

  it('blocks the long carriers an injection rule points at past a page of prose; no long twin blocked', async () => {
    const records = generateDilutionCarriers(7, { long: true });
    const verdicts = await recordVerdicts(records);
    const blocked = (id: string): boolean => verdicts.get(id) === 'block';
    const passing = records.filter((r) => r.label === 'attack' && !blocked(r.id)).length;
    // At most (183 of 384 passed on main 5abbab4, whose clusters were looked for in forms of a window only).
    expect(passing).toBeLessThanOrEqual(LONG_PASSING_PIN);
    expect(records.filter((r) => r.label === 'benign' && blocked(r.id)).map((r) => r.id)).toEqual([]);
  }, 180_000);

  it('blocks the record carriers an injection rule points at: one cell of an export holding the payload; twins as measured', async () => {
    const records = generateDilutionCarriers(7, { records: true });
    const verdicts = await recordVerdicts(records);
    const blocked = (id: string): boolean => verdicts.get(id) === 'block';
    const passing = records.filter((r) => r.label === 'attack' && !blocked(r.id)).length;
    // At most (133 of 384 passed on main 5abbab4).
    expect(passing).toBeLessThanOrEqual(RECORDS_PASSING_PIN);
    expect(records.filter((r) => r.label === 'benign' && blocked(r.id) && !RECORD_TWINS_BLOCKED.includes(r.id)).map((r) => r.id)).toEqual([]);
  }, 180_000);
});
