import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaGate, schemaViolationBody, schemaBlockStatus } from '../../src/schema/index.js';
import { PETSTORE, request, writeSpecFiles } from './fixtures.js';

describe('policy knobs', () => {
  it('report mode keeps the violations but says report', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE, mode: 'report' });
    expect(gate.evaluate(request('GET', '/v1/pets?limit=500'))).toMatchObject({ mode: 'report', violations: [{ location: 'query.limit' }] });
  });

  it('undeclaredPaths: allow forwards unknown paths unvalidated', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE, undeclaredPaths: 'allow' });
    expect(gate.evaluate(request('GET', '/v1/static/app.js'))).toMatchObject({ operation: null, violations: [] });
    // Declared paths are still validated.
    expect(gate.evaluate(request('GET', '/v1/pets/0')).violations).toHaveLength(1);
  });

  it('undeclaredQueryParams: allow ignores extra query keys', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE, undeclaredQueryParams: 'allow' });
    expect(gate.evaluate(request('GET', '/v1/pets?_=1699999999&utm_source=x')).violations).toEqual([]);
  });

  it('per-route overrides by path prefix, longest first, on a segment boundary', async () => {
    const gate = await loadSchemaGate({
      spec: PETSTORE,
      routes: [
        { pathPrefix: '/v1/pets', mode: 'report' },
        { pathPrefix: '/v1/pets/mine', mode: 'enforce', exposeViolations: true },
        { pathPrefix: '/v1/store', undeclaredQueryParams: 'allow' },
      ],
    });
    expect(gate.evaluate(request('GET', '/v1/pets?limit=500')).mode).toBe('report');
    expect(gate.evaluate(request('GET', '/v1/pets/mine?x=1'))).toMatchObject({ mode: 'enforce', exposeViolations: true });
    expect(gate.evaluate(request('GET', '/v1/petshop'))).toMatchObject({ mode: 'enforce', exposeViolations: false });
  });

  it('maps hosts to their own documents, with port-less fallback, and leaves unknown hosts alone', async () => {
    const other = join(
      writeSpecFiles({ 'api.yaml': 'openapi: 3.1.0\ninfo: { title: admin, version: "1" }\npaths:\n  /health:\n    get: { responses: {} }\n' }),
      'api.yaml',
    );
    const gate = await loadSchemaGate({ hosts: { 'api.example.com': { spec: PETSTORE }, 'admin.example.com': { spec: other, mode: 'report' } } });
    expect(gate.evaluate(request('GET', '/v1/pets', { host: 'API.example.com:8443' })).operation).toBe('GET /pets');
    expect(gate.evaluate(request('GET', '/v1/pets', { host: 'admin.example.com' }))).toMatchObject({ mode: 'report', violations: [{ status: 404 }] });
    expect(gate.evaluate(request('GET', '/anything', { host: 'unknown.example' }))).toMatchObject({ operation: null, violations: [] });
  });

  it('strictAdditionalProperties closes declared objects, allOf compositions included', async () => {
    const open = await loadSchemaGate({ spec: PETSTORE });
    const strict = await loadSchemaGate({ spec: PETSTORE, strictAdditionalProperties: true });
    const pet = { name: 'Rex', owner: { email: 'a@example.com', role: 'admin' }, isAdmin: true };
    expect(open.evaluate(request('PUT', '/v1/pets/1', { body: pet })).violations).toEqual([]);
    const closed = strict.evaluate(request('PUT', '/v1/pets/1', { body: pet })).violations;
    expect(closed).toMatchObject([{ kind: 'invalid-body', message: 'is not allowed' }]);
    expect(['body.isAdmin', 'body.owner.role']).toContain(closed[0].location);
    // Properties from both allOf branches (NewPet and {id}) still count as declared.
    expect(strict.evaluate(request('PUT', '/v1/pets/1', { body: { id: 1, name: 'Rex', owner: { email: 'a@example.com' } } })).violations).toEqual([]);
  });

  it('maxBodyDepth and maxArrayLength stop hostile bodies before the validator', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE, maxBodyDepth: 4, maxArrayLength: 3 });
    const deep = { name: 'Rex', owner: { email: 'a@example.com', friends: [{ email: 'b@example.com', friends: [{ email: 'c@example.com' }] }] } };
    expect(gate.evaluate(request('POST', '/v1/pets', { body: deep })).violations).toMatchObject([
      { kind: 'limit-exceeded', status: 400, location: 'body.owner.friends[0].friends', message: 'nesting must not exceed depth 4' },
    ]);
    const wide = { name: 'Rex', owner: { email: 'a@example.com', friends: [1, 2, 3, 4].map((n) => ({ email: `${n}@example.com` })) } };
    expect(gate.evaluate(request('POST', '/v1/pets', { body: wide })).violations).toMatchObject([
      { kind: 'limit-exceeded', location: 'body.owner.friends', message: 'must have at most 3 items' },
    ]);
    expect(gate.evaluate(request('GET', '/v1/pets?tags=a&tags=b&tags=c&tags=d')).violations).toMatchObject([{ kind: 'limit-exceeded', location: 'query.tags' }]);
  });

  it('a config without any spec checks nothing', async () => {
    const gate = await loadSchemaGate({});
    expect(gate.evaluate(request('DELETE', '/anything'))).toEqual({ operation: null, violations: [], mode: 'enforce' });
  });
});

describe('the client-facing violation body', () => {
  it('names each failing location, or only the incident id when details are hidden', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE });
    const { violations } = gate.evaluate(request('GET', '/v1/pets?limit=500&debug=1'));
    expect(schemaViolationBody(violations, true, 'inc-1')).toEqual({
      error: 'request_invalid',
      status: 400,
      message: 'Request does not match the API description.',
      incidentId: 'inc-1',
      violations: ['query.limit: must be <= 100', 'query.debug: is not a declared parameter'],
    });
    const hidden = schemaViolationBody(violations, false, 'inc-1');
    expect(hidden.violations).toBeUndefined();
    expect(JSON.stringify(hidden)).not.toContain('limit');
  });

  it('answers routing problems before input problems: 404, 405, 415, then 400', () => {
    const v = (status: number) => ({ kind: 'invalid-body' as const, location: 'x', message: 'm', status });
    expect(schemaBlockStatus([v(400), v(415)])).toBe(415);
    expect(schemaBlockStatus([v(400)])).toBe(400);
    expect(schemaBlockStatus([v(405)])).toBe(405);
  });
});

describe('parameter pollution past the parse cap', () => {
  it('refuses a query with more pairs than are read, so a late duplicate cannot slip through', async () => {
    const gate = await loadSchemaGate({ spec: PETSTORE, undeclaredQueryParams: 'allow' });
    const junk = Array.from({ length: 1000 }, (_, i) => `j${i}=1`).join('&');
    expect(gate.evaluate(request('GET', `/v1/pets?${junk}&limit=5000`)).violations).toMatchObject([
      { kind: 'limit-exceeded', location: 'query', status: 400 },
    ]);
  });
});
