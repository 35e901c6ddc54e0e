import { describe, expect, it } from 'vitest';
import { foldUnicode } from '../../../src/inspect/decoders/unicode-fold.js';
import { freshContext } from './context.js';

const fold = (s: string): string => foldUnicode(s, freshContext());

describe('foldUnicode', () => {
  it('folds full-width ASCII (NFKC)', () => {
    expect(fold('＜ｓｃｒｉｐｔ＞ａｌｅｒｔ（１）')).toBe('<script>alert(1)');
  });

  it('maps best-fit look-alikes NFKC keeps: modifier apostrophe, smart quotes, division slash', () => {
    expect(fold('admin\u02bc OR 1=1')).toBe("admin' OR 1=1");
    expect(fold('\u201cx\u201d \u2215etc\u2215passwd')).toBe('"x" /etc/passwd');
  });

  it('returns the same string for text NFKC and the table leave alone', () => {
    const s = 'Zoë café naïve';
    expect(fold(s)).toBe(s);
  });
});
