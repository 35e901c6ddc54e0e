import { describe, expect, it } from 'vitest';
import { literalSets } from '../../src/signatures/compile/pcre-literals.js';
import { HDR, gateFor } from './match-helpers.js';
import { buildInspection } from './fixtures.js';

/** Whether the set holding `literal` is marked as followed by a non-word char in every match. */
function wordEndOf(pattern: string, literal: string): boolean | undefined {
  return literalSets(pattern).find((set) => set.literals.includes(literal))?.wordEnd;
}

describe('a literal followed in every match by a non-word char counts only there (9000194: chr before a bracket)', () => {
  it.each([
    ['optional spaces, then a bracket', '(?:^|[^a-z0-9_])(?:n?char|chr)(?:\\s|%20|\\+)*(?:\\(|%28)\\d{2,3}', 'chr'],
    ['spaces or tabs, then =', '(?:^|\\n)Range[ \\t]*:[ \\t]*bytes[ \\t]*=(?:[^,\\r\\n]*,){10}', 'bytes'],
    ['a lookbehind before the bracket', 'char(?<=r)\\s*\\(\\d', 'char'],
    ['a bracket repeated', 'chr[(%]{1,3}\\d', 'chr'],
  ])('marks it: %s', (_name, pattern, literal) => {
    expect(wordEndOf(pattern, literal)).toBe(true);
  });

  it.each([
    ['a follower that may be a word char', 'chr(?:\\s|%20)*\\w{2}', 'chr'],
    ['a bracket or a letter', 'chr[(x]{1,3}\\d', 'chr'],
    ['nothing required after it (the end of the pcre)', 'chr(?:\\s|%20)*', 'chr'],
    ['the end of the subject after optional spaces', 'chr\\s*$', 'chr'],
    ['a group whose one branch starts with a letter', 'chr(?:\\s*\\(|a)\\d', 'chr'],
  ])('leaves it unmarked: %s', (_name, pattern, literal) => {
    expect(wordEndOf(pattern, literal)).toBe(false);
  });

  const rules = `${HDR} (pcre:"/(?:^|[^a-z0-9_])(?:n?char|chr)(?:\\s|%20|\\+)*(?:\\(|%28)\\d{2,3}(?:(?:\\s|%20|\\+)*(?:,|%2c)(?:\\s|%20|\\+)*\\d{2,3}){2,}/i"; sid:41;)`;
  const get = (url: string, agent: string) => buildInspection({ method: 'GET', url, headers: [['Host', 'h'], ['User-Agent', agent]] });

  it('is no candidate on a browser whose User-Agent says Chrome', () => {
    const result = gateFor(rules).evaluate(get('/search?q=shoes', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/145.0.0.0 Safari/537.36'));
    expect(result.candidates).toBe(0);
  });

  it('stays a candidate where the name is followed by a bracket or a space', () => {
    expect(gateFor(rules).evaluate(get('/item?id=1%20UNION%20SELECT%20CHAR(97,100,109)', 'curl/8')).candidates).toBe(1);
    expect(gateFor(rules).evaluate(get('/item?id=CHR%20%2897,100,109%29', 'curl/8')).candidates).toBe(1);
  });
});

describe('a literal counting only before a non-word char, seen first where it does not count (the scans skip settled literals)', () => {
  // `sleep` triggers the rule only before a non-word char; the body says `sleeping` thirty times first.
  const rule = `${HDR} (pcre:"/sleep\\s*\\(\\s*\\d/i"; sid:42;)`;
  const filler = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n';
  const post = (body: string) => buildInspection({ method: 'POST', url: '/notes', headers: [['Host', 'h']], body });

  it.each([
    ['a short body', 0],
    ['a body the scans split in four chains', 8],
    ['a long body scanned once for raw and the body', 40],
  ])('still counts its later occurrence: %s', (_name, lines) => {
    const gate = gateFor(rule);
    const prose = `${'sleeping '.repeat(30)}${filler.repeat(lines)}`;
    expect(gate.evaluate(post(`${prose}x=sleep(5)`)).hits.map((h) => h.sid)).toEqual([42]);
    expect(gate.evaluate(post(prose)).candidates).toBe(0);
  });
});
