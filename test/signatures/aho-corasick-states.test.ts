import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, trieStateCount } from '../../src/signatures/compile/aho-corasick.js';

describe('trieStateCount: the states an automaton would have, counted before it is built', () => {
  it('equals the built automaton\'s count over 200 random sets with shared prefixes, case variants and latin1 bytes', () => {
    let seed = 4242;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let round = 0; round < 200; round++) {
      const alphabet = round % 2 === 0 ? 'abAB' : 'aB/.%x\xe9\xc9\u0141';
      const patterns = Array.from({ length: 1 + next(40) }, () => Array.from({ length: 1 + next(8) }, () => alphabet[next(alphabet.length)]).join(''));
      expect(trieStateCount(patterns)).toBe(buildAhoCorasick(patterns).stateCount);
    }
  });

  it('counts a literal the parts share once: the merged count is below the sum of the parts', () => {
    const body = ['%2e%2e/', 'drop table', '<script'];
    const raw = ['%2e%2e/', 'drop table', 'user-agent: sqlmap'];
    const sum = buildAhoCorasick(body).stateCount + buildAhoCorasick(raw).stateCount;
    expect(trieStateCount([...body, ...raw])).toBe(buildAhoCorasick([...body, ...raw]).stateCount);
    expect(trieStateCount([...body, ...raw])).toBeLessThan(sum - 1);
  });
});
