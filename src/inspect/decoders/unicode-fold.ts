import type { DecodeContext, Decoder } from './decoder.js';
import { TRIGGER_NON_ASCII } from './triggers.js';

/**
 * Look-alikes NFKC leaves alone but that Windows "best fit" code-page conversion, some database
 * collations and lenient parsers turn into ASCII syntax (the WorstFit / `ʼ OR 1=1` family).
 */
const BEST_FIT: ReadonlyMap<number, string> = new Map([
  [0x02b9, "'"], [0x02bc, "'"], [0x02c8, "'"], [0x2018, "'"], [0x2019, "'"], [0x201b, "'"], [0x2032, "'"],
  [0x201c, '"'], [0x201d, '"'], [0x201f, '"'], [0x2033, '"'], [0x02ba, '"'],
  [0x2039, '<'], [0x203a, '>'], [0x2215, '/'], [0x2044, '/'], [0x29f8, '/'], [0x2216, '\\'], [0x29f5, '\\'],
  [0x00a5, '\\'], // yen sign: the backslash of Shift-JIS best fit
  [0x2010, '-'], [0x2011, '-'], [0x2012, '-'], [0x2013, '-'], [0x2014, '-'], [0x2212, '-'],
  [0x00a0, ' '], [0x3000, ' '],
]);

/** NFKC (full-width `＜ｓｃｒｉｐｔ＞` becomes `<script>`) plus the best-fit table above. */
export function foldUnicode(s: string, _context: DecodeContext): string {
  const nfkc = s.normalize('NFKC');
  let out = '';
  let copied = 0;
  for (let i = 0; i < nfkc.length; i++) {
    const c = nfkc.charCodeAt(i);
    if (c < 0xa0) continue;
    const mapped = BEST_FIT.get(c);
    if (mapped !== undefined) {
      out += nfkc.slice(copied, i) + mapped;
      copied = i + 1;
    }
  }
  if (copied === 0) return nfkc === s ? s : nfkc;
  return out + nfkc.slice(copied);
}

export const unicodeFoldDecoder: Decoder = {
  name: 'unicode-fold',
  triggers: TRIGGER_NON_ASCII,
  decode: foldUnicode,
};
