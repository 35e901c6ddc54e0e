/** JSON REST CRUD from browsers, SDKs and mobile apps: nested objects, arrays, patches, bearer tokens. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickAppUa, pickBrowser, pickServerUa } from '../lib/clients.js';
import { entity, RESOURCES, type Json } from '../lib/entities.js';
import { LOCALE_MIX } from '../lib/people.js';
import { apiKey, jwt } from '../lib/secrets.js';
import { apiHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, withBody, type WireRequest } from '../lib/wire.js';

function id(ctx: GenContext): string {
  const { rng } = ctx;
  return rng.weighted<() => string>([
    [() => String(rng.skewed(5_000_000, 1.5)), 5],
    [() => rng.uuid(), 4],
    [() => `${rng.pick(['ord', 'cus', 'prod', 'inv', 'evt', 'usr'])}_${rng.alnum(14)}`, 2],
    [() => rng.hex(24), 1],
    [() => rng.alnum(11), 0.5],
  ] as const)();
}

function subset(ctx: GenContext, obj: Record<string, Json>): Record<string, Json> {
  const keys = ctx.rng.sample(Object.keys(obj), ctx.rng.int(1, 3));
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

function jsonPatch(ctx: GenContext, obj: Record<string, Json>): Json {
  const { rng } = ctx;
  return Object.keys(obj).slice(0, rng.int(1, 3)).map((k): Json => {
    const op = rng.pick(['replace', 'add', 'remove', 'replace']);
    const path = Array.isArray(obj[k]) ? `/${k}/${rng.pick(['0', '1', '-'])}` : `/${k}`;
    return op === 'remove' ? { op, path } : { op, path, value: Array.isArray(obj[k]) ? (obj[k] as Json[])[0] ?? null : obj[k] };
  });
}

export const jsonApi: Family = {
  name: 'json-api',
  summary: 'REST CRUD over JSON: nested domain objects and arrays, partial updates, JSON Patch and merge patch, list filters, bearer/API-key auth from browsers, SDKs and apps.',
  perScale: 10_000,
  make(ctx) {
    const { rng, en } = ctx;
    const resource = rng.pick(RESOURCES);
    const version = rng.pick(['/api/v1', '/api/v2', '/v1', '/api', '/rest/v3', '/api/2024-04', '']);
    const base = `${version}/${resource}`;
    const client = rng.weighted([['browser', 4], ['server', 3], ['app', 2]] as const);
    const host = apiHost(rng, en);
    let headers: Record<string, string>;
    if (client === 'browser') {
      const locale = rng.weighted(LOCALE_MIX);
      const b = pickBrowser(rng, locale);
      const site = host.replace(/^(api|gateway|backend)\./, 'app.');
      headers = browserHeaders(rng, b, host, 'xhr', { referer: `https://${site}/`, origin: `https://${site}`, site: 'same-site', cookie: rng.chance(0.4) ? cookieHeader(cookieJar(rng, { session: true })) : undefined });
    } else {
      headers = { Host: host, 'User-Agent': client === 'app' ? pickAppUa(rng) : pickServerUa(rng), Accept: rng.pick(['application/json', '*/*', 'application/json, text/plain, */*', 'application/vnd.api+json']) };
      if (rng.chance(0.5)) headers['Accept-Encoding'] = rng.pick(['gzip', 'gzip, deflate', 'gzip, deflate, br']);
    }
    if (rng.chance(0.85)) {
      const auth = rng.weighted([['bearer-jwt', 5], ['bearer-key', 2], ['x-api-key', 2], ['basic', 1]] as const);
      if (auth === 'bearer-jwt') headers.Authorization = `Bearer ${jwt(rng, rng.chance(0.3) ? { email: en.internet.email(), roles: rng.sample(['user', 'admin', 'editor', 'billing'], rng.int(1, 2)) } : {})}`;
      else if (auth === 'bearer-key') headers.Authorization = `Bearer ${apiKey(rng)}`;
      else if (auth === 'x-api-key') headers[rng.pick(['X-API-Key', 'X-Api-Key', 'Api-Key', 'apikey'])] = apiKey(rng);
      else headers.Authorization = `Basic ${Buffer.from(`${en.internet.username()}:${apiKey(rng)}`).toString('base64')}`;
    }
    if (rng.chance(0.3)) headers[rng.pick(['X-Request-Id', 'X-Correlation-ID', 'traceparent'])] = rng.chance(0.5) ? rng.uuid() : `00-${rng.hex(32)}-${rng.hex(16)}-01`;
    const method = rng.weighted([['GET', 5], ['POST', 3], ['PATCH', 2], ['PUT', 1], ['DELETE', 1]] as const);
    const req: Omit<WireRequest, 'body'> = { method, path: base, query: '', headers };
    if (method === 'GET') {
      if (rng.chance(0.5)) req.path = `${base}/${id(ctx)}${rng.chance(0.2) ? `/${rng.pick(['items', 'events', 'notes', 'history', 'attachments'])}` : ''}`;
      else {
        const q: [string, string | number][] = [];
        if (rng.chance(0.6)) q.push([rng.pick(['limit', 'per_page', 'page[size]', 'pageSize']), rng.pick([10, 20, 25, 50, 100])]);
        if (rng.chance(0.4)) q.push([rng.pick(['page', 'page[number]', 'offset']), rng.skewed(20)]);
        if (rng.chance(0.4)) q.push([rng.pick(['status', 'filter[status]', 'state']), rng.pick(['open', 'paid', 'pending', 'active', 'archived'])]);
        if (rng.chance(0.3)) q.push([rng.pick(['created_after', 'updated_since', 'from', 'created[gte]']), en.date.recent({ days: 90 }).toISOString()]);
        if (rng.chance(0.3)) q.push([rng.pick(['include', 'expand[]', 'fields', 'embed']), rng.pick(['customer,items', 'line_items', 'id,name,email,created_at', 'author'])]);
        if (rng.chance(0.2)) q.push(['ids', Array.from({ length: rng.int(2, 6) }, () => rng.int(1, 99999)).join(',')]);
        if (rng.chance(0.2)) q.push([rng.pick(['email', 'customer_email']), en.internet.email()]);
        if (rng.chance(0.2)) q.push(['sort', rng.pick(['-created_at', 'name', 'updatedAt:desc', 'id'])]);
        req.query = encodePairs(q, rng.chance(0.6) ? 'component' : 'form');
      }
      return req;
    }
    if (method === 'DELETE') {
      req.path = `${base}/${id(ctx)}`;
      return req;
    }
    const obj = entity(ctx, resource);
    let body: Json = obj;
    let type = rng.pick(['application/json', 'application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']);
    if (method === 'POST' && rng.chance(0.15)) body = { data: { type: resource, attributes: obj } };
    if (method === 'POST' && rng.chance(0.1)) body = { [resource.replace(/s$/, '')]: obj };
    if (method === 'POST' && rng.chance(0.05)) body = [obj, entity(ctx, resource)];
    if (method !== 'POST') req.path = `${base}/${id(ctx)}`;
    if (method === 'PATCH') {
      const patch = rng.weighted([['partial', 4], ['json-patch', 1], ['merge', 1]] as const);
      body = patch === 'json-patch' ? jsonPatch(ctx, obj) : subset(ctx, obj);
      if (patch === 'json-patch') type = 'application/json-patch+json';
      if (patch === 'merge') type = 'application/merge-patch+json';
    }
    if ((method === 'POST' || method === 'PUT') && rng.chance(0.3)) req.headers['Idempotency-Key'] = rng.uuid();
    const text = rng.chance(0.8) ? JSON.stringify(body) : JSON.stringify(body, null, rng.pick([2, 4]));
    return withBody(req, type, text);
  },
};
