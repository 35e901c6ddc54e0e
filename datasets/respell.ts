/**
 * Re-spellings of attack records, to measure whether detection holds when the same payload travels in
 * another container or encoding (an attacker's first move). Takes records whose payload is a query value
 * and writes one NDJSON file per spelling:
 *
 * | spelling | the payload |
 * |---|---|
 * | `json-uescape` | in a JSON body, about half its characters written `\uXXXX` |
 * | `percent-letters` | still in the query, about a third of its ASCII letters and digits percent-encoded (`%70ing`) |
 * | `double-url` | still in the query, URL-encoded twice |
 * | `form` | in an urlencoded form body |
 * | `json` | in a JSON body, plain |
 * | `multipart` | in a multipart/form-data field, as a browser's FormData sends it |
 * | `iis-u` | still in the query, every character but letters and digits as IIS's `%uXXXX` |
 * | `entities` | in a form body, every character but letters and digits as a decimal HTML entity |
 * | `base64` | still in the query, base64-encoded (an application that decodes a parameter) |
 * | `gzip-json` | in a JSON body compressed with `Content-Encoding: gzip` |
 * | `deflate-form` | in a form body compressed with `Content-Encoding: deflate` |
 * | `utf16-json` | in a JSON body in UTF-16LE, its charset declared |
 * | `xml-cdata` | in an XML element's CDATA section |
 * | `xml-entities` | in an XML element's text, every character a hexadecimal character reference |
 * | `multipart-base64` | in a multipart field sent with `Content-Transfer-Encoding: base64` |
 * | `multipart-qp` | in a multipart field sent with `Content-Transfer-Encoding: quoted-printable`, every byte escaped |
 * | `cookie` | in a cookie, percent-encoded as PHP reads it |
 * | `text-plain-json` | in a JSON body declared `text/plain` (what a cross-site form can send without a preflight) |
 * | `octet-form` | in a form body declared `application/octet-stream` |
 * | `json-nested` | in a JSON body, three levels down in arrays and objects |
 * | `json-in-form` | in a JSON document sent as a form field's value |
 *
 * A record whose payload is a parameter *name* (a JSON document or an expression as the key) is left out:
 * its re-spellings would move the name, not the payload. Seeded: the same input and seed give the same
 * files.
 *
 *   npx tsx datasets/respell.ts --in FILE.ndjson [--in FILE2 ...] --out DIR [--seed N]
 *   warden eval --corpus DIR/json-uescape.ndjson ...   # per spelling
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { RequestRecord } from '../src/eval/record.js';
import { Rng } from './lib/rng.js';

export const SPELLINGS = [
  'json-uescape',
  'percent-letters',
  'double-url',
  'form',
  'json',
  'multipart',
  'iis-u',
  'entities',
  'base64',
  'gzip-json',
  'deflate-form',
  'utf16-json',
  'xml-cdata',
  'xml-entities',
  'multipart-base64',
  'multipart-qp',
  'cookie',
  'text-plain-json',
  'octet-form',
  'json-nested',
  'json-in-form',
] as const;
export type Spelling = (typeof SPELLINGS)[number];

const BOUNDARY = '----WebKitFormBoundaryR3sp3ll';

/** The query parameter holding the payload: the one with the longest decoded value. Null when a name is the payload. */
export function payloadParameter(query: string): { index: number; name: string; value: string; pairs: string[] } | null {
  if (query === '' || !query.includes('=')) return null;
  const pairs = query.split('&');
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  let index = -1;
  let longest = -1;
  for (let i = 0; i < pairs.length; i++) {
    const eq = pairs[i].indexOf('=');
    const value = eq < 0 ? '' : decode(pairs[i].slice(eq + 1));
    if (value.length > longest) {
      longest = value.length;
      index = i;
    }
  }
  const eq = pairs[index].indexOf('=');
  const name = decode(pairs[index].slice(0, eq));
  const value = decode(pairs[index].slice(eq + 1));
  // A name longer than its value, or any name that is not a plain identifier, carries the payload itself.
  if (name.length > value.length || pairs.some((p) => !/^[\w.[\]%-]{0,40}=/.test(p))) return null;
  return { index, name, value, pairs };
}

function withValue(p: { index: number; name: string; pairs: string[] }, encoded: string): string {
  const pairs = [...p.pairs];
  pairs[p.index] = `${encodeURIComponent(p.name)}=${encoded}`;
  return pairs.join('&');
}

function percentSomeLetters(value: string, rng: Rng): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9]$/.test(ch) && rng.chance(1 / 3)) out += `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

function jsonWithEscapes(name: string, value: string, rng: Rng): string {
  let escaped = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && rng.chance(0.5)) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += JSON.stringify(ch).slice(1, -1);
  }
  return `{${JSON.stringify(name)}:"${escaped}"}`;
}

/** Every character but ASCII letters and digits through `spell`. */
function exceptAlnum(value: string, spell: (code: number) => string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) out += /[A-Za-z0-9]/.test(value[i]) ? value[i] : spell(value.charCodeAt(i));
  return out;
}

const hex = (code: number, width: number): string => code.toString(16).toUpperCase().padStart(width, '0');

/** A multipart body of one field, the value as given, with its own part headers. */
function multipartField(name: string, partHeaders: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n${partHeaders}\r\n${value}\r\n--${BOUNDARY}--\r\n`;
}

/** One record re-spelled; null when the record carries its payload in a name or not in the query. */
export function respell(record: RequestRecord, spelling: Spelling, rng: Rng): RequestRecord | null {
  if (record.body !== undefined && record.body !== '') return null;
  const p = payloadParameter(record.query);
  if (p === null) return null;
  const id = `${record.id}#${spelling}`;
  const headers = { ...record.headers };
  const post = (contentType: string, body: string): RequestRecord => ({ ...record, id, method: 'POST', query: '', headers: { ...headers, 'Content-Type': contentType }, body });
  // A body that is not UTF-8 text travels as base64 (the record format's bodyEncoding).
  const postBytes = (contentType: string, bytes: Buffer, extra: Record<string, string> = {}): RequestRecord => ({
    ...record,
    id,
    method: 'POST',
    query: '',
    headers: { ...headers, 'Content-Type': contentType, ...extra },
    body: bytes.toString('base64'),
    bodyEncoding: 'base64',
  });
  const form = withValue(p, encodeURIComponent(p.value));
  const element = /^[A-Za-z_][\w.-]*$/.test(p.name) ? p.name : 'value';
  switch (spelling) {
    case 'json-uescape':
      return post('application/json', jsonWithEscapes(p.name, p.value, rng));
    case 'percent-letters':
      return { ...record, id, query: withValue(p, percentSomeLetters(p.value, rng)) };
    case 'double-url':
      return { ...record, id, query: withValue(p, encodeURIComponent(encodeURIComponent(p.value))) };
    case 'form':
      return post('application/x-www-form-urlencoded', form);
    case 'json':
      return post('application/json', JSON.stringify({ [p.name]: p.value }));
    case 'multipart':
      return post(
        `multipart/form-data; boundary=${BOUNDARY}`,
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n--${BOUNDARY}--\r\n`,
      );
    case 'iis-u':
      return { ...record, id, query: withValue(p, exceptAlnum(p.value, (c) => `%u${hex(c, 4)}`)) };
    case 'entities':
      return post('application/x-www-form-urlencoded', withValue(p, encodeURIComponent(exceptAlnum(p.value, (c) => `&#${c};`))));
    case 'base64':
      return { ...record, id, query: withValue(p, encodeURIComponent(Buffer.from(p.value, 'utf8').toString('base64'))) };
    case 'gzip-json':
      return postBytes('application/json', gzipSync(JSON.stringify({ [p.name]: p.value })), { 'Content-Encoding': 'gzip' });
    case 'deflate-form':
      return postBytes('application/x-www-form-urlencoded', deflateSync(form), { 'Content-Encoding': 'deflate' });
    case 'utf16-json':
      return postBytes('application/json; charset=utf-16le', Buffer.from(JSON.stringify({ [p.name]: p.value }), 'utf16le'));
    case 'xml-cdata':
      return post('application/xml', `<?xml version="1.0"?><request><${element}><![CDATA[${p.value.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${element}></request>`);
    case 'xml-entities':
      return post('application/xml', `<?xml version="1.0"?><request><${element}>${[...p.value].map((ch) => `&#x${hex(ch.codePointAt(0)!, 1)};`).join('')}</${element}></request>`);
    case 'multipart-base64':
      return post(`multipart/form-data; boundary=${BOUNDARY}`, multipartField(p.name, 'Content-Transfer-Encoding: base64\r\n', Buffer.from(p.value, 'utf8').toString('base64')));
    case 'multipart-qp':
      return post(
        `multipart/form-data; boundary=${BOUNDARY}`,
        multipartField(p.name, 'Content-Transfer-Encoding: quoted-printable\r\n', [...Buffer.from(p.value, 'utf8')].map((b) => `=${hex(b, 2)}`).join('')),
      );
    case 'cookie':
      return { ...record, id, query: '', headers: { ...headers, Cookie: `session=8f2a61c4; ${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}` } };
    case 'text-plain-json':
      return post('text/plain', JSON.stringify({ [p.name]: p.value }));
    case 'octet-form':
      return post('application/octet-stream', form);
    case 'json-nested':
      return post('application/json', JSON.stringify({ data: { items: [{ id: 1 }, { meta: [{ [p.name]: p.value }] }] } }));
    case 'json-in-form':
      return post('application/x-www-form-urlencoded', `payload=${encodeURIComponent(JSON.stringify({ filters: { [p.name]: p.value } }))}`);
  }
}

function main(): void {
  const { values } = parseArgs({ options: { in: { type: 'string', multiple: true }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean', default: false } } });
  if (values.help || values.in === undefined || values.out === undefined) {
    process.stdout.write('npx tsx datasets/respell.ts --in FILE.ndjson [--in FILE2 ...] --out DIR [--seed N]\n');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`respell: --seed must be an integer, got ${values.seed}\n`);
    process.exitCode = 2;
    return;
  }
  const records: RequestRecord[] = [];
  for (const file of values.in) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim() !== '') records.push(JSON.parse(line) as RequestRecord);
  }
  mkdirSync(values.out, { recursive: true });
  for (const spelling of SPELLINGS) {
    const rng = new Rng(`${seed}:${spelling}`);
    const out: string[] = [];
    for (const r of records) {
      const s = respell(r, spelling, rng);
      if (s !== null) out.push(JSON.stringify(s));
    }
    writeFileSync(join(values.out, `${spelling}.ndjson`), out.length > 0 ? `${out.join('\n')}\n` : '');
    process.stdout.write(`${spelling.padEnd(16)} ${out.length} records\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
