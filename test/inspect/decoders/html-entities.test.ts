import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../../src/inspect/decoders/html-entities.js';
import { freshContext } from './context.js';

const decode = (s: string): string => decodeHtmlEntities(s, freshContext());

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decode('&lt;img src=x onerror=alert&#40;1&#x29;&gt;')).toBe('<img src=x onerror=alert(1)>');
  });

  it('decodes the HTML5 names XSS filters forget', () => {
    expect(decode('javascript&colon;alert&lpar;1&rpar;')).toBe('javascript:alert(1)');
    expect(decode('java&Tab;script&NewLine;:')).toBe('java\tscript\n:');
  });

  it('accepts leading zeros and a missing semicolon on numeric references, as browsers do', () => {
    expect(decode('&#0000060script&#x00003e')).toBe('<script>');
  });

  it('accepts the legacy names without semicolon but not other names', () => {
    expect(decode('&ltscript&gt')).toBe('<script>');
    expect(decode('&colon')).toBe('&colon');
  });

  it('leaves unknown names, bare ampersands and out-of-range numbers alone', () => {
    const s = 'Tom & Jerry &unknown; &#99999999999; &#; &#x;';
    expect(decode(s)).toBe(s);
  });

  it('returns the same string when nothing decodes', () => {
    const s = 'a=1&b=2';
    expect(decode(s)).toBe(s);
  });
});
