import { describe, expect, it } from 'vitest';
import { removeDotSegments } from '../../../src/inspect/uri/remove-dot-segments.js';

describe('removeDotSegments', () => {
  it.each([
    ['/a/b/c/./../../g', '/a/g'],
    ['/a//b///c', '/a/b/c'],
    ['/a/b/..', '/a/'],
    ['/a/b/.', '/a/b/'],
    ['/a/b/', '/a/b/'],
    ['/', '/'],
    ['/..', '/'],
    ['/a/..', '/'],
  ])('%s -> %s', (input, expected) => {
    expect(removeDotSegments(input).path).toBe(expected);
  });

  it('says when .. climbs above the root', () => {
    expect(removeDotSegments('/a/../../etc/passwd')).toEqual({ path: '/etc/passwd', aboveRoot: true });
    expect(removeDotSegments('/a/b/../c').aboveRoot).toBe(false);
  });

  it('returns the same string when there is nothing to simplify', () => {
    const p = '/api/v1/users/42';
    expect(removeDotSegments(p).path).toBe(p);
  });

  it('keeps dots inside names', () => {
    expect(removeDotSegments('/a/..b/c.../.d').path).toBe('/a/..b/c.../.d');
  });
});
