import { describe, expect, it } from 'vitest';
import { decodeForms, triggersOf } from '../../../src/inspect/decoders/decode-forms.js';
import {
  DECODE_FLAG_MULTIPLE_URL,
  DECODE_FLAG_NUL,
  DECODE_FLAG_TRUNCATED,
} from '../../../src/inspect/decoders/decoder.js';
import { DEFAULT_DECODER_NAMES, resolveDecoders } from '../../../src/inspect/decoders/registry.js';
import { freshContext } from './context.js';

const decoders = resolveDecoders(DEFAULT_DECODER_NAMES);
const limits = { maxForms: 8, maxDepth: 3, maxLength: 16_384, triggers: triggersOf(decoders) };

describe('decodeForms', () => {
  it('returns no forms (and runs no decoder) for a plain value', () => {
    expect(decodeForms('hello-world_42', decoders, freshContext(), limits)).toEqual([]);
  });

  it('repeats URL decoding while it changes, within the depth, single-decoded form first', () => {
    const context = freshContext();
    expect(decodeForms('%25253Cscript%25253E', decoders, context, limits)).toEqual(['%253Cscript%253E', '%3Cscript%3E', '<script>']);
    expect(context.flags & DECODE_FLAG_MULTIPLE_URL).toBeTruthy();
  });

  it('does not flag double encoding that only reveals spaces and slashes (return URLs)', () => {
    const context = freshContext(true);
    expect(decodeForms('%2Fsearch%3Fq%3Dred%2520shoes', decoders, context, limits)).toEqual(['/search?q=red%20shoes', '/search?q=red shoes']);
    expect(context.flags).toBe(0);
  });

  it('stops at maxDepth', () => {
    expect(decodeForms('%2525253C', decoders, freshContext(), { ...limits, maxDepth: 2 })).toEqual(['%25253C', '%253C']);
  });

  it('chains different decoders: URL then base64', () => {
    const payload = encodeURIComponent(Buffer.from('<svg/onload=alert(1)>').toString('base64'));
    expect(decodeForms(payload, decoders, freshContext(), limits)).toContain('<svg/onload=alert(1)>');
  });

  it('chains mixed encodings: URL-encoded HTML entities, %u then full-width fold', () => {
    expect(decodeForms('%26lt%3Bscript%26gt%3B', decoders, freshContext(), limits)).toContain('<script>');
    expect(decodeForms('%uFF1Cscript%uFF1E', decoders, freshContext(), limits)).toContain('<script>');
  });

  it('keeps forms distinct and different from raw', () => {
    const forms = decodeForms('a%20b', decoders, freshContext(), limits);
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms).not.toContain('a%20b');
  });

  it('caps the number of forms', () => {
    const forms = decodeForms('%2525253C&lt;\\x41 /**/ ＡＢ', decoders, freshContext(), { ...limits, maxForms: 3 });
    expect(forms).toHaveLength(3);
  });

  it('decodes only a prefix of a huge value and says so', () => {
    const context = freshContext();
    const forms = decodeForms('%41'.repeat(100_000), decoders, context, { ...limits, maxLength: 3000 });
    expect(forms[0]).toBe('A'.repeat(1000));
    expect(context.flags & DECODE_FLAG_TRUNCATED).toBeTruthy();
  });

  it('flags a NUL byte in the value or in a decoded form', () => {
    const context = freshContext();
    decodeForms('file.php%00.jpg', decoders, context, limits);
    expect(context.flags & DECODE_FLAG_NUL).toBeTruthy();
  });

  it('does not call %2B double encoding in a query value', () => {
    const context = freshContext(true);
    expect(decodeForms('%2B33+6', decoders, context, limits)).toEqual(['+33 6']);
    expect(context.flags).toBe(0);
  });
});
