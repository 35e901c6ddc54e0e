import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaGate, type CompiledSchemaGate } from '../../src/schema/index.js';
import { generateLargeSpec, operationsPerResource } from '../fixtures/openapi/generate-large-spec.js';
import { request, writeSpecFiles } from './fixtures.js';

const RESOURCES = 80;
let gate: CompiledSchemaGate;
let loadMs = 0;

beforeAll(async () => {
  const dir = writeSpecFiles({});
  const file = join(dir, 'large.json');
  writeFileSync(file, JSON.stringify(generateLargeSpec(RESOURCES)));
  const started = performance.now();
  gate = await loadSchemaGate({ spec: file });
  loadMs = performance.now() - started;
});

describe('a generated spec with 500+ operations (OpenAPI 3.1)', () => {
  it('loads every operation and shares identical validators', () => {
    const [spec] = gate.specs();
    expect(spec.operations.length).toBe(RESOURCES * operationsPerResource);
    expect(spec.operations.length).toBeGreaterThanOrEqual(500);
    // 80 body schemas are distinct; ids, limits and offsets collapse to one validator each.
    expect(spec.validatorCount).toBeLessThan(spec.operations.length);
    expect(loadMs).toBeLessThan(20_000);
  });

  it('routes the first, middle and last resource to the right operation', () => {
    for (const i of [0, 41, RESOURCES - 1]) {
      expect(gate.evaluate(request('GET', `/api/v2/res${i}/17`)).operation).toBe(`GET /res${i}/{id}`);
      expect(gate.evaluate(request('GET', `/api/v2/res${i}/search?q=x`)).operation).toBe(`GET /res${i}/search`);
    }
  });

  it('validates nested path parameters by their own schemas', () => {
    const ok = gate.evaluate(request('GET', '/api/v2/res7/3/notes/6f1c2a4e-8b7d-4c1e-9f3a-2b5d7e9c1a3f'));
    expect(ok).toMatchObject({ operation: 'GET /res7/{id}/notes/{noteId}', violations: [] });
    const bad = gate.evaluate(request('GET', '/api/v2/res7/3/notes/42'));
    expect(bad.violations).toMatchObject([{ location: 'path.noteId', message: 'must match format "uuid"' }]);
  });

  it('validates a JSON body through a shared $ref (3.1 type arrays)', () => {
    const body = { name: 'Widget', description: null, price: { amount: 9.5, currency: 'EUR' }, tags: ['a'] };
    expect(gate.evaluate(request('POST', '/api/v2/res12', { body })).violations).toEqual([]);
    const bad = gate.evaluate(request('POST', '/api/v2/res12', { body: { ...body, price: { amount: 1, currency: 'euro' } } }));
    expect(bad.violations).toMatchObject([{ location: 'body.price.currency', status: 400 }]);
  });

  it('routes in time independent of the operation count (no linear scan)', () => {
    const inspections = [request('GET', '/api/v2/res0/5'), request('GET', `/api/v2/res${RESOURCES - 1}/5`)];
    const timeOf = (ins: (typeof inspections)[number]): number => {
      const started = performance.now();
      for (let n = 0; n < 20_000; n++) gate.evaluate(ins);
      return performance.now() - started;
    };
    timeOf(inspections[0]);
    const first = timeOf(inspections[0]);
    const last = timeOf(inspections[1]);
    // A per-request regex scan would make the last resource ~80x slower than the first.
    expect(last).toBeLessThan(first * 3 + 20);
  });
});
