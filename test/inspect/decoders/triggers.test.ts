import { describe, expect, it } from 'vitest';
import {
  scanTriggers,
  scanTriggersInSteps,
  TRIGGER_BASE64_SHAPE,
  TRIGGER_GZIP_BASE64_RUN,
  TRIGGER_NON_ASCII,
  TRIGGER_ODD_WHITESPACE,
  TRIGGER_SLASH_STAR,
} from '../../../src/inspect/decoders/triggers.js';

/** The character loop's bits (the stepped scan never takes the string-search path). */
function loopBits(s: string): number {
  const steps = scanTriggersInSteps(s, () => false);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

describe('trigger scan of a long value (string search once the base64 shape is decided)', () => {
  it('gives the character loop\'s bits on 5,000 random values of 256-2,300 characters', () => {
    const pieces = ['a', 'Z', '0', 'f', '%', '&', '\\', '+', '/', '*', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '.', '=', '-', '_', '\u00e9', '\u0000', 'H4sI', 'H4s', 'I', '\ud800', '\u20ac', 'eyJ', '.eJ', 'QUJD'];
    let seed = 99;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let shapes = 0;
    for (let k = 0; k < 5000; k++) {
      const len = 256 + Math.floor(next() * 2000);
      const weights = pieces.map(() => next() ** 8);
      const total = weights.reduce((a, b) => a + b, 0);
      let s = next() < 0.1 ? 'Bearer ' : '';
      while (s.length < len) {
        let r = next() * total;
        let j = 0;
        while ((r -= weights[j]) > 0 && j < pieces.length - 1) j++;
        s += pieces[j];
      }
      if (next() < 0.2) s = Buffer.from(s).toString('base64') + (next() < 0.5 ? '' : pieces[Math.floor(next() * pieces.length)]);
      const bits = scanTriggers(s);
      if (bits & TRIGGER_BASE64_SHAPE) shapes++;
      expect(bits, JSON.stringify(s.slice(0, 60))).toBe(loopBits(s));
    }
    expect(shapes).toBeGreaterThan(100);
  });

  it.each([
    ['a line-broken text', 'Day 3: rain in the morning, sun after lunch.\n'.repeat(40), TRIGGER_ODD_WHITESPACE],
    ['two spaces at the very end', `${'word '.repeat(60)} `, TRIGGER_ODD_WHITESPACE],
    ['an SQL comment after 300 characters', `${'x'.repeat(300)} UNION/**/SELECT`, TRIGGER_SLASH_STAR],
    ['a gzip base64 run inside markup', `<img alt="${'a '.repeat(200)}" data-x="H4sIAAAAAAAA">`, TRIGGER_GZIP_BASE64_RUN],
    ['one non-Latin letter at the end', `${'plain ascii '.repeat(30)}\u00e9`, TRIGGER_NON_ASCII],
    ['a MIME-wrapped base64 body', Buffer.from('y'.repeat(900)).toString('base64').match(/.{1,76}/g)!.join('\r\n'), TRIGGER_BASE64_SHAPE],
  ])('%s', (_name, s, bit) => {
    expect(s.length).toBeGreaterThanOrEqual(256);
    expect(scanTriggers(s) & bit).toBe(bit);
    expect(scanTriggers(s)).toBe(loopBits(s));
  });
});
