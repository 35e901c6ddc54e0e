import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WardenError } from '../../src/errors.js';
import { specCompileFailed, specInvalid, specRefUnresolved, specUnparsable, specUnreadable } from '../../src/schema/errors.js';
import { loadSchemaGate } from '../../src/schema/index.js';
import { writeSpecFiles } from './fixtures.js';

async function loadError(files: Record<string, string>, root = 'api.yaml'): Promise<{ err: WardenError; dir: string }> {
  const dir = writeSpecFiles(files);
  try {
    await loadSchemaGate({ spec: join(dir, root) });
  } catch (err) {
    if (err instanceof WardenError) return { err, dir };
    throw err;
  }
  throw new Error('expected the spec to fail loading');
}

const head = 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\n';

describe('spec load errors name the file, JSON pointer and reason', () => {
  it('a missing file', async () => {
    const dir = writeSpecFiles({});
    const err = await loadSchemaGate({ spec: join(dir, 'nope.yaml') }).catch((e: unknown) => e);
    expect(specUnreadable.is(err)).toBe(true);
    expect((err as WardenError).details).toMatchObject({ file: join(dir, 'nope.yaml'), reason: 'ENOENT' });
  });

  it('YAML that does not parse, with its line', async () => {
    const { err } = await loadError({ 'api.yaml': `${head}paths:\n  /a:\n    get: [unclosed\n` });
    expect(err.code).toBe(specUnparsable.code);
    expect(err.message).toMatch(/line \d+, column \d+/);
  });

  it('a $ref to a missing definition in another file', async () => {
    const { err, dir } = await loadError({
      'api.yaml': `${head}paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { $ref: './models.yaml#/Missing' }\n      responses: {}\n`,
      'models.yaml': 'Present: { type: string }\n',
    });
    expect(err.code).toBe(specRefUnresolved.code);
    expect(err.details).toMatchObject({
      file: join(dir, 'api.yaml'),
      pointer: '/paths/~1a/post/requestBody/content/application~1json/schema/$ref',
    });
    expect(err.message).toContain('nothing at');
  });

  it('a $ref to a file that does not exist', async () => {
    const { err } = await loadError({ 'api.yaml': `${head}paths:\n  /a:\n    get:\n      parameters:\n        - $ref: './params.yaml#/Limit'\n      responses: {}\n` });
    expect(err.code).toBe(specUnreadable.code);
    expect(err.message).toContain('params.yaml');
  });

  it('a malformed schema, pointing into the file that holds it', async () => {
    const { err, dir } = await loadError({
      'api.yaml': `${head}paths:\n  /a:\n    get:\n      parameters:\n        - { name: n, in: query, schema: { $ref: 'models.yaml#/N' } }\n      responses: {}\n`,
      'models.yaml': 'N: { type: integer, minimum: ten }\n',
    });
    expect(err.code).toBe(specCompileFailed.code);
    expect(err.details).toMatchObject({ file: join(dir, 'models.yaml'), pointer: '/N/minimum' });
    expect((err.details as { reason: string }).reason).toBe('minimum must be number');
  });

  it('Swagger 2.0 and unknown versions', async () => {
    const swagger = await loadError({ 'api.yaml': 'swagger: "2.0"\npaths: {}\n' });
    expect(swagger.err.code).toBe(specInvalid.code);
    expect(swagger.err.details).toMatchObject({ pointer: '/swagger' });
    const v4 = await loadError({ 'api.yaml': 'openapi: 4.0.0\npaths: {}\n' });
    expect(v4.err.details).toMatchObject({ pointer: '/openapi' });
  });

  it('a parameter in an unknown location', async () => {
    const { err } = await loadError({ 'api.yaml': `${head}paths:\n  /a:\n    get:\n      parameters:\n        - { name: n, in: body, schema: { type: string } }\n      responses: {}\n` });
    expect(err.code).toBe(specInvalid.code);
    expect(err.details).toMatchObject({ pointer: '/paths/~1a/get/parameters/0/in' });
  });

  it('a $ref cycle between non-schema objects', async () => {
    const { err } = await loadError({
      'api.yaml': `${head}paths:\n  /a:\n    get:\n      parameters: [{ $ref: '#/components/parameters/A' }]\n      responses: {}\ncomponents:\n  parameters:\n    A: { $ref: '#/components/parameters/B' }\n    B: { $ref: '#/components/parameters/A' }\n`,
    });
    expect(err.code).toBe(specRefUnresolved.code);
    expect(err.message).toContain('cycle');
  });

  it('recursive schemas are fine (refs stay refs)', async () => {
    const dir = writeSpecFiles({
      'api.yaml': `${head}paths:\n  /t:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Node' }\n      responses: {}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        children: { type: array, items: { $ref: '#/components/schemas/Node' } }\n`,
    });
    await expect(loadSchemaGate({ spec: join(dir, 'api.yaml') })).resolves.toBeDefined();
  });
});
