import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaGate, type CompiledSchemaGate } from '../../src/schema/index.js';
import { multipart, PETSTORE, request } from './fixtures.js';

let gate: CompiledSchemaGate;
beforeAll(async () => {
  gate = await loadSchemaGate({ spec: PETSTORE });
});

const evaluate = (...args: Parameters<typeof request>) => gate.evaluate(request(...args));
const violationsOf = (...args: Parameters<typeof request>) =>
  evaluate(...args).violations.map((v) => ({ kind: v.kind, location: v.location, status: v.status, message: v.message }));

describe('pet store (OpenAPI 3.0, $refs across two files)', () => {
  describe('routing', () => {
    it('matches /v1/pets to the /pets operation through the servers base path', () => {
      expect(evaluate('GET', '/v1/pets')).toMatchObject({ operation: 'GET /pets', violations: [], mode: 'enforce' });
    });

    it('takes the base path of an absolute server url', () => {
      expect(evaluate('GET', '/v1/pets/7').operation).toBe('GET /pets/{petId}');
    });

    it('prefers the static /pets/mine over /pets/{petId}', () => {
      expect(evaluate('GET', '/v1/pets/mine').operation).toBe('GET /pets/mine');
    });

    it('answers an undeclared path with 404 at location path', () => {
      expect(violationsOf('GET', '/v1/unicorns')).toEqual([
        { kind: 'undeclared-path', location: 'path', status: 404, message: 'no operation is declared for this path' },
      ]);
    });

    it('does not match a path without the base path', () => {
      expect(violationsOf('GET', '/pets')[0]).toMatchObject({ kind: 'undeclared-path', status: 404 });
    });

    it('answers an undeclared method with 405 and lists the allowed ones in the detail', () => {
      const result = evaluate('PATCH', '/v1/pets/7');
      expect(result.violations).toMatchObject([{ kind: 'undeclared-method', location: 'method', status: 405 }]);
      expect(result.violations[0].detail).toEqual({ allow: ['GET', 'PUT', 'DELETE'] });
    });

    it('treats HEAD as GET', () => {
      expect(evaluate('HEAD', '/v1/pets?limit=5')).toMatchObject({ operation: 'GET /pets', violations: [] });
    });

    it('lets a CORS preflight through for a declared method', () => {
      const preflight = evaluate('OPTIONS', '/v1/pets/7', { headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'PUT' } });
      expect(preflight.violations).toEqual([]);
      const bare = evaluate('OPTIONS', '/v1/pets/7');
      expect(bare.violations[0]).toMatchObject({ kind: 'undeclared-method', status: 405 });
    });

    it('resolves dot segments and merges slashes before routing', () => {
      expect(evaluate('GET', '/v1/owners/../pets//7/').operation).toBe('GET /pets/{petId}');
    });

    it('matches a segment mixing text and templates', () => {
      expect(evaluate('GET', '/v1/files/report-2024.png')).toMatchObject({ operation: 'GET /files/{name}.{ext}', violations: [] });
      expect(violationsOf('GET', '/v1/files/report.gif')).toMatchObject([{ location: 'path.ext', status: 400 }]);
    });
  });

  describe('path parameters', () => {
    it('coerces a numeric segment and validates it', () => {
      expect(violationsOf('GET', '/v1/pets/0')).toEqual([
        { kind: 'invalid-parameter', location: 'path.petId', status: 400, message: 'must be >= 1' },
      ]);
    });

    it('rejects a non-numeric id, including an encoded traversal attempt', () => {
      expect(violationsOf('GET', '/v1/pets/abc')[0]).toMatchObject({ location: 'path.petId', message: 'must be integer' });
      expect(violationsOf('GET', '/v1/pets/..%2Fadmin')[0]).toMatchObject({ location: 'path.petId', message: 'must be integer' });
    });
  });

  describe('query parameters', () => {
    it('names the failing parameter and bound: query.limit must be <= 100', () => {
      expect(violationsOf('GET', '/v1/pets?limit=500')).toEqual([
        { kind: 'invalid-parameter', location: 'query.limit', status: 400, message: 'must be <= 100' },
      ]);
    });

    it('reads an exploded array from repeated names', () => {
      expect(violationsOf('GET', '/v1/pets?tags=a&tags=b&tags=c')).toEqual([]);
      expect(violationsOf('GET', '/v1/pets?tags=1&tags=2&tags=3&tags=4&tags=5&tags=6')[0]).toMatchObject({
        location: 'query.tags',
        message: 'must NOT have more than 5 items',
      });
    });

    it('names the failing array item', () => {
      expect(violationsOf('GET', `/v1/pets?tags=ok&tags=${'x'.repeat(21)}`)[0]).toMatchObject({ location: 'query.tags[1]' });
    });

    it('reads a non-exploded array split on commas', () => {
      expect(violationsOf('GET', '/v1/pets?sort=name,-age')).toEqual([]);
      expect(violationsOf('GET', '/v1/pets?sort=name,password')[0]).toMatchObject({ location: 'query.sort[1]' });
    });

    it('lists the allowed values of an enum', () => {
      expect(violationsOf('GET', '/v1/pets?status=lost')[0].message).toBe('must be one of "available", "pending", "sold"');
    });

    it('rejects an undeclared query parameter but knows the apiKey scheme parameter', () => {
      expect(violationsOf('GET', '/v1/pets?api_key=k&debug=1')).toEqual([
        { kind: 'undeclared-parameter', location: 'query.debug', status: 400, message: 'is not a declared parameter' },
      ]);
    });

    it('rejects a primitive parameter sent twice (parameter pollution)', () => {
      expect(violationsOf('GET', '/v1/pets?limit=5&limit=500')[0]).toMatchObject({ location: 'query.limit', message: 'must not be repeated' });
    });

    it('reports malformed percent-encoding in a value', () => {
      expect(violationsOf('GET', '/v1/pets?status=%E0%A4%A')[0]).toMatchObject({ location: 'query.status', status: 400 });
    });
  });

  describe('headers and cookies', () => {
    it('requires a declared required header', () => {
      expect(violationsOf('DELETE', '/v1/pets/7')).toEqual([
        { kind: 'invalid-parameter', location: 'header.x-request-id', status: 400, message: 'is required' },
      ]);
      expect(violationsOf('DELETE', '/v1/pets/7', { headers: { 'X-Request-Id': 'not-a-uuid' } })[0]).toMatchObject({
        location: 'header.x-request-id',
        message: 'must match format "uuid"',
      });
      expect(violationsOf('DELETE', '/v1/pets/7', { headers: { 'X-Request-Id': '6f1c2a4e-8b7d-4c1e-9f3a-2b5d7e9c1a3f' } })).toEqual([]);
    });

    const order = { items: [{ sku: 'A-1', price: 3.5 }] };
    const orderType = 'application/vnd.warden.order+json';

    it('coerces a header to its integer type', () => {
      const ok = violationsOf('POST', '/v1/store/orders', { body: order, contentType: orderType, headers: { Cookie: 'session_id=0a1b2c3d', 'X-Rate-Limit': '10' } });
      expect(ok).toEqual([]);
      const bad = violationsOf('POST', '/v1/store/orders', { body: order, contentType: orderType, headers: { Cookie: 'session_id=0a1b2c3d', 'X-Rate-Limit': '5000' } });
      expect(bad).toMatchObject([{ location: 'header.x-rate-limit', message: 'must be <= 1000' }]);
    });

    it('validates a cookie parameter', () => {
      expect(violationsOf('POST', '/v1/store/orders', { body: order, contentType: orderType })[0]).toMatchObject({ location: 'cookie.session_id', message: 'is required' });
      expect(violationsOf('POST', '/v1/store/orders', { body: order, contentType: orderType, headers: { Cookie: 'theme=dark; session_id=<script>' } })[0]).toMatchObject({
        location: 'cookie.session_id',
        message: 'must match pattern "^[a-f0-9]{8}$"',
      });
    });
  });

  describe('request bodies', () => {
    it('accepts a valid JSON body whose schema lives in another file', () => {
      expect(violationsOf('POST', '/v1/pets', { body: { name: 'Rex', age: 3, owner: { email: 'ann@example.com' } } })).toEqual([]);
    });

    it('follows $refs inside the other file, recursively', () => {
      const body = { name: 'Rex', owner: { email: 'ann@example.com', friends: [{ email: 'bob@example.com' }, { email: 'nope' }] } };
      expect(violationsOf('POST', '/v1/pets', { body })).toEqual([
        { kind: 'invalid-body', location: 'body.owner.friends[1].email', status: 400, message: 'must match format "email"' },
      ]);
    });

    it('names a missing required property', () => {
      expect(violationsOf('POST', '/v1/pets', { body: { age: 3 } })).toMatchObject([{ location: 'body.name', message: 'is required' }]);
    });

    it('requires a required body', () => {
      expect(violationsOf('POST', '/v1/pets')).toMatchObject([{ kind: 'invalid-body', location: 'body', status: 400 }]);
    });

    it('answers a body that is not JSON with 400', () => {
      expect(violationsOf('POST', '/v1/pets', { body: '{"name":', contentType: 'application/json' })).toMatchObject([
        { kind: 'invalid-body', location: 'body', message: 'must be valid JSON' },
      ]);
    });

    it('answers an undeclared media type with 415', () => {
      expect(violationsOf('POST', '/v1/pets', { body: '<pet/>', contentType: 'application/xml' })).toEqual([
        {
          kind: 'unsupported-media-type',
          location: 'header.content-type',
          status: 415,
          message: 'application/xml is not accepted; expected application/json, application/x-www-form-urlencoded',
        },
      ]);
    });

    it('answers a body sent to an operation without requestBody with 415', () => {
      expect(violationsOf('GET', '/v1/pets/7', { body: { a: 1 } })[0]).toMatchObject({ kind: 'unsupported-media-type', status: 415 });
    });

    it('validates a +json media type as JSON', () => {
      const bad = violationsOf('POST', '/v1/store/orders', {
        body: { items: [{ sku: 'A', price: 1 }, { sku: 'B', price: 2 }, { sku: 'C', price: 2 }, { sku: 'D', price: 0 }] },
        contentType: 'application/vnd.warden.order+json',
        headers: { Cookie: 'session_id=0a1b2c3d' },
      });
      expect(bad).toEqual([{ kind: 'invalid-body', location: 'body.items[3].price', status: 400, message: 'must be > 0' }]);
    });

    it('coerces urlencoded form fields per the schema', () => {
      expect(violationsOf('POST', '/v1/pets', { body: 'name=Rex&age=4', contentType: 'application/x-www-form-urlencoded' })).toEqual([]);
      expect(violationsOf('POST', '/v1/pets', { body: 'name=Rex&age=old', contentType: 'application/x-www-form-urlencoded' })).toMatchObject([
        { location: 'body.age', message: 'must be integer' },
      ]);
    });

    it('validates multipart/form-data fields', () => {
      const boundary = 'XyZ123';
      const contentType = `multipart/form-data; boundary=${boundary}`;
      const ok = multipart(boundary, { file: { filename: 'rex.png', content: 'PNG...' }, caption: 'Rex at the beach', rating: '5' });
      expect(violationsOf('POST', '/v1/pets/7/photos', { body: ok, contentType })).toEqual([]);
      const bad = multipart(boundary, { caption: 'no file', rating: '9' });
      expect(violationsOf('POST', '/v1/pets/7/photos', { body: bad, contentType })).toMatchObject([{ location: 'body.file', message: 'is required' }]);
      const badRating = multipart(boundary, { file: { filename: 'a', content: 'b' }, rating: '9' });
      expect(violationsOf('POST', '/v1/pets/7/photos', { body: badRating, contentType })).toMatchObject([{ location: 'body.rating', message: 'must be <= 5' }]);
    });

    it('validates text/plain as a string and matches image/* by wildcard', () => {
      expect(violationsOf('PUT', '/v1/pets/7/collar', { body: 'red', contentType: 'text/plain' })).toEqual([]);
      expect(violationsOf('PUT', '/v1/pets/7/collar', { body: 'a very long collar text', contentType: 'text/plain' })).toMatchObject([
        { location: 'body', message: 'must NOT have more than 16 characters' },
      ]);
      expect(violationsOf('PUT', '/v1/pets/7/collar', { body: Buffer.from([0x89, 0x50]), contentType: 'image/png' })).toEqual([]);
    });

    it('does not require a readOnly property in a request (Pet.id)', () => {
      expect(violationsOf('PUT', '/v1/pets/7', { body: { name: 'Rex' } })).toEqual([]);
    });

    it('guards against prototype pollution keys in form bodies', () => {
      const result = violationsOf('POST', '/v1/pets', { body: 'name=Rex&__proto__=x', contentType: 'application/x-www-form-urlencoded' });
      expect(result).toEqual([]);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });
});
