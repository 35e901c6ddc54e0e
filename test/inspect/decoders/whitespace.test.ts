import { describe, expect, it } from 'vitest';
import { collapseWhitespace, whitespaceDecoder } from '../../../src/inspect/decoders/whitespace.js';
import { scanTriggers, TRIGGER_BASE64_SHAPE, TRIGGER_ODD_WHITESPACE } from '../../../src/inspect/decoders/triggers.js';
import { freshContext } from './context.js';

describe('collapseWhitespace', () => {
  it('collapses tabs, newlines, runs of spaces and unicode spaces into one space', () => {
    expect(collapseWhitespace('UNION\t\n SELECT\u00a0password   FROM\u3000users', freshContext())).toBe('UNION SELECT password FROM users');
  });

  it('returns the same string when every space is already single', () => {
    const s = 'a b c';
    expect(collapseWhitespace(s, freshContext())).toBe(s);
  });

  describe('outputTriggers: the collapsed form\'s trigger bits without a second scan', () => {
    const bitsOf = (input: string): { out: string; told: number; scanned: number } => {
      const out = collapseWhitespace(input, freshContext());
      return { out, told: whitespaceDecoder.outputTriggers!(out, scanTriggers(input)), scanned: scanTriggers(out) };
    };

    it('agrees with a scan of the collapsed form on 20,000 random ASCII values (or asks for the scan)', () => {
      // Pieces that set or touch every trigger bit: escapes, `/*`, `H4sI`, base64 runs, auth prefixes, dots.
      const pieces = [' ', '  ', '\t', '\n', '\r\n', '\v', '\f', 'a', 'QUJD', 'ZGVm', '=', '.', '%', '&', '+', '\\', '/', '*', '/*', 'H4sI', 'eyJ', '.eJ', 'Basic', 'Bearer', 'bearer ', '\u0000', 'x-y_z', '0f'];
      let seed = 7;
      const next = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      let told = 0;
      let oddSeen = 0;
      for (let k = 0; k < 20_000; k++) {
        let input = '';
        const n = 1 + next(24);
        for (let i = 0; i < n; i++) input += pieces[next(pieces.length)];
        const r = bitsOf(input);
        if (r.out === input) continue;
        if (scanTriggers(input) & TRIGGER_ODD_WHITESPACE) oddSeen++;
        if (r.told < 0) continue;
        told++;
        expect(r.told, JSON.stringify(input)).toBe(r.scanned);
      }
      expect(told).toBeGreaterThan(10_000);
      expect(oddSeen).toBeGreaterThan(10_000);
    });

    it('drops a MIME-wrapped base64 shape: the collapsed lines hold spaces', () => {
      const wrapped = Buffer.from('x'.repeat(300)).toString('base64').match(/.{1,76}/g)!.join('\r\n');
      expect(scanTriggers(wrapped) & TRIGGER_BASE64_SHAPE).toBeTruthy();
      const r = bitsOf(wrapped);
      expect(r.told).toBe(r.scanned);
      expect(r.told & TRIGGER_BASE64_SHAPE).toBe(0);
    });

    it('asks for the scan when a collapsed Basic/Bearer prefix may make a shape, or the input was not ASCII', () => {
      const basic = bitsOf(`Basic\t\t${Buffer.from('admin:secret-password').toString('base64')}`);
      expect(basic.told).toBe(-1);
      expect(basic.scanned & TRIGGER_BASE64_SHAPE).toBeTruthy();
      expect(bitsOf('caf\u00e9\u00a0au\nlait').told).toBe(-1);
    });
  });
});
