import { describe, expect, it } from 'vitest';
import { payloadParameter, respell, SPELLINGS } from '../../datasets/respell.js';
import { Rng } from '../../datasets/lib/rng.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';

const PAYLOAD = "1' union select password from users-- ";
const record: RequestRecord = {
  id: 'a/1',
  source: 'test',
  label: 'attack',
  category: 'sql',
  method: 'GET',
  path: '/search',
  query: `page=2&q=${encodeURIComponent(PAYLOAD)}`,
  headers: { Host: 'shop.example.test' },
};

/** The payload as the application reads it back from each spelling. */
function readBack(r: RequestRecord): string {
  const type = r.headers['Content-Type'] ?? '';
  if (r.body === undefined) return new URLSearchParams(r.query).get('q') ?? '';
  if (type.startsWith('application/json')) return (JSON.parse(r.body) as { q: string }).q;
  if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(r.body).get('q') ?? '';
  return /name="q"\r\n\r\n([\s\S]*)\r\n--/.exec(r.body)?.[1] ?? '';
}

describe('respell (attack records re-spelled into other containers and encodings)', () => {
  it('finds the payload in the longest query value, and refuses a record whose payload is a name', () => {
    expect(payloadParameter(record.query)).toMatchObject({ index: 1, name: 'q', value: PAYLOAD });
    expect(payloadParameter(`${encodeURIComponent('{"__proto__":{"a":1}}')}=1`)).toBeNull();
    expect(payloadParameter('')).toBeNull();
  });

  it('writes valid records that carry the same payload in every spelling, one decoding away', () => {
    for (const spelling of SPELLINGS) {
      const r = respell(record, spelling, new Rng(`1:${spelling}`))!;
      expect(recordProblem(r), spelling).toBeNull();
      expect(r.id).toBe(`a/1#${spelling}`);
      const back = readBack(r);
      // Double URL encoding is read back once by the application: one more round gives the payload.
      expect(spelling === 'double-url' ? decodeURIComponent(back) : back, spelling).toBe(PAYLOAD);
    }
    expect(respell(record, 'json-uescape', new Rng('1:json-uescape'))!.body).toMatch(/\\u00/);
    expect(respell(record, 'percent-letters', new Rng('1:percent-letters'))!.query).toMatch(/%[4-7][0-9A-F]/);
  });

  it('is seeded: the same record and seed give the same spelling', () => {
    expect(respell(record, 'json-uescape', new Rng('7:x'))).toEqual(respell(record, 'json-uescape', new Rng('7:x')));
    expect(respell({ ...record, body: 'x=1' }, 'json', new Rng(1))).toBeNull();
  });
});
