import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { regexEngineNotice } from '../../src/cli/regex-engine-notice.js';
import { compileSafeRegex, regexEngine } from '../../src/signatures/safe-regex.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { translatePcre } from '../../src/signatures/pcre-translate.js';
import { BUNDLED_RULES } from '../signatures/bundled-requests.js';

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

describe('the README figure of bundled rules refused without the native binding', () => {
  it('names as many rules with a counted repetition over 100, of as many bundled rules, as signatures/warden.rules holds', async () => {
    const { rules } = await loadRuleSet([BUNDLED_RULES]);
    const refused = rules.filter((rule) => rule.detection.some((o) => o.kind === 'pcre' && translatePcre(o.source, o.flags.includes('x')).largeRepeats));
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const stated = /`\{1,200\}`: (\d+) of the (\d+) bundled rules/.exec(readme);
    expect(stated, 'README names the count').not.toBeNull();
    expect([Number(stated?.[1]), Number(stated?.[2])]).toEqual([refused.length, rules.length]);
  });
});
