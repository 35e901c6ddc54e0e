import { describe, expect, it } from 'vitest';
import { scanTriggers, scanTriggersInSteps } from '../../../src/inspect/decoders/triggers.js';

/** Runs a stepped scan to its end, counting its pauses. */
function stepped(s: string): { bits: number; pauses: number } {
  const steps = scanTriggersInSteps(s, () => true);
  for (let pauses = 0; ; pauses++) {
    const r = steps.next();
    if (r.done) return { bits: r.value, pauses };
  }
}

const PIECE = 32_768;
const filler = (n: number, c = 'a'): string => c.repeat(n);

describe('trigger scan of a long value in pieces', () => {
  it.each([
    ['/* split across two pieces', `${filler(PIECE - 1)}/*${filler(40_000)}`],
    ['two spaces split across two pieces', `${filler(PIECE - 1, 'b')}  ${filler(40_000, 'b')}`],
    ['a long base64 value', 'QUJD'.repeat(30_000)],
    ['a long hex value (not base64)', 'abcdef0123'.repeat(10_000)],
    ['base64 broken by padding in the middle', `${'QUJD'.repeat(9000)}==${'QUJD'.repeat(9000)}`],
    ['a long JWT-shaped value', `eyJ${'a'.repeat(40_000)}.${'b'.repeat(30_000)}.${'c'.repeat(100)}`],
    ['a bearer token', `Bearer ${'QUJD'.repeat(20_000)}`],
    ['NUL and non-ASCII at the end', `${filler(100_000)}\u0000\u00e9`],
    ['prose', 'Line one: "quoted" & <b>tags</b>\n'.repeat(4000)],
  ])('gives the bits of the one-go scan: %s', (_name, s) => {
    const { bits, pauses } = stepped(s);
    expect(bits).toBe(scanTriggers(s));
    expect(pauses).toBe(Math.ceil(s.length / PIECE));
  });

  it('gives the bits of the one-go scan on random values built from trigger characters', () => {
    const alphabet = ['a', 'Z', '0', 'f', '%', '&', '\\', '+', '/', '*', ' ', '\t', '.', '=', '-', '_', '\u00e9', '\u0000'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 40; k++) {
      const len = PIECE + Math.floor(next() * 3 * PIECE);
      const weights = alphabet.map(() => next() ** 6);
      const total = weights.reduce((a, b) => a + b, 0);
      let s = '';
      for (let i = 0; i < len; i++) {
        let r = next() * total;
        let j = 0;
        while ((r -= weights[j]) > 0 && j < alphabet.length - 1) j++;
        s += alphabet[j];
      }
      expect(stepped(s).bits).toBe(scanTriggers(s));
    }
  });
});
