import { gunzipSync, inflateSync } from 'node:zlib';
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

/** The body's bytes: base64-decoded when the record says so. */
const bytes = (r: RequestRecord): Buffer => Buffer.from(r.body ?? '', r.bodyEncoding === 'base64' ? 'base64' : 'utf8');
const fromEntities = (s: string): string => s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
const multipartValue = (r: RequestRecord): string => /name="q"\r\n(?:[^\r]*\r\n)*\r\n([\s\S]*)\r\n--/.exec(r.body ?? '')?.[1] ?? '';

/** The payload as the application reads it back from each spelling (a server that undoes the spelling's encoding). */
function readBack(r: RequestRecord): string {
  const spelling = r.id.slice(r.id.indexOf('#') + 1);
  const query = (): string => new URLSearchParams(r.query).get('q') ?? '';
  const formOf = (text: string): string => new URLSearchParams(text).get('q') ?? '';
  switch (spelling) {
    case 'iis-u':
      return decodeURIComponent(/[?&]?q=([^&]*)/.exec(r.query)![1].replace(/%u([0-9A-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    case 'entities':
      return fromEntities(formOf(r.body!));
    case 'base64':
      return Buffer.from(query(), 'base64').toString('utf8');
    case 'gzip-json':
      return (JSON.parse(gunzipSync(bytes(r)).toString('utf8')) as { q: string }).q;
    case 'deflate-form':
      return formOf(inflateSync(bytes(r)).toString('utf8'));
    case 'utf16-json':
      return (JSON.parse(bytes(r).toString('utf16le')) as { q: string }).q;
    case 'xml-cdata':
      return /<q><!\[CDATA\[([\s\S]*)\]\]><\/q>/.exec(r.body!)![1];
    case 'xml-entities':
      return fromEntities(/<q>([\s\S]*)<\/q>/.exec(r.body!)![1]);
    case 'multipart-base64':
      return Buffer.from(multipartValue(r), 'base64').toString('utf8');
    case 'multipart-qp':
      return Buffer.from(multipartValue(r).replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    case 'cookie':
      return decodeURIComponent(/(?:^|; )q=([^;]*)/.exec(r.headers.Cookie)![1]);
    case 'json-nested':
      return (JSON.parse(r.body!) as { data: { items: [unknown, { meta: Array<{ q: string }> }] } }).data.items[1].meta[0].q;
    case 'json-in-form':
      return (JSON.parse(new URLSearchParams(r.body).get('payload')!) as { filters: { q: string } }).filters.q;
  }
  const type = r.headers['Content-Type'] ?? '';
  if (r.body === undefined) return query();
  if (type.startsWith('application/json') || type === 'text/plain') return (JSON.parse(r.body) as { q: string }).q;
  if (type.startsWith('application/x-www-form-urlencoded') || type === 'application/octet-stream') return formOf(r.body);
  return multipartValue(r);
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
    expect(SPELLINGS.length).toBe(21);
    expect(respell(record, 'json-uescape', new Rng('1:json-uescape'))!.body).toMatch(/\\u00/);
    expect(respell(record, 'percent-letters', new Rng('1:percent-letters'))!.query).toMatch(/%[4-7][0-9A-F]/);
  });

  it('is seeded: the same record and seed give the same spelling', () => {
    expect(respell(record, 'json-uescape', new Rng('7:x'))).toEqual(respell(record, 'json-uescape', new Rng('7:x')));
    expect(respell({ ...record, body: 'x=1' }, 'json', new Rng(1))).toBeNull();
  });
});
