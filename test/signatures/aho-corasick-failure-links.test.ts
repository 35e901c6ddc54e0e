import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';

const rng = (seed: number) => (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

const found = (ac: AhoCorasick, text: string): string[] => {
  const got: string[] = [];
  ac.scan(text, (p, end) => got.push(`${p}@${end}`));
  return got.sort();
};

/** Every occurrence of every pattern, case-insensitively, overlapping ones included. */
function naive(patterns: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  patterns.forEach((p, k) => {
    const q = p.toLowerCase();
    if (q === '') return;
    for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + 1)) out.push(`${k}@${at + q.length}`);
  });
  return out.sort();
}

// The failure links are walked on the trie (aho-corasick.ts): a wrong one loses an occurrence that
// starts inside another one, or reports one that is not there. Small alphabets make every pattern a
// suffix or prefix of others, so the chains are long.
describe('Aho-Corasick failure links: every occurrence, nested and overlapping, as a naive search finds it', () => {
  it('over 300 random sets on a three-letter alphabet, mixed case, in 16-bit tables (WebAssembly and JS)', () => {
    const next = rng(2026);
    for (let round = 0; round < 300; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + next(12) }, () => Array.from({ length: 1 + next(6) }, () => 'abA'[next(3)]).join('')))];
      const text = Array.from({ length: next(200) }, () => 'abBa'[next(4)]).join('');
      const expected = naive(patterns, text);
      expect(found(buildAhoCorasick(patterns), text)).toEqual(expected);
      expect(found(buildAhoCorasick(patterns, { wasm: false }), text)).toEqual(expected);
    }
  });

  it('in a 32-bit table (past 65,536 states), where states keep their trie numbers', () => {
    const next = rng(11);
    const patterns = [...new Set(Array.from({ length: 12000 }, () => Array.from({ length: 8 + next(10) }, () => 'abcde'[next(5)]).join('')))];
    const ac = buildAhoCorasick(patterns);
    expect(ac.stateCount).toBeGreaterThan(0x10000);
    expect(ac.engine).toBe('js');
    // Whole patterns, each followed by another's first letters: occurrences straddle the seams and sit inside each other.
    const text = Array.from({ length: 300 }, (_, i) => patterns[(i * 97) % patterns.length] + patterns[(i * 31) % patterns.length].slice(0, next(5))).join('').toUpperCase();
    const expected = naive(patterns, text);
    expect(expected.length).toBeGreaterThan(300);
    expect(found(ac, text)).toEqual(expected);
  });

  it('reports an empty pattern at every end (the root has outputs, so every state has) and the others as usual', () => {
    const text = 'xaBb';
    const empty = [1, 2, 3, 4].map((end) => `0@${end}`);
    expect(found(buildAhoCorasick(['', 'ab', 'b']), text)).toEqual([...empty, ...naive(['', 'ab', 'b'], text)].sort());
    expect(found(buildAhoCorasick(['', 'ab', 'b'], { wasm: false }), text)).toEqual([...empty, ...naive(['', 'ab', 'b'], text)].sort());
  });
});
