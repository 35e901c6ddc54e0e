import { describe, expect, it } from 'vitest';
import { buildAhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { startAutomatonBuilder } from '../../src/signatures/compile/automaton-builder.js';

/** Every occurrence a scan reports, as pattern@end, in order. */
function occurrences(automaton: ReturnType<typeof buildAhoCorasick>, text: string): string[] {
  const out: string[] = [];
  automaton.scan(text, (p, end) => {
    out.push(`${p}@${end}`);
  });
  return out;
}

describe('prefilter automata built on a worker thread', () => {
  let seed = 11;
  // xorshift32: an LCG's low bits repeat within a few draws, and the patterns would share their prefixes.
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const word = (min: number, spread: number): string => {
    let w = '';
    const n = min + next(spread);
    for (let i = 0; i < n; i++) w += String.fromCharCode(32 + next(200));
    return w;
  };
  // A narrow one (16-bit table, WebAssembly) and a wide one (over 65,536 states, a 32-bit table).
  const narrow = ['union select', '../', '<script', 'etc/passwd', ...Array.from({ length: 300 }, () => word(3, 10))];
  const wide = Array.from({ length: 9000 }, (_, i) => `${word(8, 12)}/${i.toString(36)}/${word(4, 4)}`);

  it.each([
    ['narrow', narrow],
    ['wide', wide],
  ])('gives the automaton a build on the event loop gives (%s)', async (_name, patterns) => {
    const builder = startAutomatonBuilder({ skipSettled: false });
    try {
      const offLoop = await builder.build(patterns);
      const here = buildAhoCorasick(patterns);
      expect([offLoop.stateCount, offLoop.classCount, offLoop.longest, offLoop.engine]).toEqual([here.stateCount, here.classCount, here.longest, here.engine]);
      for (let t = 0; t < 50; t++) {
        let text = '';
        while (text.length < 2000) text += next(2) === 0 ? patterns[next(patterns.length)] : String.fromCharCode(next(256));
        expect(occurrences(offLoop, text)).toEqual(occurrences(here, text));
      }
      if (patterns === narrow) expect(occurrences(offLoop, 'x UNION SELECT 1 from ../../etc/passwd').length).toBeGreaterThan(2);
      else expect(offLoop.stateCount).toBeGreaterThan(65_536);
    } finally {
      await builder.close();
    }
  });

  it('builds on the event loop once it is closed (and when its thread cannot run)', async () => {
    const builder = startAutomatonBuilder({});
    await builder.close();
    const a = await builder.build(['abc', 'bcd']);
    expect(occurrences(a, 'xabcdx')).toEqual(['0@4', '1@5']);
  });
});
