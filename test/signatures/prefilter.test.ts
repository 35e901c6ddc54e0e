import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/signatures/compile/pcre-literals.js';
import { backtrackingShape, directRunIsBounded } from '../../src/signatures/backtracking-cost.js';
import { buildAhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { HTTP, parseOne } from './parse-helpers.js';
import { chooseFastPattern } from '../../src/signatures/compile/fast-pattern.js';

describe('Aho-Corasick prefilter', () => {
  it('reports every occurrence case-insensitively, overlapping ones included', () => {
    const ac = buildAhoCorasick(['he', 'she', 'his', 'hers', '\xc9t\xc9']);
    const hits: string[] = [];
    ac.scan('uSHERS his \xe9t\xe9', (p, end) => hits.push(`${p}@${end}`));
    expect(hits).toEqual(['1@4', '0@4', '3@6', '2@10', '4@14']);
  });
});

describe('literals required by a pcre', () => {
  it.each([
    ['\\bunion\\b[\\s\\S]{0,80}?\\bselect\\b', ['select']],
    ['(?:java|vb)script\\s*:', ['javascript', 'vbscript']],
    ['\\/etc\\/(?:passwd|shadow)', ['/etc/passwd', '/etc/shadow']],
    ['(?i)x\\x3bfoo', ['x;foo']],
    ['(?<=a)bcd', ['bcd']],
  ])('finds the literals of %s', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  it.each(['a+b', '[a-z]+', '\\d{3}', 'a|b*'])('gives up on %s rather than guessing', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it('prefers a rare necessary literal over an everyday one (ET marks User-Agent: as fast_pattern)', () => {
    const rule = parseOne(`${HTTP} (content:"User-Agent|3a|"; http_header; pcre:"/User-Agent\\:[^\\n]+sqlmap/iH"; sid:1;)`);
    expect(chooseFastPattern(rule)).toEqual({ buffer: 'header', literals: ['sqlmap'] });
  });
});

describe('backtracking cost of fallback pcres', () => {
  it('runs a literal-plus-bounded-run pattern directly on ordinary subjects', () => {
    expect(directRunIsBounded(backtrackingShape('^POST[^s]{432}'), 2000)).toBe(true);
  });

  it('never runs nested quantifiers or quantified alternations directly', () => {
    expect(backtrackingShape('^(a+)+$').nested).toBe(true);
    expect(backtrackingShape('(?:ab|cd)+x{200}').nested).toBe(true);
  });

  it('sends long subjects with unbounded quantifiers to the timed path', () => {
    expect(directRunIsBounded(backtrackingShape('a.*b[^c]{300}'), 100_000)).toBe(false);
  });
});
