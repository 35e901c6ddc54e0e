/**
 * Attack request records for the families of `src/model/training-data/attack-families` (issue 14's
 * list), in the `warden eval` format: each payload travels where that family arrives (a parameter
 * value or name, a JSON value or key, a form field, a header, a cookie, the path), with a browser's
 * headers. Source `warden-attack-gen`, category = family name, so `warden eval` reports TPR per family.
 *
 *   npx tsx datasets/attack-families.ts --out /tmp/attacks [--seed 1] [--per-family 300] [--families a,b|all]
 *
 * Without --families: the default families (issue 14's seventeen); `all` adds the opt-in ones (OPT_IN_FAMILIES).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';
import { ATTACK_FAMILIES, attackFamilyByName, DEFAULT_ATTACK_FAMILIES, familyRandom, OPT_IN_FAMILIES, type AttackFamily, type AttackPlace } from '../src/model/training-data/attack-families/index.js';
import { pick } from '../src/model/training-data/attack-families/grammar.js';
import { flagReader } from './lib/cli-flags.js';

export const ATTACK_SOURCE = 'warden-attack-gen';

const BROWSER = {
  Host: 'shop.example.test',
  'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.9',
};
const PARAMS = ['q', 'id', 'host', 'url', 'file', 'page', 'name', 'search', 'redirect', 'callback', 'lang', 'template', 'data', 'input', 'ip', 'path', 'sort', 'filter', 'next', 'debug'];
const HEADERS = ['User-Agent', 'Referer', 'X-Api-Version', 'X-Forwarded-For', 'Accept-Language', 'X-Request-Id', 'Authorization', 'Origin'];
const PATHS = ['/search', '/api/items', '/index.php', '/page', '/download', '/api/v1/users', '/login', '/fetch', '/cgi-bin/status', '/app'];

const PERCENT_ESCAPE = /%[0-9a-fA-F]{2}/;
/** Characters that may stand raw in a request-target (RFC 3986 unreserved, sub-delims, `:@/?%[]`). */
function wireSafe(text: string, keep: RegExp): string {
  let out = '';
  for (const ch of text) out += keep.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return out;
}
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;
const QUERY_NAME_SAFE = /[A-Za-z0-9\-._~!$'()*+,;:@/%[\]=]/;

/** A payload with its own percent-escapes is sent as written (the attacker encoded it); otherwise encoded as a client would. */
function queryValue(payload: string, form: boolean): string {
  if (PERCENT_ESCAPE.test(payload)) return wireSafe(payload, /[A-Za-z0-9\-._~!$'()*,;:@/%]/);
  const encoded = encodeURIComponent(payload);
  return form ? encoded.replace(/%20/g, '+') : encoded;
}

function jsonBody(payload: string, name: string, asKey: boolean): string {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed === 'object' && parsed !== null) return asKey && !Array.isArray(parsed) ? payload : JSON.stringify({ [name]: parsed });
  } catch {
    // not JSON: a string value
  }
  return JSON.stringify({ [name]: payload });
}

/** Header and cookie values cannot carry raw CR/LF on the wire: they arrive percent-encoded. */
const headerSafe = (s: string): string => s.replace(/\r/g, '%0d').replace(/\n/g, '%0a');

export function attackRecord(family: AttackFamily, payload: string, place: AttackPlace, n: number, random: () => number): RequestRecord {
  const base = { id: `${ATTACK_SOURCE}/${family.name}/${String(n + 1).padStart(6, '0')}`, source: ATTACK_SOURCE, label: 'attack' as const, category: family.name };
  const name = pick(PARAMS, random);
  const path = pick(PATHS, random);
  switch (place) {
    case 'query':
      return { ...base, method: 'GET', path, query: `${name}=${queryValue(payload, false)}`, headers: BROWSER };
    case 'query-name':
      return { ...base, method: 'GET', path, query: wireSafe(payload.includes('=') ? payload : `${payload}=1`, QUERY_NAME_SAFE), headers: BROWSER };
    case 'form':
      return { ...base, method: 'POST', path, query: '', headers: { ...BROWSER, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `${name}=${queryValue(payload, true)}&submit=1` };
    case 'multipart': {
      // A part of a form posted as multipart/form-data: the value as written, line breaks raw (CRLF or LF as the payload has them).
      const boundary = `----WebKitFormBoundary${Math.floor(random() * 2 ** 48).toString(36).padStart(10, '0')}`;
      const part = (field: string, value: string): string => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`;
      const body = `${part(name, payload)}${part('submit', '1')}--${boundary}--\r\n`;
      return { ...base, method: 'POST', path, query: '', headers: { ...BROWSER, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body };
    }
    case 'json':
    case 'json-key':
      return { ...base, method: 'POST', path, query: '', headers: { ...BROWSER, 'Content-Type': 'application/json' }, body: jsonBody(payload, name, place === 'json-key') };
    case 'header':
      return { ...base, method: 'GET', path, query: '', headers: { ...BROWSER, [pick(HEADERS, random)]: headerSafe(payload) } };
    case 'cookie':
      return { ...base, method: 'GET', path, query: '', headers: { ...BROWSER, Cookie: `theme=dark; ${headerSafe(payload.includes('=') ? payload : `${name}=${payload}`)}` } };
    default: {
      const p = payload.startsWith('/') ? payload : `${path}/${payload}`;
      return { ...base, method: 'GET', path: wireSafe(p, PATH_SAFE), query: '', headers: BROWSER };
    }
  }
}

/** `perFamily` records of each family, deterministic for a seed; each family has its own stream. */
export function generateAttackRecords(seed: number, perFamily: number, families: readonly string[] = DEFAULT_ATTACK_FAMILIES): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const name of families) {
    const family = attackFamilyByName(name);
    if (family === undefined) throw new Error(`unknown attack family "${name}" (known: ${ATTACK_FAMILIES.map((f) => f.name).join(', ')})`);
    const random = familyRandom(seed, name);
    const placement = familyRandom(seed, `${name}:place`);
    for (let i = 0; i < perFamily; i++) {
      const payload = family.make(random);
      const drawn = pick(family.places, placement);
      out.push(attackRecord(family, payload, family.placeFor?.(payload, drawn) ?? drawn, i, placement));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const flag = flagReader(argv);
  if (argv.includes('--help') || flag('out') === undefined) {
    console.log(`Usage: npx tsx datasets/attack-families.ts --out DIR [--seed N] [--per-family N] [--families a,b|all]\n\nWrites DIR/<family>.ndjson (warden eval attack records).\nFamilies (default): ${DEFAULT_ATTACK_FAMILIES.join(', ')}\nOpt-in (named, or all): ${OPT_IN_FAMILIES.join(', ')}`);
    process.exitCode = argv.includes('--help') ? 0 : 2;
  } else {
    const out = resolve(flag('out')!);
    const seed = Number(flag('seed') ?? 1);
    const perFamily = Number(flag('per-family') ?? 300);
    const named = flag('families');
    const families = named === 'all' ? ATTACK_FAMILIES.map((f) => f.name) : named?.split(',') ?? DEFAULT_ATTACK_FAMILIES;
    mkdirSync(out, { recursive: true });
    for (const name of families) {
      const records = generateAttackRecords(seed, perFamily, [name]);
      writeFileSync(join(out, `${name}.ndjson`), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    console.log(`${families.length} families × ${perFamily} records (seed ${seed}) → ${out}`);
  }
}
