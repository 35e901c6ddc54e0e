import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { WASM_SCAN_PIECE } from '../../src/signatures/compile/aho-corasick-wasm.js';

const rng = (seed: number) => (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

const ordered = (ac: AhoCorasick, text: string): string[] => {
  const got: string[] = [];
  ac.scan(text, (p, end) => got.push(`${p}@${end}`));
  return got;
};
const unordered = (ac: AhoCorasick, text: string, to?: number): string[] => {
  const got: string[] = [];
  ac.scanUnordered(text, (p, end) => got.push(`${p}@${end}`), to);
  return got.sort();
};

describe('Aho-Corasick scan in WebAssembly', () => {
  it('runs in WebAssembly for a 16-bit table, in JS when asked', () => {
    expect(buildAhoCorasick(['union', 'select']).engine).toBe('wasm');
    expect(buildAhoCorasick(['union', 'select'], { wasm: false }).engine).toBe('js');
  });

  it('reports what the JS loops report, in the same order, on texts from a few chars to past one module piece', () => {
    const next = rng(2026);
    // Two-byte chars too: the scan reads each UTF-16 unit's low byte (U+0161 as `a`, U+2019 as 0x19).
    const alphabet = 'abAB/x%\u00e9\u00c9\u0161\u2019z';
    let found = 0;
    for (const length of [3, 100, 127, 128, 129, 600, 1023, 1024, 5000, WASM_SCAN_PIECE - 1, WASM_SCAN_PIECE, WASM_SCAN_PIECE + 7, 70_001]) {
      const patterns = [...new Set(Array.from({ length: 1 + next(30) }, () => Array.from({ length: 1 + next(7) }, () => 'abAB/x%\u00e9'[next(8)]).join('').toLowerCase()))];
      const wasm = buildAhoCorasick(patterns);
      const js = buildAhoCorasick(patterns, { wasm: false });
      expect(wasm.engine).toBe('wasm');
      const text = Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
      const want = ordered(js, text);
      found += want.length;
      expect(ordered(wasm, text), `length ${length}`).toEqual(want);
      expect(unordered(wasm, text), `length ${length}, unordered`).toEqual([...want].sort());
      const to = next(length + 1);
      expect(unordered(wasm, text, to), `length ${length}, to ${to}`).toEqual(unordered(js, text, to));
      // Piece by piece from the state the previous piece ended in, as a stepped scan goes.
      const cut = next(length + 1);
      const pieces = (ac: AhoCorasick): string[] => {
        const got: string[] = [];
        const onMatch = (p: number, end: number): number => got.push(`${p}@${end}`);
        ac.scanRange(text, cut, length, ac.scanRange(text, 0, cut, 0, onMatch), onMatch);
        return got;
      };
      expect(pieces(wasm), `length ${length}, cut ${cut}`).toEqual(want);
    }
    expect(found).toBeGreaterThan(20_000);
  });

  it('finds a pattern across the seams of its four chains and of the module pieces', () => {
    const wasm = buildAhoCorasick(['needle-in-the-middle', 'e-i']);
    const needle = 'NEEDLE-in-the-middle';
    for (const length of [400, 4000, WASM_SCAN_PIECE + 4000]) {
      const seams = [length >> 2, length >> 1, 3 * (length >> 2), WASM_SCAN_PIECE].filter((s) => s < length - needle.length);
      for (let shift = 0; shift <= needle.length; shift++) {
        const chars = Array.from('y'.repeat(length));
        for (const seam of seams) chars.splice(seam - shift, needle.length, ...needle);
        const text = chars.join('');
        expect(unordered(wasm, text), `length ${length}, shift ${shift}`).toHaveLength(2 * seams.length);
        expect(ordered(wasm, text)).toEqual(ordered(buildAhoCorasick(['needle-in-the-middle', 'e-i'], { wasm: false }), text));
      }
    }
  });
});

describe('16-bit tables past 32,768 states (the states with outputs numbered last, no flag bit)', () => {
  it('keeps a 40,000-state automaton in 16-bit cells and finds what a naive search finds, in WebAssembly and in JS', () => {
    const next = rng(77);
    const patterns = [...new Set(Array.from({ length: 3500 }, () => Array.from({ length: 12 }, () => 'abcdefghijklmnopqrst'[next(20)]).join('')))];
    const wasm = buildAhoCorasick(patterns);
    const js = buildAhoCorasick(patterns, { wasm: false });
    expect(wasm.stateCount).toBeGreaterThan(0x8000);
    expect(wasm.stateCount).toBeLessThanOrEqual(0x10000);
    expect(wasm.engine).toBe('wasm');
    // A byte size of about two per cell: the narrow table (a wide one takes four).
    expect(js.byteSize).toBeLessThan(wasm.stateCount * wasm.classCount * 3);
    // Patterns written out whole (their last states are numbered from the end of the table), between noise.
    const text = Array.from({ length: 400 }, (_, i) => `${patterns[(i * 37) % patterns.length]}${'xyz'.slice(0, 1 + (i % 3))}`).join('').toUpperCase();
    const naive: string[] = [];
    const lower = text.toLowerCase();
    patterns.forEach((p, k) => {
      for (let at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) naive.push(`${k}@${at + p.length}`);
    });
    expect(naive.length).toBeGreaterThanOrEqual(400);
    expect(unordered(wasm, text)).toEqual(naive.sort());
    expect(unordered(js, text)).toEqual(naive);
    expect(ordered(wasm, text)).toEqual(ordered(js, text));
  });
});
