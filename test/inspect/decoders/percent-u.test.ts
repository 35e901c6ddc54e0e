import { describe, expect, it } from 'vitest';
import { DECODE_FLAG_PERCENT_U } from '../../../src/inspect/decoders/decoder.js';
import { decodePercentU } from '../../../src/inspect/decoders/percent-u.js';
import { freshContext } from './context.js';

describe('decodePercentU', () => {
  it('decodes IIS %uXXXX and flags it', () => {
    const context = freshContext();
    expect(decodePercentU('%u003Cscript%U003E', context)).toBe('<script>');
    expect(context.flags & DECODE_FLAG_PERCENT_U).toBeTruthy();
  });

  it('decodes full-width code units (folded to ASCII later by unicode-fold)', () => {
    expect(decodePercentU('%uFF1C', freshContext())).toBe('\uff1c');
  });

  it('flags only units spelling ASCII syntax: full-width ASCII and slash look-alikes, not escape()d text', () => {
    for (const evasion of ['%uFF1Cscript', '..%u2215etc', '%u002e%u002e', '%uff07 or 1']) {
      const context = freshContext();
      decodePercentU(evasion, context);
      expect(context.flags & DECODE_FLAG_PERCENT_U, evasion).toBeTruthy();
    }
    // escape('“Café” 中文 😀') and .NET UrlEncodeUnicode('été'): decoded, not flagged.
    for (const text of ['%u201CCaf%E9%u201D%20%u4E2D%u6587%20%uD83D%uDE00', '%u00e9t%u00e9']) {
      const context = freshContext();
      expect(decodePercentU(text, context)).not.toContain('%u');
      expect(context.flags, text).toBe(0);
    }
  });

  it('leaves truncated or non-hex %u alone and plain %XX for the url decoder', () => {
    const context = freshContext();
    expect(decodePercentU('%u12 %u12zz %41 %u', context)).toBe('%u12 %u12zz %41 %u');
    expect(context.flags).toBe(0);
  });
});
