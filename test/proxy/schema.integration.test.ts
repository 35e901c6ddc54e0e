import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
/** The same document with `exposeViolations: true`: the only set-up where clients see why. */
let exposing: Awaited<ReturnType<typeof startTestWarden>>;
let specDir: string;

beforeAll(async () => {
  specDir = mkdtempSync(join(tmpdir(), 'warden-spec-'));
  cpSync(join(__dirname, '..', 'fixtures', 'openapi', 'petstore'), specDir, { recursive: true });
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, { schema: { spec: join(specDir, 'openapi.yaml') } });
  exposing = await startTestWarden(nginx.origin, { schema: { spec: join(specDir, 'openapi.yaml'), exposeViolations: true } });
});

afterAll(async () => {
  await warden?.close();
  await exposing?.close();
  await nginx?.stop();
});

describe('OpenAPI enforcement through the proxy', () => {
  it('forwards a valid request byte-for-byte', async () => {
    const body = '{"name":"Rex","age":3}';
    const res = await request(`${warden.origin}/v1/pets?limit=10&tags=a&tags=b`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    await res.body.text();
    // POST /pets declares no query params: only the GET is valid with them.
    expect(res.statusCode).toBe(400);
    const ok = await request(`${warden.origin}/v1/pets`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(ok.statusCode).toBe(200);
    await ok.body.text();
    expect((await nginx.logged((l) => l.uri === '/v1/pets' && l.method === 'POST'))?.body).toBe(body);
    const list = await request(`${warden.origin}/v1/pets?limit=10&tags=a&tags=b&sort=name,-age`);
    expect(list.statusCode).toBe(200);
    await list.body.text();
    // NGINX logs just after responding: wait for the line, so the next test's access-log count starts after it.
    expect(await nginx.logged((l) => l.uri.startsWith('/v1/pets?limit=10') && l.method === 'GET')).toBeDefined();
  });

  it('refuses each kind of violation with its status, telling the client only the incident id', async () => {
    const cases: [string, string, Record<string, string>, string | undefined, number, RegExp][] = [
      ['GET', '/v1/pets?limit=500', {}, undefined, 400, /query\.limit/],
      ['GET', '/v1/nowhere', {}, undefined, 404, /path/],
      ['DELETE', '/v1/pets', {}, undefined, 405, /method|DELETE/i],
      ['POST', '/v1/pets', { 'content-type': 'text/csv' }, 'name\nRex', 415, /content|media/i],
      ['POST', '/v1/pets', { 'content-type': 'application/json' }, '{"age":-1}', 400, /body/],
    ];
    for (const [method, url, headers, body, status, where] of cases) {
      const before = nginx.accessLog().length;
      const res = await request(`${warden.origin}${url}`, { method: method as 'GET', headers, body });
      const text = await res.body.text();
      const json = JSON.parse(text) as { violations?: string[]; incidentId: string };
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(Object.keys(json).sort(), `${method} ${url}`).toEqual(['error', 'incidentId', 'message', 'status']);
      expect(json.incidentId).toBe(res.headers['x-warden-incident']);
      expect(text, `${method} ${url} told the client why`).not.toMatch(where);
      const html = await request(`${warden.origin}${url}`, { method: method as 'GET', headers: { ...headers, accept: 'text/html' }, body });
      expect(await html.body.text(), `${method} ${url} (HTML) told the client why`).not.toMatch(/<li>/);
      expect(nginx.accessLog().length, `${method} ${url} reached NGINX`).toBe(before);
    }
  });

  it('lists the failing locations to the client only with schema.exposeViolations: true', async () => {
    const res = await request(`${exposing.origin}/v1/pets?limit=500`);
    const json = (await res.body.json()) as { violations?: string[]; incidentId: string };
    expect(res.statusCode).toBe(400);
    expect((json.violations ?? []).join(' ')).toMatch(/query\.limit/);
    // The body src/schema/README.md shows (it said "Request does not match the API by the web application firewall.").
    expect(json).toEqual({ error: 'request_invalid', status: 400, message: 'Request does not match the API description.', incidentId: res.headers['x-warden-incident'], violations: json.violations });
  });

  it('logs the violation with its incident id, reasons and per-gate timings', async () => {
    const res = await request(`${warden.origin}/v1/pets?limit=0`);
    const { incidentId } = (await res.body.json()) as { incidentId: string };
    await new Promise((r) => setTimeout(r, 200));
    const line = readFileSync(warden.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes(incidentId))
      .map((l) => JSON.parse(l) as Record<string, unknown>)[0];
    expect(line).toMatchObject({ event: 'verdict', incidentId, action: 'block', confidence: 'high', status: 400, request: { method: 'GET', path: '/v1/pets' } });
    expect(JSON.stringify(line.reasons)).toContain('query.limit');
    expect((line.timingsUs as Record<string, number>).schema).toBeGreaterThanOrEqual(0);
  });

  it('hot-reloads a changed spec, and keeps the old one when the new one is broken', async () => {
    const file = join(specDir, 'openapi.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('maximum: 100, default: 20', 'maximum: 1000, default: 20'));
    await warden.reload();
    let res = await request(`${warden.origin}/v1/pets?limit=500`);
    expect(res.statusCode).toBe(200);
    await res.body.text();

    writeFileSync(file, `${original}\n  broken: [\n`);
    await expect(warden.reload()).rejects.toBeTruthy();
    res = await request(`${warden.origin}/v1/pets?limit=500`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
    writeFileSync(file, original);
  });
});
