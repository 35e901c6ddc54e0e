import { describe, expect, it } from 'vitest';
import { regexEngineNotice } from '../../src/cli/regex-engine-notice.js';
import { compileSafeRegex, regexEngine } from '../../src/signatures/safe-regex.js';

describe('regexEngineNotice', () => {
  it('says nothing with the native binding', () => {
    expect(regexEngineNotice('re2 (native)')).toBeNull();
  });

  it('warns on re2js that long counted repetitions are refused and how to get the binding back', () => {
    const text = regexEngineNotice('re2js') ?? '';
    expect(text).toMatch(/^warden: WARNING: the native RE2 binding/);
    expect(text).toMatch(/counted repetition over 100 are refused/);
    expect(text).toMatch(/npm rebuild re2/);
  });

  it('the refusal it announces is real: a repetition over 100 compiles only on the native binding', () => {
    const compile = (): unknown => compileSafeRegex('curl[^|]{1,200}\\|sh', '');
    if (regexEngine === 're2js') expect(compile).toThrow(/counted repetition over 100 needs the native RE2 binding/);
    else expect(compile).not.toThrow();
  });
});
