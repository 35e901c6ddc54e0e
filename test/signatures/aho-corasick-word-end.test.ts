import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';

/**
 * A literal that counts only before a word boundary (9000302's command names: `id`, `nc`, `sh`) is dropped
 * by the automaton where a word char follows it, so the prefilter's callback never sees "nc" in "lunch" or
 * "id" in "ridge": the bench's multipart note reported ~100 such occurrences a request (issue 14).
 */
const line = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut id 7.\n';
// Short (the JS loop), a few hundred chars (four chains in WebAssembly) and past a module piece.
const texts = [line, line.repeat(8), line.repeat(400)];

/** Every occurrence reported, as pattern@end, sorted. */
function reported(ac: AhoCorasick, text: string, marked: number[], how: 'scan' | 'unordered' | 'pieces'): string[] {
  const flags = Uint8Array.from({ length: 4 }, (_, p) => (marked.includes(p) ? 1 : 0));
  const filter = ac.wordEndFilter(flags);
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

/** The occurrences a plain scan reports, less those of marked patterns followed by a letter, digit or `_`. */
function expected(ac: AhoCorasick, text: string, marked: number[]): string[] {
  const got: string[] = [];
  ac.scan(text, (p, end) => {
    if (marked.includes(p) && /\w/.test(text[end] ?? '')) return;
    got.push(`${p}@${end}`);
  });
  return got.sort();
}

describe('wordEndFilter: occurrences of marked patterns before a word char are not reported', () => {
  // `id` is marked and shares no state; `dge` is marked and is `ridge`'s dictionary suffix (a mixed state); `nc` marked, `the` not.
  const patterns = ['id', 'ridge', 'dge', 'nc'];
  const marked = [0, 2, 3];

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
      const got = reported(ac, text, marked, how);
      expect(got).toEqual(expected(ac, text, marked));
      // "id" in "ridge" is dropped, the word "id" is not; "nc" in "lunch" is dropped; `ridge` (unmarked) stays beside its dropped `dge`.
      const times = text.length / line.length;
      expect(got.filter((g) => g.startsWith('0@')).length).toBe(times);
      expect(got.filter((g) => g.startsWith('3@')).length).toBe(0);
      expect(got.filter((g) => g.startsWith('1@')).length).toBe(times);
      expect(got.filter((g) => g.startsWith('2@')).length).toBe(times);
    }
  });

  it('drops nothing when no pattern is marked (no filter)', () => {
    const ac = buildAhoCorasick(patterns);
    expect(ac.wordEndFilter(new Uint8Array(4))).toBeNull();
  });

  it('keeps a dropped pattern unsettled, so its later occurrence before a non-word char still counts', () => {
    const ac = buildAhoCorasick(['id'], { skipSettled: true });
    const got: number[] = [];
    ac.scanUnordered('ridge ridge id', (_p, end) => got.push(end) > 0, 14, ac.wordEndFilter(Uint8Array.of(1)));
    expect(got).toEqual([14]);
  });
});
