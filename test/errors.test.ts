import { describe, expect, it } from 'vitest';
import { defineError, WardenError } from '../src/errors.js';

describe('defineError', () => {
  it('builds errors that carry their code and status', () => {
    const boom = defineError('WARDEN_TEST_BOOM', 418, (what: string) => `boom: ${what}`);
    const err = boom('kettle');
    expect(err).toBeInstanceOf(WardenError);
    expect(err.code).toBe('WARDEN_TEST_BOOM');
    expect(err.status).toBe(418);
    expect(boom.is(err)).toBe(true);
  });

  it('refuses to declare the same code twice', () => {
    defineError('WARDEN_TEST_ONCE', 500, () => 'once');
    expect(() => defineError('WARDEN_TEST_ONCE', 500, () => 'twice')).toThrow(/declared twice/);
  });
});
