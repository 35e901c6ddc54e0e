import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor } from '../../src/model/features.js';
import { tokenizePayload } from '../../src/model/tokenize.js';
import { FeatureExtractor as ReferenceExtractor } from './fixtures/reference-v2/features.js';
import { tokenizePayload as referenceTokenize } from './fixtures/reference-v2/tokenize.js';

// Characters the tokenizer and the char n-grams treat specially, plus letters, digits, accents and
// astral code points, so random strings hit keywords, shapes, escapes, operators and Unicode paths.
const pieces = [
  ...'abcdefxyzABCDEFXYZ_0123456789 \t\r\n\f\v\u0000\u0001\u007f\u00a0\'"<>;|&$`(){}[]\\*!#%=-+./:@?,^~'.split(''),
  'é', 'ß', 'İ', 'ǅ', '東', '😀', '\u2028', 'Ａ', '％',
  'select', 'union', 'or', 'script', 'onerror', 'etc/passwd', 'web-inf', '%27', '%u0027', '%2', '\\x3c', '\\u003c', '&#',
  '0x4f', '1e5', 'deadbeef01', '../', '<!--', '${', '{{', '/*!', 'İstanbul',
];
const payload = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((p) => p.join(''));

describe('feature extractor against the frozen version-2 reference', () => {
  const serving = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  const reference = new ReferenceExtractor(DEFAULT_FEATURE_CONFIG);

  it('gives random payload-like texts the same indices in the same order', () => {
    fc.assert(
      fc.property(payload, (text) => {
        expect(Array.from(serving.extract(text))).toEqual(Array.from(reference.extract(text)));
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });

  it('agrees on arbitrary Unicode strings and on texts longer than maxChars', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ minLength: 500, maxLength: 700 })), (text) => {
        expect(Array.from(serving.extract(text))).toEqual(Array.from(reference.extract(text)));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('tokenizes to the same strings, lower-cased or not (%2F keeps its case)', () => {
    fc.assert(
      fc.property(payload, fc.boolean(), (text, lower) => {
        const input = lower ? text.toLowerCase() : text.toUpperCase();
        expect(tokenizePayload(input)).toEqual(referenceTokenize(input));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
