import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PETSTORE, writeSpecFiles } from './fixtures.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['schema', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('warden schema check', () => {
  it('lists each operation with its routes, parameters and body media types', async () => {
    const { code, out } = await run(['check', PETSTORE]);
    expect(code).toBe(0);
    expect(out).toContain('OpenAPI 3.0.3 "Warden pet store", 2 file(s)');
    expect(out).toContain('10 operations');
    expect(out).toMatch(/GET\s+\/v1\/pets\s+listPets\s+query: limit, tags, status, sort/);
    expect(out).toMatch(/DELETE\s+\/v1\/pets\/\{petId\}\s+deletePet\s+path: petId\*; header: X-Request-Id\*/);
  });

  it('lists what is not enforced: backtracking patterns, unknown formats, callbacks', async () => {
    const dir = writeSpecFiles({
      'api.yaml': `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /a:
    get:
      parameters:
        - { name: code, in: query, schema: { type: string, pattern: '^(?!admin).*$' } }
        - { name: tz, in: query, schema: { type: string, format: timezone } }
      callbacks:
        onDone: {}
      responses: {}
`,
    });
    const { code, out } = await run(['check', join(dir, 'api.yaml')]);
    expect(code).toBe(0);
    expect(out).toContain('needs backtracking');
    expect(out).toContain('format "timezone" is not known');
    expect(out).toContain('callbacks are requests the API makes');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run(['check', PETSTORE, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { operations: { id: string; routes: string[] }[]; unsupported: unknown[] };
    expect(doc.operations.find((o) => o.id === 'GET /pets/{petId}')?.routes).toEqual(['/v1/pets/{petId}']);
    expect(doc.unsupported.length).toBeGreaterThan(0);
  });

  it('exits 1 with the file, pointer and reason when the document does not load', async () => {
    const dir = writeSpecFiles({ 'api.yaml': 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      parameters:\n        - { name: n, in: nowhere }\n' });
    const { code, err } = await run(['check', join(dir, 'api.yaml')]);
    expect(code).toBe(1);
    expect(err).toContain('WARDEN_SCHEMA_SPEC_INVALID');
    expect(err).toContain(`${join(dir, 'api.yaml')}#/paths/~1a/get/parameters/0/in`);
    const json = await run(['check', join(dir, 'api.yaml'), '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ error: { code: 'WARDEN_SCHEMA_SPEC_INVALID', pointer: '/paths/~1a/get/parameters/0/in' } });
  });

  it('has --help, and exits 2 on usage errors', async () => {
    expect((await run(['check', '--help'])).code).toBe(0);
    expect((await run(['--help'])).out).toContain('Usage: warden schema check');
    expect((await run([])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['lint', PETSTORE])).code).toBe(2);
  });
});
