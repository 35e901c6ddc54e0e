import { describe, expect, it } from 'vitest';
import { compileSafeRegex, regexEngine, utf8Subject } from '../../src/signatures/safe-regex.js';

describe('a pcre run on a shared UTF-8 subject (one encoding for every pcre on a buffer)', () => {
  // `\s` keeps the pattern off V8's engine, so it runs on RE2 (native when installed).
  const union = compileSafeRegex('union\\s+select', 'i');
  const pad = 'a=1&'.repeat(5000);

  it.each([
    ['an ASCII subject', `${pad}q=1 UNION  SELECT x`],
    ['Latin-1 bytes before the match', `${pad}n=caf\xe9&\xff\xfe=\xa0q=1 UNION SELECT x`],
    ['Latin-1 bytes inside the match', `${pad}q=1 union\xa0\x85select x`],
    ['no match', `${pad}q=union sel\xe9ct`],
    // Short buffers share their bytes too (an attack's raw request through four pcres).
    ['a short ASCII subject', 'GET /?q=1 UNION SELECT x HTTP/1.1\r\n'],
    ['a short subject with Latin-1 bytes before the match', 'GET /?n=caf\xe9&q=\xa0union\tselect HTTP/1.1\r\n'],
    ['a short subject without a match', 'GET /?q=union%20select HTTP/1.1\r\n'],
  ])('finds the same match, in chars, as on the string: %s', (_name, subject) => {
    expect(union.exec(subject, utf8Subject(subject))).toEqual(union.exec(subject));
  });

  it('reports a match in chars when non-ASCII chars precede it', () => {
    const subject = `\xe9\xe9\xe9 union select`;
    const shared = utf8Subject(subject);
    expect(shared.ascii).toBe(false);
    expect(shared.bytes.length).toBe(subject.length + 3);
    expect(union.exec(subject, shared)).toEqual({ start: 4, end: 16 });
  });

  it.runIf(regexEngine === 're2 (native)')('uses the shared bytes when the native engine runs the pattern', () => {
    // Bytes that say something else than the string prove which of the two was searched.
    const subject = `${pad}nothing here`;
    const lying = { bytes: Buffer.from(`${pad}union select`), ascii: true };
    expect(union.exec(subject)).toBeNull();
    expect(union.exec(subject, lying)).not.toBeNull();
  });
});

describe('a pcre run after another', () => {
  // Runs do not reset the native regex's lastIndex: each must still search its subject from the start.
  const union = compileSafeRegex('union\\s+select', 'i');

  it('finds a match at the start of a subject after a match far into a longer one, on the string and on shared bytes', () => {
    const long = `${'a=1&'.repeat(300)}q=1 UNION SELECT x`;
    const short = 'union select';
    for (let round = 0; round < 3; round++) {
      expect(union.exec(long, utf8Subject(long))).toEqual({ start: 1204, end: 1216 });
      expect(union.exec(short, utf8Subject(short))).toEqual({ start: 0, end: 12 });
      expect(union.exec(long)).toEqual({ start: 1204, end: 1216 });
      expect(union.exec(short)).toEqual({ start: 0, end: 12 });
    }
  });
});

describe('a native match read as its start (search) and its end (the pattern anchored there), not through exec', () => {
  // `\s` keeps each pattern off V8's engine, so native RE2 runs it where installed; the bounds are those exec gave (main 303d1ee).
  it.each([
    ['the leftmost start, then the first alternative that matches there', 'a\\s?(?:b|bc)', 'x a bc', { start: 2, end: 5 }],
    ['a greedy repeat to its end', 'id=\\s*\\d+', 'GET /?id= 4242&x', { start: 6, end: 14 }],
    ['a lazy repeat to its shortest end', '<\\s*s.*?>', 'q=< script><b>', { start: 2, end: 11 }],
    ['a word boundary read from the text before the start', '\\bor\\s+1', 'color 1 or 1', { start: 8, end: 12 }],
    ['^ at the subject start only', '^\\s*get', ' GET /get', { start: 0, end: 4 }],
    ['an empty match', '\\s*', 'abc', { start: 0, end: 0 }],
    ['an A-anchored pcre', 'GET\\s', 'GET /', { start: 0, end: 4 }],
  ])('gives the bounds exec gave: %s', (_name, source, subject, bounds) => {
    const flags = source === 'GET\\s' ? 'A' : 'i';
    const re = compileSafeRegex(source, flags);
    expect(re.exec(subject)).toEqual(bounds);
    expect(re.exec(subject, utf8Subject(subject))).toEqual(bounds);
  });

  it('counts the end in chars when non-ASCII chars are inside the match', () => {
    const re = compileSafeRegex('union\\s+sel\\S*', 'i');
    const subject = '\xe9=1 union  select\xe9\xe9 x';
    expect(utf8Subject(subject).ascii).toBe(false);
    expect(re.exec(subject, utf8Subject(subject))).toEqual({ start: 4, end: 19 });
    expect(re.exec(subject)).toEqual({ start: 4, end: 19 });
  });
});

describe('a pcre run from an offset (execFrom: the next match after one a later option ruled out)', () => {
  it('finds the first match starting at the offset or later', () => {
    const probe = compileSafeRegex('[;|]uname\\s-a', 'i');
    const subject = 'a;uname -a sid:1; then b|UNAME -a';
    expect(probe.execFrom(subject, 0)).toEqual({ start: 1, end: 10 });
    expect(probe.execFrom(subject, 10)).toEqual({ start: 24, end: 33 });
    expect(probe.execFrom(subject, 33)).toBeNull();
  });

  it('does not read the offset as the subject start: ^ and \\b see the text before it', () => {
    const anchored = compileSafeRegex('(?:^|=)id\\b', 'i');
    expect(anchored.execFrom('xid id=id', 1)).toEqual({ start: 6, end: 9 });
    const word = compileSafeRegex('\\bcat\\b', 'i');
    expect(word.execFrom('concat cat', 3)).toEqual({ start: 7, end: 10 });
  });

  it('finds nothing past the start of an A-anchored pcre', () => {
    expect(compileSafeRegex('id', 'A').execFrom('id id', 1)).toBeNull();
  });

  it('counts offsets in chars after non-ASCII text', () => {
    expect(compileSafeRegex('b', '').execFrom('ébéb', 2)).toEqual({ start: 3, end: 4 });
  });
});
