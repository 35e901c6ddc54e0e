import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaGate } from '../../src/schema/index.js';
import { request, writeSpecFiles } from './fixtures.js';

async function gateFor(openapi: string, schemas: string) {
  const text = `openapi: ${openapi}
info: { title: dialect, version: "1" }
paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Thing' }
      responses: {}
components:
  schemas:
${schemas}`;
  return loadSchemaGate({ spec: join(writeSpecFiles({ 'api.yaml': text }), 'api.yaml') });
}

const post = (gate: Awaited<ReturnType<typeof gateFor>>, body: unknown) =>
  gate.evaluate(request('POST', '/things', { body: body as object })).violations.map((v) => `${v.location}: ${v.message}`);

describe('OpenAPI 3.0 schema dialect', () => {
  const schemas30 = `    Thing:
      type: object
      properties:
        label: { type: string, nullable: true }
        size: { type: string, enum: [s, m], nullable: true }
        ref: { allOf: [{ $ref: '#/components/schemas/Part' }], nullable: true }
        price: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false }
        strictRef: { $ref: '#/components/schemas/Part' }
    Part:
      type: object
      required: [n]
      properties: { n: { type: integer } }
`;

  it('nullable: true admits null next to the declared type and enum', async () => {
    const gate = await gateFor('3.0.3', schemas30);
    expect(post(gate, { label: null, size: null, ref: null })).toEqual([]);
    expect(post(gate, { label: 1 })).toEqual(['body.label: must be string,null']);
    expect(post(gate, { size: 'xl' })).toEqual(['body.size: must be one of "s", "m", null']);
  });

  it('nullable without a type wraps the schema (allOf + nullable)', async () => {
    const gate = await gateFor('3.0.3', schemas30);
    expect(post(gate, { ref: { n: 1 } })).toEqual([]);
    expect(post(gate, { ref: { n: 'x' } })).toHaveLength(1);
  });

  it('boolean exclusiveMinimum/exclusiveMaximum become 2020-12 numbers', async () => {
    const gate = await gateFor('3.0.3', schemas30);
    expect(post(gate, { price: 0 })).toEqual(['body.price: must be > 0']);
    expect(post(gate, { price: 10 })).toEqual([]);
    expect(post(gate, { price: 10.5 })).toEqual(['body.price: must be <= 10']);
  });
});

describe('OpenAPI 3.1 (JSON Schema 2020-12)', () => {
  const schemas31 = `    Thing:
      type: object
      required: [kind]
      properties:
        kind: { const: widget }
        label: { type: [string, 'null'], maxLength: 5 }
        price: { type: number, exclusiveMinimum: 0 }
        pair: { type: array, prefixItems: [{ type: string }, { type: integer }], items: false }
        ext: { $ref: '#/components/schemas/Ext', description: 'siblings of $ref apply in 3.1', required: [id] }
    Ext:
      type: object
      properties: { id: { type: integer } }
`;

  it('type arrays, const, numeric exclusiveMinimum and prefixItems', async () => {
    const gate = await gateFor('3.1.0', schemas31);
    expect(post(gate, { kind: 'widget', label: null, price: 1, pair: ['a', 1] })).toEqual([]);
    expect(post(gate, { kind: 'gadget' })).toEqual(['body.kind: must be equal to constant']);
    expect(post(gate, { kind: 'widget', label: 'toolong' })).toEqual(['body.label: must NOT have more than 5 characters']);
    expect(post(gate, { kind: 'widget', price: 0 })).toEqual(['body.price: must be > 0']);
    expect(post(gate, { kind: 'widget', pair: ['a', 'b'] })).toEqual(['body.pair[1]: must be integer']);
  });

  it('applies keywords next to $ref', async () => {
    const gate = await gateFor('3.1.0', schemas31);
    expect(post(gate, { kind: 'widget', ext: {} })).toEqual(['body.ext.id: is required']);
  });
});
