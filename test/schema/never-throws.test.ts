import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaGate, type CompiledSchemaGate } from '../../src/schema/index.js';
import { PETSTORE, request } from './fixtures.js';

let gate: CompiledSchemaGate;
beforeAll(async () => {
  gate = await loadSchemaGate({ spec: PETSTORE });
});

const pathPiece = fc.constantFrom('v1', 'pets', 'mine', '7', '{x}', '%2F', '%', '..', '.', '', ';id=1', '.a,b', 'files', 'a.png', 'store', 'orders', 'photos', '%zz');
const queryPiece = fc.constantFrom('limit', 'tags', 'sort', 'status', 'filter[x]', '__proto__', 'constructor', '', '=', '%', '+', 'a,b|c', '%E0%A4%A');
const bodyText = fc.oneof(fc.string(), fc.json(), fc.constant('{"name":"Rex","owner":{"friends":[{"friends":[]}]}}'), fc.constant('--b\r\n\r\n'));
const contentType = fc.constantFrom('', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b', 'text/plain', 'application/vnd.warden.order+json', 'image/png');

describe('the gate on arbitrary input', () => {
  it('never throws and always answers with a 4xx status per violation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'BREW'),
        fc.array(pathPiece, { maxLength: 6 }),
        fc.array(fc.tuple(queryPiece, queryPiece), { maxLength: 6 }),
        bodyText,
        contentType,
        (method, segments, query, body, type) => {
          const url = `/${segments.join('/')}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
          const result = gate.evaluate(request(method, url, { body, contentType: type, headers: { Cookie: 'session_id=%zz; x' } }));
          for (const v of result.violations) expect([400, 404, 405, 415]).toContain(v.status);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
