/**
 * Re-spellings of attack records whose payload is in the **body** (a form or a JSON document), the way most
 * exploit templates send it; `respell.ts` does the same for a query value. Each spelling is faithful: what
 * the application decodes (its form fields' bytes, its JSON document's values) is identical, only the
 * spelling on the wire differs.
 *
 * | spelling | takes | the body |
 * |---|---|---|
 * | `form-percent` | form | every value's bytes percent-encoded but `A-Za-z0-9-_.~` (Python's `quote(v, safe='')`, curl `--data-urlencode`); names as sent |
 * | `form-multipart` | form | each field a `multipart/form-data` part, as a browser's FormData sends it |
 * | `form-json` | form | the fields as a JSON object, `a[b]`/`a[]` nested as PHP and `qs` read them, a repeated name an array. **Assumption**: the application also accepts JSON (many frameworks parse either by Content-Type); not every one does |
 * | `json-uescape` | JSON, form | every string value's characters but ASCII letters and digits as `\uXXXX` (a form through `form-json`, the same assumption) |
 * | `gzip` | form, JSON | the body as sent, gzip-compressed, `Content-Encoding: gzip` |
 *
 * Chunked transfer is not a spelling here: it is transport, and the proxy dechunks before the inspector
 * sees a body (`warden eval` reads records, which have no transfer framing).
 *
 * A record is left out of a spelling when the spelling cannot carry it faithfully: a form value that is
 * not UTF-8 (JSON has no bytes), a name with a quote or line break (a multipart name), a form with a pair
 * without `=` (a raw body the endpoint reads whole) for multipart and JSON, a JSON body that does not
 * parse. Deterministic: no seed.
 *
 *   npx tsx datasets/respell-body.ts --in FILE.ndjson [--in FILE2 ...] --out DIR
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { RequestRecord } from '../src/eval/record.js';

export const BODY_SPELLINGS = ['form-percent', 'form-multipart', 'form-json', 'json-uescape', 'gzip'] as const;
export type BodySpelling = (typeof BODY_SPELLINGS)[number];

const BOUNDARY = '----WebKitFormBoundaryB0dyR3sp';

/** One form field: its name and value as the application decodes them (bytes, `+` a space). */
export interface FormField {
  name: Buffer;
  value: Buffer;
  /** The pair had no `=` (`flag&a=1`): PHP reads it as an empty value. */
  bare: boolean;
}

/** `+` as a space, `%XX` as its byte; a `%` not followed by two hex digits stays literal (PHP's urldecode). */
export function formDecode(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x2b) out[n++] = 0x20;
    else if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      i += 2;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

const isHex = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/** Every byte but unreserved ones as `%XX`. */
export function percentEncodeAll(value: Buffer): string {
  let out = '';
  for (const b of value) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The body's bytes (a record's body is UTF-8 text unless it says base64); the form's text is one char per byte. */
function bodyBytes(r: RequestRecord): Buffer {
  return Buffer.from(r.body ?? '', r.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}

export function parseForm(body: Buffer): FormField[] {
  const text = body.toString('latin1');
  const fields: FormField[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    fields.push(eq < 0 ? { name: formDecode(pair), value: Buffer.alloc(0), bare: true } : { name: formDecode(pair.slice(0, eq)), value: formDecode(pair.slice(eq + 1)), bare: false });
  }
  return fields;
}

function header(r: RequestRecord, name: string): string | undefined {
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : r.headers[key];
}

/** The record's headers without the ones a new body makes wrong. */
function headersFor(r: RequestRecord, contentType: string, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (!['content-type', 'content-length', 'content-encoding', 'transfer-encoding'].includes(k.toLowerCase())) out[k] = v;
  return { ...out, 'Content-Type': contentType, ...extra };
}

export type BodyKind = 'form' | 'json';

/** Which body a record carries: a form or a JSON document (by Content-Type); null for anything else or a compressed body. */
export function bodyKindOf(r: RequestRecord): BodyKind | null {
  if (r.body === undefined || r.body === '' || header(r, 'content-encoding') !== undefined) return null;
  const type = (header(r, 'content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (/^application\/([\w.+-]+\+)?json\b/.test(type)) return 'json';
  return null;
}

const utf8 = (b: Buffer): string | null => {
  const s = b.toString('utf8');
  return Buffer.from(s, 'utf8').equals(b) ? s : null;
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The form's fields as the JSON document a `qs`-style parser (PHP, Express) would build: `a[b]=1` as
 * `{a:{b:"1"}}`, `a[]=1&a[]=2` as `{a:["1","2"]}`; a repeated plain name becomes an array. Null when a
 * name or value is not UTF-8 or the brackets clash (`a=1&a[b]=2`).
 */
export function formToJson(fields: FormField[]): Record<string, Json> | null {
  const root: Record<string, Json> = {};
  for (const f of fields) {
    const name = utf8(f.name);
    const value = utf8(f.value);
    if (name === null || value === null) return null;
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    const keys = m === null ? [name] : [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((k) => k[1])];
    let node: Record<string, Json> | Json[] = root;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const last = k === keys.length - 1;
      if (Array.isArray(node)) {
        if (key !== '' && !/^\d+$/.test(key)) return null;
        if (last) node.push(value);
        else {
          const child: Record<string, Json> | Json[] = keys[k + 1] === '' ? [] : {};
          node.push(child);
          node = child;
        }
        continue;
      }
      if (key === '') return null;
      const existing: Json | undefined = Object.hasOwn(node, key) ? node[key] : undefined;
      if (last) {
        if (existing === undefined) node[key] = value;
        else if (typeof existing === 'string') node[key] = [existing, value];
        else if (Array.isArray(existing) && k === 0) existing.push(value);
        else return null;
      } else {
        const wantArray = keys[k + 1] === '';
        if (existing === undefined) node = node[key] = wantArray ? [] : {};
        else if (typeof existing === 'object' && existing !== null && Array.isArray(existing) === wantArray) node = existing as Record<string, Json> | Json[];
        else return null;
      }
    }
  }
  return root;
}

/** JSON text of `value` with every string value's characters but ASCII letters and digits as `\uXXXX` (keys as JSON.stringify writes them). */
export function jsonWithAllEscapes(value: Json): string {
  if (typeof value === 'string') return escapedString(value);
  if (Array.isArray(value)) return `[${value.map(jsonWithAllEscapes).join(',')}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonWithAllEscapes(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** A string's characters but ASCII letters and digits as `\uXXXX`, quoted. */
function escapedString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) out += /[A-Za-z0-9]/.test(value[i]) ? value[i] : `\\u${value.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return `${out}"`;
}

/**
 * The JSON text with every string *value* re-escaped where it stands: keys, their order, repeated keys
 * (`{"roles":[],"roles":["_admin"]}`, which a parse would collapse), numbers and whitespace as sent.
 * Null when the text does not parse.
 */
export function escapeJsonValuesInPlace(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return text.replace(/"(?:[^"\\]|\\.)*"(?=(\s*:)?)/g, (token: string, colon: string | undefined) => (colon === undefined ? escapedString(JSON.parse(token) as string) : token));
}

function multipartOf(fields: FormField[]): Buffer | null {
  const parts: Buffer[] = [];
  for (const f of fields) {
    const name = f.name.toString('latin1');
    if (/["\r\n]/.test(name)) return null;
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`, 'latin1'), f.value, Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`, 'latin1'));
  const body = Buffer.concat(parts);
  // A value holding the boundary would end its part early.
  return fields.some((f) => f.value.includes(BOUNDARY)) ? null : body;
}

/** One record re-spelled; null when the spelling does not take the record's body or cannot carry it faithfully. */
export function respellBody(record: RequestRecord, spelling: BodySpelling): RequestRecord | null {
  const kind = bodyKindOf(record);
  if (kind === null) return null;
  const id = `${record.id}#${spelling}`;
  const bytes = bodyBytes(record);
  const withBody = (contentType: string, body: Buffer, extra: Record<string, string> = {}): RequestRecord => {
    const text = utf8(body);
    const { bodyEncoding: _dropped, ...rest } = record;
    return text === null
      ? { ...rest, id, headers: headersFor(record, contentType, extra), body: body.toString('base64'), bodyEncoding: 'base64' }
      : { ...rest, id, headers: headersFor(record, contentType, extra), body: text };
  };
  const contentType = header(record, 'content-type')!;
  if (spelling === 'gzip') return withBody(contentType, gzipSync(bytes), { 'Content-Encoding': 'gzip' });
  if (kind === 'json') {
    if (spelling !== 'json-uescape') return null;
    const text = utf8(bytes);
    if (text === null) return null;
    const escaped = escapeJsonValuesInPlace(text);
    return escaped === null ? null : withBody(contentType, Buffer.from(escaped, 'utf8'));
  }
  const fields = parseForm(bytes);
  if (fields.length === 0) return null;
  // A pair without `=` (`CSHELL/../../etc/shadow`) is most often a raw body an endpoint reads whole, not a
  // field: moved into a part or a JSON key it would no longer be what the application reads.
  if (spelling !== 'form-percent' && fields.some((f) => f.bare)) return null;
  switch (spelling) {
    case 'form-percent':
      return withBody(
        contentType,
        Buffer.from(
          bytes
            .toString('latin1')
            .split('&')
            .map((pair) => {
              const eq = pair.indexOf('=');
              return eq < 0 ? pair : `${pair.slice(0, eq)}=${percentEncodeAll(formDecode(pair.slice(eq + 1)))}`;
            })
            .join('&'),
          'latin1',
        ),
      );
    case 'form-multipart': {
      const body = multipartOf(fields);
      return body === null ? null : withBody(`multipart/form-data; boundary=${BOUNDARY}`, body);
    }
    case 'form-json':
    case 'json-uescape': {
      const doc = formToJson(fields);
      if (doc === null) return null;
      return withBody('application/json', Buffer.from(spelling === 'form-json' ? JSON.stringify(doc) : jsonWithAllEscapes(doc), 'utf8'));
    }
  }
}

function main(): void {
  const { values } = parseArgs({ options: { in: { type: 'string', multiple: true }, out: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help || values.in === undefined || values.out === undefined) {
    process.stdout.write('npx tsx datasets/respell-body.ts --in FILE.ndjson [--in FILE2 ...] --out DIR\n');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const records: RequestRecord[] = [];
  for (const file of values.in) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim() !== '') records.push(JSON.parse(line) as RequestRecord);
  }
  mkdirSync(values.out, { recursive: true });
  for (const spelling of BODY_SPELLINGS) {
    const taken: string[] = [];
    const out: string[] = [];
    for (const r of records) {
      const s = respellBody(r, spelling);
      if (s === null) continue;
      taken.push(JSON.stringify(r));
      out.push(JSON.stringify(s));
    }
    // The originals each spelling took, so "as generated" is measured on the same records.
    writeFileSync(join(values.out, `${spelling}.orig.ndjson`), taken.length > 0 ? `${taken.join('\n')}\n` : '');
    writeFileSync(join(values.out, `${spelling}.ndjson`), out.length > 0 ? `${out.join('\n')}\n` : '');
    process.stdout.write(`${spelling.padEnd(16)} ${out.length} records\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
