import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../../src/inspect/decoders/whitespace.js';
import { freshContext } from './context.js';

describe('collapseWhitespace', () => {
  it('collapses tabs, newlines, runs of spaces and unicode spaces into one space', () => {
    expect(collapseWhitespace('UNION\t\n SELECT\u00a0password   FROM\u3000users', freshContext())).toBe('UNION SELECT password FROM users');
  });

  it('returns the same string when every space is already single', () => {
    const s = 'a b c';
    expect(collapseWhitespace(s, freshContext())).toBe(s);
  });
});
