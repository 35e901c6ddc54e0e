import { beforeAll, describe, expect, it } from 'vitest';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import type { RawRequest } from '../../src/inspect/types.js';
import { loadSchemaGate, type CompiledSchemaGate } from '../../src/schema/index.js';
import { multipart, PETSTORE } from './fixtures.js';

/** The gate fed by the real normalizer, as in the pipeline: request bytes → Inspection → gate. */
let gate: CompiledSchemaGate;
beforeAll(async () => {
  gate = await loadSchemaGate({ spec: PETSTORE });
});

function raw(method: string, url: string, headers: string[] = [], body: Buffer = Buffer.alloc(0)): RawRequest {
  return {
    method,
    url,
    httpVersion: '1.1',
    rawHeaders: ['Host', 'api.example.com', ...headers, ...(body.length > 0 ? ['Content-Length', String(body.length)] : [])],
    body,
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 50000, peerIp: '203.0.113.9' },
  };
}
const evaluate = (r: RawRequest) => gate.evaluate(buildInspection(r));

describe('schema gate on inspections from buildInspection', () => {
  it('routes and validates query parameters', () => {
    expect(evaluate(raw('GET', '/v1/pets?limit=10&tags=a&tags=b'))).toMatchObject({ operation: 'GET /pets', violations: [] });
    expect(evaluate(raw('GET', '/v1/pets?limit=101')).violations).toMatchObject([{ location: 'query.limit', message: 'must be <= 100', status: 400 }]);
  });

  it('accepts an absolute-form request target', () => {
    expect(evaluate(raw('GET', 'http://api.example.com/v1/pets/3')).operation).toBe('GET /pets/{petId}');
  });

  it('keeps an encoded slash inside its path segment', () => {
    expect(evaluate(raw('GET', '/v1/pets/1%2F..%2F..%2Fadmin')).violations).toMatchObject([{ location: 'path.petId', message: 'must be integer' }]);
  });

  it('reads unencoded UTF-8 in the query as text', () => {
    const r = raw('GET', Buffer.from('/v1/pets?tags=caf\u00e9', 'utf8').toString('latin1'));
    expect(evaluate(r).violations).toEqual([]);
  });

  it('validates JSON bodies with a charset parameter on the media type', () => {
    const body = Buffer.from(JSON.stringify({ name: '', age: 3 }));
    expect(evaluate(raw('POST', '/v1/pets', ['Content-Type', 'application/json; charset=utf-8'], body)).violations).toMatchObject([
      { location: 'body.name', message: 'must NOT have fewer than 1 characters' },
    ]);
  });

  it('validates multipart fields', () => {
    const body = multipart('b0undary', { file: { filename: 'x.png', content: 'PNG' }, rating: '0' });
    expect(evaluate(raw('POST', '/v1/pets/2/photos', ['Content-Type', 'multipart/form-data; boundary=b0undary'], body)).violations).toMatchObject([
      { location: 'body.rating', message: 'must be >= 1' },
    ]);
  });

  it('reads header and cookie parameters', () => {
    const body = Buffer.from(JSON.stringify({ items: [{ sku: 'A', price: 2 }] }));
    const headers = ['Content-Type', 'application/vnd.warden.order+json', 'Cookie', 'a=1', 'Cookie', 'session_id=0a1b2c3d', 'X-Rate-Limit', '12'];
    expect(evaluate(raw('POST', '/v1/store/orders', headers, body)).violations).toEqual([]);
  });
});
