import { describe, expect, it } from 'vitest';
import {
  DECODE_FLAG_INVALID_PERCENT,
  DECODE_FLAG_INVALID_UTF8,
  DECODE_FLAG_OVERLONG_UTF8,
} from '../../../src/inspect/decoders/decoder.js';
import { decodeUrlOnce } from '../../../src/inspect/decoders/url.js';
import { freshContext } from './context.js';

describe('decodeUrlOnce', () => {
  it('returns the very same string when there is nothing to decode', () => {
    const s = 'plain-value_123';
    expect(decodeUrlOnce(s, freshContext(true))).toBe(s);
  });

  it('decodes percent sequences into UTF-8 text, upper or lower case hex', () => {
    expect(decodeUrlOnce('%3Cscript%3e', freshContext())).toBe('<script>');
    expect(decodeUrlOnce('caf%C3%A9%20%E2%82%AC', freshContext())).toBe('café €');
  });

  it('decodes one round only: %253C becomes %3C', () => {
    expect(decodeUrlOnce('%253C', freshContext())).toBe('%3C');
  });

  it('turns + into a space only in query/form context', () => {
    expect(decodeUrlOnce('a+b%2Bc', freshContext(true))).toBe('a b+c');
    expect(decodeUrlOnce('a+b%2Bc', freshContext(false))).toBe('a+b+c');
  });

  it('keeps invalid sequences as they are, and flags the evasive ones (%%35, %2g, trailing %2)', () => {
    for (const evasive of ['%%35%63', '%2g', 'abc%2']) {
      const context = freshContext();
      decodeUrlOnce(evasive, context);
      expect(context.flags & DECODE_FLAG_INVALID_PERCENT, evasive).toBeTruthy();
    }
    const context = freshContext();
    expect(decodeUrlOnce('%%35%63', context)).toBe('%5c');
  });

  it("does not flag a word after a % wildcard ('%Contoso%' in a FetchXML or SQL LIKE condition), and still flags %2g and %Cg", () => {
    const context = freshContext();
    expect(decodeUrlOnce("value='%Contoso%' OR city LIKE '%Cologne%' OR x LIKE '%Food'", context)).toBe("value='%Contoso%' OR city LIKE '%Cologne%' OR x LIKE '%Food'");
    expect(context.flags).toBe(0);
    for (const evasive of ['%2g', '%c', '%%41', 'x%5']) {
      const c = freshContext();
      decodeUrlOnce(evasive, c);
      expect(c.flags & DECODE_FLAG_INVALID_PERCENT, evasive).toBeTruthy();
    }
  });

  it('does not flag a sloppy lone percent (50% off) nor %u (left to the percent-u decoder)', () => {
    const context = freshContext();
    expect(decodeUrlOnce('50% off %u0041 100%', context)).toBe('50% off %u0041 100%');
    expect(context.flags).toBe(0);
  });

  it('decodes overlong UTF-8 to what a naive server sees, and flags it', () => {
    const context = freshContext();
    expect(decodeUrlOnce('..%c0%af..%e0%80%af', context)).toBe('../../');
    expect(context.flags & DECODE_FLAG_OVERLONG_UTF8).toBeTruthy();
  });

  it('keeps bytes that start no valid UTF-8 sequence as Latin-1 chars, so the ASCII after them survives', () => {
    const context = freshContext();
    expect(decodeUrlOnce('%bf%27%20or%201=1', context)).toBe("\u00bf' or 1=1");
    expect(context.flags & DECODE_FLAG_INVALID_UTF8).toBeTruthy();
  });

  it('handles a truncated multi-byte sequence at the end', () => {
    expect(decodeUrlOnce('ok%C3', freshContext())).toBe('ok\u00c3');
  });

  it('is linear on a huge input', () => {
    // CPU time, not wall time (a preempted run on a loaded CI machine only loses wall time): decoding
    // one 400,000-escape input must cost about what 16 inputs of 25,000 cost together; a quadratic
    // decoder costs 16x that. The bound (4x) leaves a 4x margin each way. Fastest of five.
    const cpuMsOf = (n: number, times: number): number => {
      const input = '%41'.repeat(n);
      let fastest = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = process.cpuUsage();
        for (let i = 0; i < times; i++) expect(decodeUrlOnce(input, freshContext()).length).toBe(n);
        const used = process.cpuUsage(started);
        fastest = Math.min(fastest, (used.user + used.system) / 1000);
      }
      return fastest;
    };
    cpuMsOf(25_000, 4);
    const ratio = cpuMsOf(400_000, 1) / Math.max(cpuMsOf(25_000, 16), 0.5);
    expect(ratio).toBeLessThan(4);
  });
});
