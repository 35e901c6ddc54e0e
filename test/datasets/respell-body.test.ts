import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BODY_SPELLINGS, formDecode, formToJson, parseForm, respellBody } from '../../datasets/respell-body.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';

const PAYLOAD = "1' union select password from users-- #";
const form: RequestRecord = {
  id: 'x/1',
  source: 'test',
  label: 'attack',
  category: 'sql',
  method: 'POST',
  path: '/login.php',
  query: '',
  headers: { Host: 'app.example.test', 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '90' },
  // A `+` is a space, `%e9` a Latin-1 byte in a name, a bare flag, a lone `%`, PHP's brackets.
  body: `user=admin&pass=${encodeURIComponent(PAYLOAD).replace(/%20/g, '+')}&flag&pct=50%&opt[a]=1&opt[b]=x%3Dy&ids[]=1&ids[]=2`,
};
/** The same form without its bare `flag`, which multipart and JSON do not take. */
const fielded: RequestRecord = { ...form, body: form.body!.replace('&flag&', '&') };
const json: RequestRecord = {
  ...form,
  id: 'x/2',
  headers: { Host: 'app.example.test', 'content-type': 'application/json' },
  body: JSON.stringify({ q: PAYLOAD, n: 3, deep: [{ cmd: 'a;id`x`\n' }, null, true], 'ké': 'é€😀' }),
};

const bytes = (r: RequestRecord): Buffer => Buffer.from(r.body ?? '', r.bodyEncoding === 'base64' ? 'base64' : 'utf8');
const contentType = (r: RequestRecord): string => r.headers['Content-Type'];

/** The form's fields as a server reads them: name → values, as bytes in latin1 (PHP reads bytes, not text). */
function fieldsOf(body: Buffer): Array<[string, string]> {
  return parseForm(body).map((f) => [f.name.toString('latin1'), f.value.toString('latin1')]);
}

/** A multipart body's parts as a server reads them (name, value), Latin-1 so bytes compare as bytes. */
function multipartFields(r: RequestRecord): Array<[string, string]> {
  const boundary = /boundary=(.+)$/.exec(contentType(r))![1];
  const text = bytes(r).toString('latin1');
  const parts = text.split(`--${boundary}`).slice(1, -1);
  return parts.map((p) => {
    const [head, ...rest] = p.slice(2).split('\r\n\r\n');
    return [/name="([^"]*)"/.exec(head)![1], rest.join('\r\n\r\n').slice(0, -2)];
  });
}

describe('respellBody (attack records whose payload is a body, re-spelled)', () => {
  it('decodes a form as PHP does: + a space, %XX a byte, a lone % literal, a bare name empty', () => {
    expect(formDecode('a+b%27%zz%').toString('latin1')).toBe("a b'%zz%");
    expect(fieldsOf(Buffer.from(form.body!))).toContainEqual(['flag', '']);
    expect(fieldsOf(Buffer.from(form.body!))).toContainEqual(['pass', PAYLOAD]);
  });

  it('form-percent: every reserved byte of every value encoded, the fields read back identical', () => {
    const r = respellBody(form, 'form-percent')!;
    expect(recordProblem(r)).toBeNull();
    expect(r.body).toContain('pass=1%27%20union%20select');
    expect(r.body).toContain('pct=50%25');
    expect(r.headers['Content-Length']).toBeUndefined();
    expect(fieldsOf(bytes(r))).toEqual(fieldsOf(bytes(form)));
  });

  it('form-multipart: one part per field, the same names and value bytes', () => {
    const r = respellBody(fielded, 'form-multipart')!;
    expect(recordProblem(r)).toBeNull();
    expect(contentType(r)).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipartFields(r)).toEqual(fieldsOf(bytes(fielded)));
    // A pair without `=` is a raw body an endpoint may read whole (Check Point's MyCRL): not moved into a part.
    expect(respellBody(form, 'form-multipart')).toBeNull();
    expect(respellBody({ ...form, body: 'CSHELL/../../../etc/shadow' }, 'form-json')).toBeNull();
  });

  it('form-multipart keeps a value that is not UTF-8 byte for byte (a base64 record body)', () => {
    const latin = { ...form, body: 'q=caf%E9%27--' };
    const r = respellBody(latin, 'form-multipart')!;
    expect(r.bodyEncoding).toBe('base64');
    expect(multipartFields(r)).toEqual([['q', "caf\xe9'--"]]);
  });

  it('form-json and json-uescape: the fields as PHP/qs nest them, read back by JSON.parse', () => {
    const expected = { user: 'admin', pass: PAYLOAD, pct: '50%', opt: { a: '1', b: 'x=y' }, ids: ['1', '2'] };
    for (const spelling of ['form-json', 'json-uescape'] as const) {
      const r = respellBody(fielded, spelling)!;
      expect(recordProblem(r), spelling).toBeNull();
      expect(contentType(r)).toBe('application/json');
      expect(JSON.parse(r.body!), spelling).toEqual(expected);
    }
    expect(respellBody(fielded, 'json-uescape')!.body).toContain('"pass":"1\\u0027\\u0020union\\u0020select');
    // JSON carries text, not bytes: a value that is not UTF-8 cannot go.
    expect(respellBody({ ...form, body: 'q=%E9' }, 'form-json')).toBeNull();
    expect(formToJson(parseForm(Buffer.from('a=1&a[b]=2')))).toBeNull();
    expect(formToJson(parseForm(Buffer.from('a=1&a=2')))).toEqual({ a: ['1', '2'] });
  });

  it('json-uescape on a JSON body: every string value escaped, the document parses to the same values', () => {
    const r = respellBody(json, 'json-uescape')!;
    expect(recordProblem(r)).toBeNull();
    expect(JSON.parse(r.body!)).toEqual(JSON.parse(json.body!));
    expect(r.body).toContain('\\u0060x\\u0060\\u000a');
    expect(r.body).toContain('\\ud83d\\ude00');
    expect(respellBody({ ...json, body: '{"a":' }, 'json-uescape')).toBeNull();
    // In place: a repeated key (CouchDB reads the last `roles`) and the key order survive; a parse would collapse them.
    const dup = respellBody({ ...json, body: '{"name":"x", "roles":[],"roles":["_admin"]}' }, 'json-uescape')!;
    expect(dup.body).toBe('{"name":"x", "roles":[],"roles":["\\u005fadmin"]}');
  });

  it('gzip: the body as sent, compressed, Content-Encoding set, for a form and a JSON body', () => {
    for (const r0 of [form, json]) {
      const r = respellBody(r0, 'gzip')!;
      expect(recordProblem(r)).toBeNull();
      expect(r.bodyEncoding).toBe('base64');
      expect(r.headers['Content-Encoding']).toBe('gzip');
      expect(gunzipSync(bytes(r)).equals(bytes(r0))).toBe(true);
    }
  });

  it('takes only form and JSON bodies, each spelling the body it can carry', () => {
    const query = { ...form, method: 'GET', body: undefined, query: 'q=1' };
    const xml = { ...form, headers: { 'Content-Type': 'application/xml' }, body: '<a/>' };
    for (const spelling of BODY_SPELLINGS) {
      expect(respellBody(query, spelling)).toBeNull();
      expect(respellBody(xml, spelling)).toBeNull();
      expect(respellBody(fielded, spelling)!.id).toBe(`x/1#${spelling}`);
    }
    expect(respellBody(json, 'form-percent')).toBeNull();
    expect(respellBody(json, 'form-multipart')).toBeNull();
  });
});
