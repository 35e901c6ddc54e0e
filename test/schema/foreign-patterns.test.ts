import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/schema/compile-spec.js';
import { loadSchemaGate } from '../../src/schema/index.js';
import { rewriteJavaClasses } from '../../src/schema/java-pattern.js';
import { request, writeSpecFiles } from './fixtures.js';

/** One query parameter per pattern, as AWS documents write them (Java regex syntax). */
const PATTERNS: Record<string, string> = {
  print: '^\\p{Print}+$',
  hexid: '^\\p{XDigit}{8}$',
  escapes: '^[a-zA-Z0-9\\/\\+\\=]{0,2048}$',
  letter: '^\\p{IsLetter}+$',
  intersect: '[\\p{Print}&&[^|:/]]+',
};

const spec = join(
  writeSpecFiles({
    'api.yaml':
      'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /p:\n    get:\n      parameters:\n' +
      Object.entries(PATTERNS)
        .map(([name, pattern]) => `        - { name: ${name}, in: query, schema: { type: string, pattern: ${JSON.stringify(pattern)} } }\n`)
        .join('') +
      '      responses: {}\n',
  }),
  'api.yaml',
);

describe('patterns written for other regex engines', () => {
  it('load, each with a warning saying how it is evaluated', async () => {
    const notes = (await compileSpec(spec, { strictAdditionalProperties: false })).notes.map((n) => n.message);
    expect(notes).toContainEqual(expect.stringMatching(/"\^\\\\p\{Print\}\+\$" uses Java's/));
    expect(notes).toContainEqual(expect.stringMatching(/"\^\[a-zA-Z0-9.*\{0,2048\}\$" is not valid with the u flag/));
    expect(notes).toContainEqual(expect.stringMatching(/&&.* not enforced/));
  });

  it('are enforced with the meaning they have in Java, and only the intersection is left unchecked', async () => {
    const gate = await loadSchemaGate({ spec, undeclaredQueryParams: 'allow' });
    const bad = (query: string) => gate.evaluate(request('GET', `/p?${query}`)).violations.map((v) => v.location);
    expect(bad('print=hello%20world&hexid=deadBEEF&escapes=a%2Fb%3D&letter=abc')).toEqual([]);
    expect(bad('print=tab%09here')).toEqual(['query.print']);
    expect(bad('hexid=deadbeeg')).toEqual(['query.hexid']);
    expect(bad('escapes=a%20b')).toEqual(['query.escapes']);
    expect(bad('letter=abc1')).toEqual(['query.letter']);
    expect(bad('intersect=%7C%7C')).toEqual([]);
  });

  it('rewrite POSIX classes inside and outside brackets', () => {
    expect(rewriteJavaClasses('\\p{Alpha}[\\p{Digit}_]')).toBe('[a-zA-Z][0-9_]');
    expect(rewriteJavaClasses('\\P{Digit}')).toBe('[^0-9]');
    expect(rewriteJavaClasses('\\p{IsLetter}')).toBe('\\p{Letter}');
    expect(rewriteJavaClasses('\\p{L}+')).toBeNull();
  });
});
