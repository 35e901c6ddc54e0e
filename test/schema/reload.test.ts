import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specInvalid } from '../../src/schema/errors.js';
import { loadSchemaGate, reloadSchemaGate } from '../../src/schema/index.js';
import { request, writeSpecFiles } from './fixtures.js';

const specWith = (maximum: number) =>
  `openapi: 3.0.3\ninfo: { title: reload, version: "1" }\npaths:\n  /items:\n    get:\n      parameters:\n        - { name: limit, in: query, schema: { type: integer, maximum: ${maximum} } }\n      responses: {}\n`;

describe('hot reload of a changed spec', () => {
  it('a successful reload swaps in the new rules', async () => {
    const dir = writeSpecFiles({ 'api.yaml': specWith(10) });
    const config = { spec: join(dir, 'api.yaml') };
    const first = await loadSchemaGate(config);
    expect(first.evaluate(request('GET', '/items?limit=50')).violations).toHaveLength(1);

    writeFileSync(join(dir, 'api.yaml'), specWith(100));
    const outcome = await reloadSchemaGate(first, config);
    expect(outcome).toMatchObject({ reloaded: true, error: null });
    expect(outcome.gate).not.toBe(first);
    expect(outcome.gate.evaluate(request('GET', '/items?limit=50')).violations).toEqual([]);
    // The old gate is immutable: requests already holding it finish with the old rules.
    expect(first.evaluate(request('GET', '/items?limit=50')).violations).toHaveLength(1);
  });

  it('a failing reload keeps the previous gate and returns the error with file and pointer', async () => {
    const dir = writeSpecFiles({ 'api.yaml': specWith(10) });
    const config = { spec: join(dir, 'api.yaml') };
    const first = await loadSchemaGate(config);
    writeFileSync(join(dir, 'api.yaml'), specWith(10).replace('in: query', 'in: querystring'));
    const outcome = await reloadSchemaGate(first, config);
    expect(outcome.reloaded).toBe(false);
    expect(outcome.gate).toBe(first);
    expect(outcome.error?.code).toBe(specInvalid.code);
    expect(outcome.error?.details).toMatchObject({ file: join(dir, 'api.yaml'), pointer: '/paths/~1items/get/parameters/0/in' });
    expect(outcome.gate.evaluate(request('GET', '/items?limit=50')).violations).toHaveLength(1);
  });

  it('a reload that breaks YAML keeps the previous gate', async () => {
    const dir = writeSpecFiles({ 'api.yaml': specWith(10) });
    const first = await loadSchemaGate({ spec: join(dir, 'api.yaml') });
    writeFileSync(join(dir, 'api.yaml'), 'openapi: [');
    const outcome = await reloadSchemaGate(first, { spec: join(dir, 'api.yaml') });
    expect(outcome).toMatchObject({ reloaded: false, error: { code: 'WARDEN_SCHEMA_SPEC_UNPARSABLE' } });
    expect(outcome.gate).toBe(first);
  });
});
