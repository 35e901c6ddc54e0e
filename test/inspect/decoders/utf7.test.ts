import { describe, expect, it } from 'vitest';
import { decodeUtf7 } from '../../../src/inspect/decoders/utf7.js';
import { decodeForms, triggersOf } from '../../../src/inspect/decoders/decode-forms.js';
import { DEFAULT_DECODER_NAMES, resolveDecoders } from '../../../src/inspect/decoders/registry.js';
import { freshContext } from './context.js';

const decode = (s: string): string => decodeUtf7(s, freshContext());

describe('utf7 decoder', () => {
  it('decodes shift runs that spell ASCII markup and quotes', () => {
    expect(decode('+ADw-script+AD4-alert(+ACc-xss+ACc-)+ADw-+AC8-script+AD4-')).toBe("<script>alert('xss')</script>");
    expect(decode('x+ACIAPgA8-svg')).toBe('x"><svg');
  });

  it('leaves the + of ordinary text alone', () => {
    for (const s of ['C++ and C#', '+49 30 1234567', 'hello+world+again', 'a+b=c', '1+1', '+-', 'Q+A session']) {
      expect(decode(s), s).toBe(s);
    }
  });

  it('is reached through URL decoding and from the raw query value', () => {
    const decoders = resolveDecoders(DEFAULT_DECODER_NAMES);
    const limits = { maxForms: 8, maxDepth: 3, maxLength: 4096, triggers: triggersOf(decoders) };
    const viaUrl = decodeForms('%2BADw-script%2BAD4-', decoders, { ...freshContext(), plusAsSpace: true }, limits);
    expect(viaUrl).toContain('<script>');
    const raw = decodeForms('+ADw-img src=x onerror=alert(1)+AD4-', decoders, { ...freshContext(), plusAsSpace: true }, limits);
    expect(raw).toContain('<img src=x onerror=alert(1)>');
  });
});
