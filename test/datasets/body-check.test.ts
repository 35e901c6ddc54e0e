import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';

const record = (type: string, body: string): RequestRecord => ({ id: 't/0', source: 'test', label: 'benign', category: 'test', method: 'POST', path: '/', query: '', headers: { 'Content-Type': type }, body });

describe('the dataset body check', () => {
  it('accepts a JSON document sent as x-www-form-urlencoded (Algolia\'s browser client skips the preflight so)', () => {
    expect(bodyProblem(record('application/x-www-form-urlencoded', '{"requests":[{"indexName":"products","params":"query=red%20shoes"}]}'))).toBeNull();
  });

  it('still rejects a form body that is neither urlencoded nor JSON', () => {
    expect(bodyProblem(record('application/x-www-form-urlencoded', '{"requests": [oops'))).toBe('not urlencoded');
    expect(bodyProblem(record('application/x-www-form-urlencoded', 'q=a b'))).toBe('not urlencoded');
  });

  it('accepts a urlencoded form and rejects JSON that does not parse under a JSON type', () => {
    expect(bodyProblem(record('application/x-www-form-urlencoded', 'q=red+shoes&page=2'))).toBeNull();
    expect(bodyProblem(record('application/json', '{"a":'))).toMatch(/^invalid JSON/);
  });
});
