import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loosenedPattern } from '../../src/signatures/loosened-pcre.js';
import { compileSafeRegex, regexEngine, utf8Subject } from '../../src/signatures/safe-regex.js';

/** 9001357's pcre (spreadsheet formula through DDE), read from the bundled rules. */
const DDE_PCRE = (() => {
  const line = readFileSync(new URL('../../signatures/warden.rules', import.meta.url), 'utf8').split('\n').find((l) => l.includes('sid:9001357;'))!;
  return /pcre:"\/(.*)\/i";/.exec(line)![1];
})();

describe('loosenedPattern: wide counted repetitions written without their upper bound', () => {
  it.each([
    ['a distance bound', '[=+@-][^&\\r\\n]{0,80}?[a-z]', '[=+@-][^&\\r\\n]{0,}?[a-z]'],
    ['a bound from 1', 'a[\\w-]{1,40}\\.php', 'a[\\w-]{1,}\\.php'],
    ['two bounds, a narrow one between', 'x{0,100}\\d{2,3}y{2,60}', 'x{0,}\\d{2,3}y{2,}'],
    ['a group repeated', '(?:%20|\\s){0,16}z', '(?:%20|\\s){0,}z'],
  ])('rewrites %s', (_name, source, loosened) => {
    expect(loosenedPattern(source)).toBe(loosened);
  });

  it.each([
    ['narrow counts only', '\\d{1,3}(?:\\.\\d{1,3}){3}[a-z]{0,15}'],
    ['an exact count (an overflow check)', 'instancename=[^&]{513}'],
    ['a count whose lower bound RE2 still has to count', '%[a-z]{4,20}:~'],
    ['an escaped brace', 'a\\{0,80}b'],
    ['braces inside a class', 'a[{0,80}]b'],
    ['a class opening with ]', 'a[]{0,80}]b'],
    ['an unbounded count', 'a{2,}b{0,}'],
  ])('leaves %s alone (null)', (_name, source) => {
    expect(loosenedPattern(source)).toBeNull();
  });

  it("loosens 9001357's three distance bounds", () => {
    const loosened = loosenedPattern(DDE_PCRE);
    expect(loosened).not.toBeNull();
    expect(loosened).not.toMatch(/\{0,(?:80|30|100)\}/);
  });

  it('is a superset: every subject the pcre matches, the loosened form matches', () => {
    const pcre = new RegExp(DDE_PCRE, 'i');
    const loose = new RegExp(loosenedPattern(DDE_PCRE)!, 'i');
    const alphabet = ['=', '+', '@', '-', 'a', 'Z', '_', '.', '|', '%7c', "'", '%27', '!', '%21', ' ', '&', '\r\n', 'dde(', '1'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let matched = 0;
    for (let k = 0; k < 4000; k++) {
      let s = '';
      const len = 4 + next(60);
      for (let i = 0; i < len; i++) s += alphabet[next(alphabet.length)];
      if (pcre.test(s)) {
        matched++;
        expect(loose.test(s)).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});

describe.runIf(regexEngine === 're2 (native)')('a pcre run after its loosened form (native RE2)', () => {
  const RE2 = createRequire(import.meta.url)('re2') as new (p: string, f: string) => { exec(s: string): RegExpExecArray | null };
  const plain = new RE2(DDE_PCRE, 'i');
  const safe = compileSafeRegex(DDE_PCRE, 'i');
  const far = 'x'.repeat(150);

  it.each([
    ['a match', "q==cmd|' /C calc'!A0"],
    ['a match after a miss the loosened form also matches', `a==${far}cmd|' /C calc'!A0&b==cmd|' /C calc'!A0`],
    ['a subject only the loosened form matches (the name 150 chars after the =)', `a==${far}cmd|' /C calc'!A0`],
    ['a subject neither matches', "a=1|b'c'&d=2"],
    ['the DDE alternative', 'f=@DDE ("cmd";"/C calc";"!A0")A0'],
  ])('finds what the pcre alone finds: %s', (_name, subject) => {
    const r = plain.exec(subject);
    const expected = r === null ? null : { start: r.index, end: r.index + r[0].length };
    expect(safe.exec(subject)).toEqual(expected);
    expect(safe.exec(subject, utf8Subject(subject))).toEqual(expected);
  });
});
