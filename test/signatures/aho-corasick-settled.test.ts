import { describe, expect, it } from 'vitest';
import { buildAhoCorasick } from '../../src/signatures/compile/aho-corasick.js';

/** Patterns found by a callback that settles each one at its first occurrence, or never when `settles` says no. */
function found(patterns: string[], text: string, wasm: boolean, settles: (pattern: number, end: number) => boolean): string[] {
  const ac = buildAhoCorasick(patterns, { wasm, skipSettled: true });
  const got: string[] = [];
  ac.scanUnordered(text, (p, end) => {
    got.push(`${p}@${end}`);
    return settles(p, end);
  });
  return got.sort();
}

describe('skipSettled: a state whose outputs the caller settled is not reported again in the call', () => {
  const line = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n';
  // Short (the JS loop), a few hundred chars (four chains in WebAssembly) and past a module piece.
  const texts = [line, line.repeat(8), line.repeat(400)];

  it.each([true, false])('reports a settled pattern once, the others at every occurrence (wasm %s)', (wasm) => {
    for (const text of texts) {
      // `in` settles; `the` never does; `ridge` and `dge` share a state chain (`dge` is ridge's dictionary suffix).
      const got = found(['in', 'the', 'ridge', 'dge'], text, wasm, (p) => p === 0 || p === 2 || p === 3);
      const count = (p: number) => got.filter((g) => g.startsWith(`${p}@`)).length;
      expect(count(0)).toBe(1);
      expect(count(1)).toBe(text.split('the').length - 1);
      expect(count(2)).toBe(1);
      expect(count(3)).toBe(1);
    }
  });

  it('keeps reporting a state while one of its outputs is unsettled (a literal that counts only before a word boundary)', () => {
    // `ridge` settles, its suffix `dge` does not: the state of `ridge` is reported at each occurrence, with both.
    const text = line.repeat(8);
    const got = found(['ridge', 'dge'], text, true, (p) => p === 0);
    expect(got.filter((g) => g.startsWith('0@')).length).toBe(8);
    expect(got.filter((g) => g.startsWith('1@')).length).toBe(8);
  });

  it('passes over a settled state whatever a word-end filter would keep of it, in the JS loop and the WebAssembly chains alike', () => {
    // `ridge` (unmarked) and its suffix `dge` (word-end) share the state of "ridge": "ridges" reports `ridge` alone
    // and settles nothing, "ridge," reports both and settles the state, after which no occurrence is reported.
    const text = 'the ridges and the ridge, '.repeat(40);
    for (const wasm of [true, false]) {
      const ac = buildAhoCorasick(['ridge', 'dge'], { wasm, skipSettled: true });
      const got: string[] = [];
      ac.scan(text, (p, end) => got.push(`${p}@${end}`) > 0, ac.wordEndFilter(Uint8Array.of(0, 1)));
      expect(got, `wasm ${wasm}`).toEqual(['0@9', '0@24', '1@24']);
    }
  });

  it('reports again in the next call, and settles per call', () => {
    const ac = buildAhoCorasick(['walk'], { skipSettled: true });
    const calls: number[] = [];
    for (let call = 0; call < 3; call++) {
      let n = 0;
      ac.scanUnordered(line.repeat(20), () => {
        n++;
        return true;
      });
      calls.push(n);
    }
    expect(calls).toEqual([1, 1, 1]);
    // scan and scanRange start a call of their own too.
    let n = 0;
    ac.scan(line.repeat(3), () => ++n > 0);
    ac.scanRange(line.repeat(3), 0, line.length * 3, 0, () => ++n > 0);
    expect(n).toBe(2);
  });

  it('reports every occurrence without the option, whatever the callback returns', () => {
    const ac = buildAhoCorasick(['walk']);
    let n = 0;
    ac.scanUnordered(line.repeat(20), () => ++n > 0);
    expect(n).toBe(20);
  });
});
