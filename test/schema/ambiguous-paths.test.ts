import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/schema/compile-spec.js';
import { loadSchemaGate } from '../../src/schema/index.js';
import { request, writeSpecFiles } from './fixtures.js';

const head = 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\n';
const param = (name: string, max: number) => `      parameters: [{ name: ${name}, in: path, required: true, schema: { type: string, maxLength: ${max} } }]\n      responses: {}\n`;

/** Two templates that differ only in parameter names, as real documents (Google's, Azure's) carry them. */
const spec = writeSpecFiles({
  'api.yaml':
    `${head}paths:\n` +
    `  /v1/{name}:\n    get:\n      operationId: getByName\n${param('name', 3)}` +
    `  /v1/{jobName}:\n    get:\n      operationId: getJob\n${param('jobName', 10)}    post:\n      operationId: runJob\n${param('jobName', 10)}` +
    `  /u/{id}:\n    get:\n${param('id', 2)}` +
    `  /u/{id}/:\n    get:\n${param('id', 9)}`,
});

describe('templated paths that match the same requests', () => {
  it('load with a warning naming both operations, the first declared keeping the route', async () => {
    const compiled = await compileSpec(join(spec, 'api.yaml'), { strictAdditionalProperties: false });
    const warnings = compiled.notes.map((n) => n.message);
    expect(warnings).toContainEqual(expect.stringContaining('GET /v1/{jobName} matches the same requests as GET /v1/{name}'));
    expect(warnings).toContainEqual(expect.stringContaining('GET /u/{id}/ matches the same requests as GET /u/{id}'));
    const shadowed = compiled.operations.find((op) => op.operationId === 'getJob')!;
    expect(compiled.routesByOperation.get(shadowed)).toEqual([]);
  });

  it('validate a request against the operation declared first, and route other methods as declared', async () => {
    const gate = await loadSchemaGate({ spec: join(spec, 'api.yaml') });
    expect(gate.evaluate(request('GET', '/v1/abc'))).toMatchObject({ operation: 'GET /v1/{name}', violations: [] });
    expect(gate.evaluate(request('GET', '/v1/abcdef')).violations).toMatchObject([{ kind: 'invalid-parameter', location: 'path.name' }]);
    expect(gate.evaluate(request('POST', '/v1/abcdef'))).toMatchObject({ operation: 'POST /v1/{jobName}', violations: [] });
    expect(gate.evaluate(request('GET', '/u/abc/')).violations).toMatchObject([{ location: 'path.id' }]);
  });
});

describe('parameters real documents carry', () => {
  it('an empty-named parameter (as Postman conversions write them) is ignored with a warning', async () => {
    const dir = writeSpecFiles({
      'api.yaml': `${head}paths:\n  /orders:\n    get:\n      parameters: [{ name: '', in: query, schema: { type: string } }, { name: page, in: query, schema: { type: integer } }]\n      responses: {}\n`,
    });
    const compiled = await compileSpec(join(dir, 'api.yaml'), { strictAdditionalProperties: false });
    expect(compiled.notes.map((n) => n.message)).toContain('a parameter with an empty name is ignored');
    expect(compiled.operations[0].queryParams.map((p) => p.name)).toEqual(['page']);
  });
});

describe('specification extensions', () => {
  it('an x- key among the paths is an extension, not a path', async () => {
    const dir = writeSpecFiles({ 'api.yaml': `${head}paths:\n  x-codegen-contextRoot: /apis/registry\n  /a:\n    get: { responses: {} }\n` });
    const compiled = await compileSpec(join(dir, 'api.yaml'), { strictAdditionalProperties: false });
    expect(compiled.operations.map((op) => op.id)).toEqual(['GET /a']);
  });
});
