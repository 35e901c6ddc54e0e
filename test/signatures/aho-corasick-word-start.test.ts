import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, WORD_END, WORD_START, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';

/**
 * A literal that counts only at a word's start (the leading literal of a `\b`-anchored word: the model's
 * prose scan looks for `or`, `nc`, `id` as words) is dropped by the automaton where a word char precedes
 * it, so "or" in "morning" never reaches the callback: the bench's 4 KB multipart note reported ~140 such
 * leads a request (issue 14).
 */
const line = 'or 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut id 7 xor_id.\n';
// Short (the JS loop), a few hundred chars (four chains in WebAssembly) and past a module piece.
const texts = [line, line.repeat(8), line.repeat(400)];

// `or` and `id` start-marked; `ridge` unmarked with its start-marked suffix `dge` (a mixed state); `nc` marked
// both ways; `hut` end-marked; `the` unmarked.
const patterns = ['or', 'id', 'ridge', 'dge', 'nc', 'hut', 'the'];
const flags = Uint8Array.of(WORD_START, WORD_START, 0, WORD_START, WORD_START | WORD_END, WORD_END, 0);
const lengths = patterns.map((p) => p.length);

/** Every occurrence reported, as pattern@end, sorted. */
function reported(ac: AhoCorasick, text: string, how: 'scan' | 'unordered' | 'pieces'): string[] {
  const filter = ac.wordBoundaryFilter(flags, lengths);
  const got: string[] = [];
  const onMatch = (p: number, end: number): void => void got.push(`${p}@${end}`);
  if (how === 'scan') ac.scan(text, onMatch, filter);
  else if (how === 'unordered') ac.scanUnordered(text, onMatch, text.length, filter);
  else {
    let state = 0;
    for (let from = 0; from < text.length; from += 1000) state = ac.scanRange(text, from, Math.min(text.length, from + 1000), state, onMatch, filter);
  }
  return got.sort();
}

/** The occurrences a plain scan reports, less those outside the word boundary their flags ask for. */
function expected(ac: AhoCorasick, text: string): string[] {
  const got: string[] = [];
  ac.scan(text, (p, end) => {
    if ((flags[p] & WORD_END) !== 0 && /\w/.test(text[end] ?? '')) return;
    if ((flags[p] & WORD_START) !== 0 && /\w/.test(text[end - patterns[p].length - 1] ?? '')) return;
    got.push(`${p}@${end}`);
  });
  return got.sort();
}

describe('wordBoundaryFilter: occurrences of start-marked patterns after a word char are not reported', () => {
  it.each([
    [true, 'scan'],
    [true, 'unordered'],
    [true, 'pieces'],
    [false, 'scan'],
    [false, 'unordered'],
    [false, 'pieces'],
  ] as const)('reports what a plain scan does less the dropped ones (wasm %s, %s)', (wasm, how) => {
    const ac = buildAhoCorasick(patterns, { wasm });
    for (const text of texts) {
      const got = reported(ac, text, how);
      expect(got).toEqual(expected(ac, text));
      const times = text.length / line.length;
      const count = (p: number): number => got.filter((g) => g.startsWith(`${p}@`)).length;
      // The word "or" (the first at the text's start) stays, "or" of "morning" and "xor" goes.
      expect(count(0)).toBe(times);
      // "id" the word stays; "id" of "ridge" and of "xor_id" goes.
      expect(count(1)).toBe(times);
      // `ridge` (unmarked) stays beside its dropped suffix `dge`; `nc` of "lunch" goes; "hut" stays, "the" three times.
      expect([count(2), count(3), count(4), count(5), count(6)]).toEqual([times, 0, 0, times, 3 * times]);
    }
  });

  it('counts an occurrence at the text start as a word start', () => {
    const ac = buildAhoCorasick(['or']);
    const got: number[] = [];
    ac.scan('or xor', (_p, end) => void got.push(end), ac.wordBoundaryFilter(Uint8Array.of(WORD_START), [2]));
    expect(got).toEqual([2]);
  });

  it('reads the char before an occurrence by its full code: a letter beyond Latin-1 is no word char (as `\\b` reads it)', () => {
    const ac = buildAhoCorasick(['or']);
    const got: number[] = [];
    // U+0161 (š) has the low byte of `a`: the automaton scans low bytes, the boundary is judged on the char.
    ac.scan('\u0161or aor', (_p, end) => void got.push(end), ac.wordBoundaryFilter(Uint8Array.of(WORD_START), [2]));
    expect(got).toEqual([3]);
  });

  it('needs the patterns\' lengths for WORD_START, and makes no filter when nothing is marked', () => {
    const ac = buildAhoCorasick(patterns);
    expect(() => ac.wordBoundaryFilter(flags)).toThrow(/lengths/);
    expect(ac.wordBoundaryFilter(new Uint8Array(patterns.length), lengths)).toBeNull();
  });

  it('keeps a dropped pattern unsettled, so its later occurrence at a word start still counts', () => {
    const ac = buildAhoCorasick(['id'], { skipSettled: true });
    const got: number[] = [];
    ac.scanUnordered('ridge ridge id', (_p, end) => got.push(end) > 0, 14, ac.wordBoundaryFilter(Uint8Array.of(WORD_START), [2]));
    expect(got).toEqual([14]);
  });
});
