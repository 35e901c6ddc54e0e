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

  it('leaves truncated or non-hex %u alone and plain %XX for the url decoder', () => {
    const context = freshContext();
    expect(decodePercentU('%u12 %u12zz %41 %u', context)).toBe('%u12 %u12zz %41 %u');
    expect(context.flags).toBe(0);
  });
});
