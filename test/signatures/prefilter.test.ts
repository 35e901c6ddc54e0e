import { describe, expect, it } from 'vitest';
import { literalSets, literalWeight, minMatchLength, necessaryLiteralSets, requiredLiterals } from '../../src/signatures/compile/pcre-literals.js';
import { HDR, gateFor } from './match-helpers.js';
import { compileSafeRegex } from '../../src/signatures/safe-regex.js';
import { buildInspection } from './fixtures.js';
import { backtrackingShape, directRunIsBounded } from '../../src/signatures/backtracking-cost.js';
import { buildAhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { HTTP, parseOne } from './parse-helpers.js';
import { chooseFastPattern } from '../../src/signatures/compile/fast-pattern.js';

describe('Aho-Corasick prefilter', () => {
  it('reports every occurrence case-insensitively, overlapping ones included', () => {
    const ac = buildAhoCorasick(['he', 'she', 'his', 'hers', '\xc9t\xc9']);
    const hits: string[] = [];
    ac.scan('uSHERS his \xe9t\xe9', (p, end) => hits.push(`${p}@${end}`));
    expect(hits).toEqual(['1@4', '0@4', '3@6', '2@10', '4@14']);
  });

  it('finds exactly the occurrences a naive search finds, over 200 random pattern sets with shared prefixes and suffixes', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = (alphabet: string, max: number): string => Array.from({ length: 1 + next(max) }, () => alphabet[next(alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const alphabet = round % 2 === 0 ? 'abAB' : 'ab/.%x\xe9\xc9';
      const patterns = [...new Set(Array.from({ length: 1 + next(12) }, () => word(alphabet, 6).toLowerCase()))];
      const text = word(alphabet + 'z', 60);
      const got: string[] = [];
      buildAhoCorasick(patterns).scan(text, (p, end) => got.push(`${p}@${end}`));
      const want: string[] = [];
      const folded = text.toLowerCase();
      for (let end = 1; end <= text.length; end++) {
        patterns.forEach((p, i) => {
          if (end >= p.length && folded.slice(end - p.length, end) === p) want.push(`${i}@${end}`);
        });
      }
      expect(got.sort()).toEqual(want.sort());
    }
  });

  it('finds the same occurrences when its states outgrow 16-bit table cells (as a pack set\'s automaton does)', () => {
    let seed = 777;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    // 6,000 patterns of 10 letters share few prefixes: ~40,000 states, past the 32,768 a 16-bit cell holds.
    const patterns = [...new Set(Array.from({ length: 6000 }, () => Array.from({ length: 10 }, () => 'abcdefghij'[next(10)]).join('')))];
    const ac = buildAhoCorasick(patterns);
    expect(ac.stateCount).toBeGreaterThan(32_768);
    const text = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? patterns[next(patterns.length)].toUpperCase() : 'abcdefghijz'[next(11)])).join('');
    const got: string[] = [];
    ac.scan(text, (p, end) => got.push(`${p}@${end}`));
    const want: string[] = [];
    const folded = text.toLowerCase();
    const index = new Map(patterns.map((p, i) => [p, i]));
    for (let end = 10; end <= folded.length; end++) {
      const i = index.get(folded.slice(end - 10, end));
      if (i !== undefined) want.push(`${i}@${end}`);
    }
    expect(want.length).toBeGreaterThan(400);
    expect(got.sort()).toEqual(want.sort());
  });
});

describe('Aho-Corasick scanUnordered (four interleaved chains over a long text)', () => {
  const rng = (seed: number) => (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const occurrences = (ac: ReturnType<typeof buildAhoCorasick>, text: string, unordered: boolean): string[] => {
    const got: string[] = [];
    if (unordered) ac.scanUnordered(text, (p, end) => got.push(`${p}@${end}`));
    else ac.scan(text, (p, end) => got.push(`${p}@${end}`));
    return got.sort();
  };

  it('reports each occurrence scan reports, once, those across the quarters of the text included', () => {
    const next = rng(4242);
    let found = 0;
    for (let round = 0; round < 60; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + next(20) }, () => Array.from({ length: 1 + next(9) }, () => 'abAB/x'[next(6)]).join('').toLowerCase()))];
      const length = 1000 + next(3000);
      const text = Array.from({ length }, () => 'abAB/xz'[next(7)]).join('');
      const ac = buildAhoCorasick(patterns);
      const want = occurrences(ac, text, false);
      found += want.length;
      expect(occurrences(ac, text, true)).toEqual(want);
      // Ended early (`to`): what a scan of the text up to there reports.
      const to = next(length);
      const early: string[] = [];
      ac.scanUnordered(text, (p, end) => early.push(`${p}@${end}`), to);
      expect(early.sort()).toEqual(occurrences(ac, text.slice(0, to), false));
    }
    expect(found).toBeGreaterThan(10_000);
    // A pattern planted over each quarter's start, at every offset it can straddle it.
    const ac = buildAhoCorasick(['needle-in-the-middle', 'e-i']);
    const needle = 'NEEDLE-in-the-middle';
    for (let shift = 0; shift <= 20; shift++) {
      const chars = Array.from('y'.repeat(4000));
      for (const quarter of [1000, 2000, 3000]) chars.splice(quarter - shift, needle.length, ...needle);
      const text = chars.join('');
      expect(occurrences(ac, text, true), `shift ${shift}`).toEqual(occurrences(ac, text, false));
      expect(occurrences(ac, text, true)).toHaveLength(6);
    }
  });

  it('does the same with 32-bit table cells (a pack set automaton)', () => {
    const next = rng(99);
    const patterns = [...new Set(Array.from({ length: 6000 }, () => Array.from({ length: 10 }, () => 'abcdefghij'[next(10)]).join('')))];
    const ac = buildAhoCorasick(patterns);
    expect(ac.stateCount).toBeGreaterThan(32_768);
    const text = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? patterns[next(patterns.length)] : 'abcdefghijz'[next(11)])).join('');
    const want = occurrences(ac, text, false);
    expect(want.length).toBeGreaterThan(500);
    expect(occurrences(ac, text, true)).toEqual(want);
  });
});

describe('literals required by a pcre', () => {
  it.each([
    ['\\bunion\\b[\\s\\S]{0,80}?\\bselect\\b', ['select']],
    ['(?:java|vb)script\\s*:', ['javascript', 'vbscript']],
    ['\\/etc\\/(?:passwd|shadow)', ['/etc/passwd', '/etc/shadow']],
    ['(?i)x\\x3bfoo', ['x;foo']],
    ['(?<=a)bcd', ['bcd']],
    // A group whose run of exact atoms breaks is not glued to its neighbours as if it were exact,
    // only by what its matches really start or end with.
    ['x(?:a.bc)y', ['bcy']],
    ['abc(?:d.ef)', ['abcd']],
    ['spring\\.datasource\\.(?:hikari\\.connection-test-query|data)', ['spring.datasource.']],
    // A repeat of at least one starts and ends with its atom.
    ['a+b', ['ab']],
    ['cmd(?:\\s|%20)+/c', ['cmd ', 'cmd\t', 'cmd\n', 'cmd\v', 'cmd\f', 'cmd\r', 'cmd\xa0', 'cmd\x85', 'cmd%20']],
    // A single rare character is a literal: the backtick or `$(` of a command substitution.
    ['[\\w.]{1,40}(?:`|%60)\\s*(?:id|whoami)\\s*`|\\$\\(\\s*(?:id|whoami)\\)', ['`', '$(']],
  ])('finds the literals of %s', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  it.each(['[a-z]+', '\\d{3}', 'a|b*', ';\\w', '[;=]\\w+'])('gives up on %s rather than guessing (everyday single characters are no literal)', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it('keeps every necessary set of a sequence, for the second prefilter level', () => {
    const sets = necessaryLiteralSets('(?:ba)?sh\\s+-i\\s*>&');
    expect(sets).toContainEqual(['sh', 'bash']);
    expect(sets.some((set) => set.includes(' -i') && set.includes('\t-i'))).toBe(true);
  });

  it('keeps the product of a run\'s last pieces when the whole run has too many strings (9000316: a field name, then = or %3d)', () => {
    const names = ['cmd', 'command', 'commands', 'exec', 'execute', 'shell', 'run', 'system', 'script', 'sh', 'bash'];
    const sets = necessaryLiteralSets(`(?:^|[?&])(?:${names.join('|')})(?:=|%3d)id`);
    // 3 x 11 x 2 = 66 strings with the separator: over the 64 a set may hold, so the names and what follows them.
    expect(sets).toContainEqual(names.flatMap((n) => [`${n}=id`, `${n}%3did`]));
  });

  it('reads \\d as the ten digits, as [0-9], so a digit glued to its neighbours is a literal (9000117: a value that starts with a number)', () => {
    expect(requiredLiterals(';\\d')).toEqual([';0', ';1', ';2', ';3', ';4', ';5', ';6', ';7', ';8', ';9']);
    const sets = necessaryLiteralSets('(?:=|\\x22)-?\\d+\\s+or\\s+1');
    const numberStart = ['=', '"', '=-', '"-'].flatMap((p) => [...'0123456789'].map((d) => p + d)).sort();
    expect(sets.map((set) => [...set].sort())).toContainEqual(numberStart);
  });

  it('glues the run\'s last pieces to the next atom when the whole run has too many strings (9000321: a path, a shell, then a space)', () => {
    // 13 paths x 4 shells x 11 separators: too many; the shells and a separator still fit, and `sh` alone is in "push" and "shoes".
    const sets = necessaryLiteralSets('(?:(?:/|%2f)(?:usr(?:/|%2f))?bin(?:/|%2f))?(?:ba|da|z)?sh(?:\\s|\\+|%20|%09)+-[a-z]*c');
    const glued = sets.find((set) => set.includes('sh ') && set.includes('bash%20') && set.includes('zsh+'));
    expect(glued).toBeDefined();
    expect(glued!.every((l) => /sh(?:\s|\+|%20|%09|\x85|\xa0)$/.test(l))).toBe(true);
  });

  it('keeps a set every branch of an alternation needs, beside the union of their best (9000528: a `://` before either host shape)', () => {
    // Five schemes in two spellings before nine `//` spellings: too many strings for one set (90), so each branch keeps the `//` set apart, as 9000528 does.
    const pattern = '(?:https?|gopher|dict|ftp)(?::|%3a)(?:/|%2f|\\\\/){2}(?:[^/@]{0,9}@)?(?:0x7f[0-9a-f]{6}|2130706433)|(?:https?|gopher|dict|ftp)(?::|%3a)(?:/|%2f|\\\\/){2}(?:[^/@]{0,9}@)?127\\.(?:0\\.)?1\\b';
    const sets = necessaryLiteralSets(pattern);
    const slashes = sets.find((set) => set.includes('://'));
    expect(slashes).toHaveLength(18);
    expect(slashes).toEqual(expect.arrayContaining(['%3a%2f%2f', ':\\/\\/', ':/%2f']));
    // A set only one branch has is not necessary for the alternation.
    expect(sets.some((set) => set.length === 1 && set[0] === '2130706433')).toBe(false);
    expect(sets.some((set) => set.every((l) => l.startsWith('127.')))).toBe(false);
  });

  it('keeps sets of single characters only when asked (the URI buffers\' second-level conditions)', () => {
    const pattern = "['\"`]\\s*(?:--|/\\*)";
    expect(necessaryLiteralSets(pattern).some((set) => set.includes("'"))).toBe(false);
    expect(necessaryLiteralSets(pattern, literalWeight, { singleCharacters: true })).toContainEqual(["'", '"', '`']);
    // Ranked below every usable set, so it never displaces one that could trigger the rule.
    expect(necessaryLiteralSets(`['"]\\s*union`, literalWeight, { singleCharacters: true })[0]).toEqual(['union']);
  });

  it('cuts a union of many branches down to shared parts instead of giving up (a PHP superglobal in every encoding)', () => {
    const pattern = '(?:\\$|%24)_(?:GET|POST|REQUEST|COOKIE|SERVER)(?:\\[|%5b)\\w+|(?:\\$|%24)\\{(?:\'|%27|"|%22)_(?:\'|%27|"|%22)(?:\\.|%2e)(?:\'|%27|"|%22)(?:GET|POST)';
    const set = requiredLiterals(pattern);
    expect(set).not.toBeNull();
    expect(set!.length).toBeLessThanOrEqual(64);
    for (const attack of ['$_get[a]', '%24_post%5bx', "${'_'.'get", '%24{%22_%22%2e%27post']) expect(set!.some((l) => attack.includes(l))).toBe(true);
  });

  it('weighs a percent-escape as the character it encodes, and a cut one as nothing', () => {
    expect(literalWeight('%60')).toBe(literalWeight('`'));
    expect(literalWeight('%20')).toBe(1);
    expect(literalWeight('ab%2')).toBe(2);
    expect(literalWeight('%{')).toBe(3);
  });

  it("weighs a % that ends a literal as the char (ERB's <%), and cuts no escape in two when shrinking a set", () => {
    expect(literalWeight('<%')).toBe(3);
    expect(literalWeight('<%')).toBeGreaterThan(literalWeight('<'));
    // 9001328's ERB branch: its glued `<%` set, not a lone `<`, is the branch's trigger.
    expect(requiredLiterals('(?:<|%3c)(?:%|%25)(?:=|%3d)?\\s*x')).toContain('<%');
    expect(requiredLiterals('(?:<|%3c)(?:%|%25)(?:=|%3d)?\\s*x')).not.toContain('<');
    // A union of 70 literals cut down: `max%28` keeps its escape whole (`max(`, `max%28`), never `max%`.
    const names = Array.from({ length: 34 }, (_, k) => `fn${String.fromCharCode(97 + (k % 26))}${k}`);
    const set = requiredLiterals(`(?:${['max', 'min', 'avg', ...names].join('|')})(?:\\(|%28)`);
    expect(set).not.toBeNull();
    expect(set!.some((l) => /%[0-9a-f]?$/i.test(l))).toBe(false);
  });

  it('takes a control character alone as a rare literal, so 9001335 (a NUL in a JSON key) is not evaluated on every request', () => {
    expect(literalWeight('\x00')).toBe(3);
    expect(literalWeight('%00')).toBe(3);
    expect(literalWeight('\t')).toBe(1);
    const gate = gateFor(`${HDR} (pkt_data; pcre:"/(?:\\x22|%22)[\\w.-]{0,64}(?:\\\\u0000|\\\\x00|%00|\\x00)[\\w.-]{0,64}(?:\\x22|%22)(?:\\s|%20)*:/i"; sid:31;)`);
    expect(gate.stats.alwaysEvaluated).toBe(0);
    expect(gate.evaluate(buildInspection({ url: '/q?a=1' })).candidates).toBe(0);
    const nul = gate.evaluate(buildInspection({ method: 'POST', url: '/api', body: '{"role%00": "admin"}' }));
    expect(nul.hits.map((h) => h.sid)).toEqual([31]);
  });

  it('prefers a rare necessary literal over an everyday one (ET marks User-Agent: as fast_pattern)', () => {
    const rule = parseOne(`${HTTP} (content:"User-Agent|3a|"; http_header; pcre:"/User-Agent\\:[^\\n]+sqlmap/iH"; sid:1;)`);
    expect(chooseFastPattern(rule)).toEqual({ buffer: 'header', literals: ['sqlmap'] });
  });
});

describe('backtracking cost of fallback pcres', () => {
  it('runs a literal-plus-bounded-run pattern directly on ordinary subjects', () => {
    expect(directRunIsBounded(backtrackingShape('^POST[^s]{432}'), 2000)).toBe(true);
  });

  it('never runs nested quantifiers or quantified alternations directly', () => {
    expect(backtrackingShape('^(a+)+$').nested).toBe(true);
    expect(backtrackingShape('(?:ab|cd)+x{200}').nested).toBe(true);
  });

  it('sends long subjects with unbounded quantifiers to the timed path', () => {
    expect(directRunIsBounded(backtrackingShape('a.*b[^c]{300}'), 100_000)).toBe(false);
  });
});

describe('one scan of a long body for the body\'s and the raw request\'s literals', () => {
  // pkt_data literals across the head/body seam, inside the body and in the head; a body literal; the
  // body is long enough (512+) to be scanned once for both buffers.
  const rules = [
    `${HDR} (content:"|0d 0a 0d 0a|PWN"; sid:21;)`,
    `${HDR} (content:"raw-only-marker"; sid:22;)`,
    `${HDR} (content:"body-marker"; http_client_body; sid:23;)`,
    `${HDR} (content:"x-head-marker"; sid:24;)`,
  ].join('\n');
  const filler = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n'.repeat(8);
  const post = (body: string, head = 'ok') => buildInspection({ method: 'POST', url: '/upload', headers: [['Host', 'h'], ['X-Note', head]], body });
  const sids = (gate: ReturnType<typeof gateFor>, inspection: ReturnType<typeof buildInspection>): number[] => gate.evaluate(inspection).hits.map((h) => h.sid).sort();

  it('finds what two scans find: literals across the seam, in the body and in the head', () => {
    const gate = gateFor(rules);
    expect(gate.stats.automata.some((a) => a.buffer === 'clientBody' && a.alsoFor === 'raw')).toBe(true);
    expect(sids(gate, post(`PWN${filler}raw-only-marker body-marker`))).toEqual([21, 22, 23]);
    expect(sids(gate, post(`${filler}PWN`, 'x-head-marker'))).toEqual([24]);
    // The seam literal when the body starts with its end only, and markers cut by the body's end.
    expect(sids(gate, post(`WN${filler}raw-only-marke`))).toEqual([]);
    expect(gate.evaluate(post(filler)).candidates).toBe(0);
  });

  it('scans raw whole when its tail is not the body (an inspection built by hand)', () => {
    const gate = gateFor(rules);
    const inspection = post(`${filler}body-marker`);
    const headOnly = { ...inspection, buffers: { ...inspection.buffers, raw: `${inspection.buffers.raw.slice(0, -filler.length - 11)}raw-only-marker` } };
    expect(sids(gate, headOnly)).toEqual([22, 23]);
  });
});

describe('second prefilter level', () => {
  // The fast pattern is the rare `sqlmap`; `/admin` and the pcre's `x-debug` are conditions.
  const rule = `${HDR} (content:"/admin"; http_uri; content:"User-Agent|3a| sqlmap"; http_header; pcre:"/x-debug\\s*:\\s*on/iH"; sid:7;)`;
  const headers = (ua: string, debug: boolean): Array<[string, string]> => [['Host', 'h'], ['User-Agent', ua], ...(debug ? [['X-Debug', 'on'] as [string, string]] : [])];

  it('evaluates a triggered rule only when its other necessary literals occur too', () => {
    const gate = gateFor(rule);
    expect(gate.stats.withConditions).toBe(1);
    expect(gate.evaluate(buildInspection({ url: '/home', headers: headers('sqlmap/1.7', true) })).candidates).toBe(0);
    expect(gate.evaluate(buildInspection({ url: '/admin', headers: headers('sqlmap/1.7', false) })).candidates).toBe(0);
    const both = gate.evaluate(buildInspection({ url: '/admin/x', headers: headers('sqlmap/1.7', true) }));
    expect(both.candidates).toBe(1);
    expect(both.hits.map((h) => h.sid)).toEqual([7]);
  });

  it('keeps Snort semantics: conditions are presence only, the full evaluation still decides', () => {
    // Every literal present, but the relative window fails: a candidate that does not match.
    const gate = gateFor(`${HDR} (content:"alpha"; http_uri; content:"omega"; http_uri; distance:0; within:6; sid:8;)`);
    expect(gate.evaluate(buildInspection({ url: '/omega/alpha' }))).toMatchObject({ candidates: 1, hits: [] });
    expect(gate.evaluate(buildInspection({ url: '/alpha-omega' })).hits).toHaveLength(1);
  });

  it('ignores negated contents and case when looking for the literals', () => {
    const gate = gateFor(`${HDR} (content:"Select"; http_uri; nocase; content:!"benign"; http_uri; content:"FROM"; http_uri; nocase; sid:9;)`);
    expect(gate.evaluate(buildInspection({ url: '/q?a=sElEcT%20x%20fRoM%20t' })).hits).toHaveLength(1);
    expect(gate.evaluate(buildInspection({ url: '/q?a=select' })).candidates).toBe(0);
  });
});

describe('literals that end at a word boundary', () => {
  const commands = (pattern: string) => literalSets(pattern).find((set) => set.literals.includes('id'));

  it('marks the set that ends right before a \\b (9000302: a separator, then a command name)', () => {
    expect(commands('(?:;|%3b|\\|)(?:\\s|\\+)*(?:cat|id|sh)\\b')).toEqual({ literals: ['cat', 'id', 'sh'], wordEnd: true });
    // Still at the boundary after a zero-width atom.
    expect(commands('(?:;|\\|)\\s*(?:cat|id)\\b$')?.wordEnd).toBe(true);
  });

  it('does not mark a set followed by a character, a \\B, or a \\b in only one branch of an alternation', () => {
    for (const after of ['x', '\\B', '\\s', '[0-9]']) {
      const sets = literalSets(`(?:;|\\|)\\s*(?:cat|id)${after}`);
      expect(sets.length, after).toBeGreaterThan(0);
      expect(sets.some((set) => set.wordEnd), after).toBe(false);
    }
    const union = literalSets('(?:cat|id)\\b|(?:ping|id)x');
    expect(union.length).toBeGreaterThan(0);
    expect(union.some((set) => set.wordEnd)).toBe(false);
  });

  it('lets a wordEnd literal count before a non-word character or the end of a buffer, never before a letter, digit or _', () => {
    const gate = gateFor(`${HDR} (pcre:"/(?:;|%3b)\\s*(?:cat|id)\\b/iP"; sid:31;)`);
    const post = (body: string) => gate.evaluate(buildInspection({ method: 'POST', url: '/f', headers: [['Host', 'h'], ['Content-Type', 'text/plain']], body }));
    for (const body of ['a;id', 'a; id\n', 'a;id&b', 'a;ID.', 'a;id\u00e9', 'x;cat']) expect(post(body).hits.map((h) => h.sid), body).toEqual([31]);
    for (const body of ['a;idx', 'a;id_', 'a;id9', 'lunch; ridge', 'a;cats']) expect(post(body).candidates, body).toBe(0);
  });
});

describe('minimum match length of a pcre', () => {
  it.each([
    ['^GET[^s]{432}', 435],
    ['a|bc', 1],
    ['(?:ab)?c', 1],
    ['x{2,5}y*z+', 3],
    ['\\pL{3}', 3],
    ['\\p{Greek}\\d', 2],
    ['\\Qa.b\\E', 3],
    ['(?<=ab)c\\b', 1],
    ['(a?)\\1', 0],
    ['(?=abc)', 0],
  ])('%s needs %i characters', (pattern, min) => {
    expect(minMatchLength(pattern)).toBe(min);
  });

  it('rules a short subject out without running the regex, and still matches a long one', () => {
    const gate = gateFor(`${HDR} (content:"GET"; pcre:"/^GET[^s]{432}/sm"; sid:10;)`);
    expect(gate.evaluate(buildInspection({ url: '/a' })).hits).toHaveLength(0);
    expect(gate.evaluate(buildInspection({ url: `/${'a'.repeat(500)}` })).hits).toHaveLength(1);
  });
});

describe('pcre on V8 keeps PCRE semantics', () => {
  it.each([
    ['ab\\Z', '', 'ab', true],
    ['ab\\Z', '', 'aZ', false],
    ['a.b', '', 'a\rb', true],
    ['a\\sb', '', 'a\xa0b', false],
    ['^b', 'm', 'a\r\nb', true],
    ['^b$', 'm', 'a\rb\r', false],
    ['x', 'Am', 'a\nx', false],
    ['x', 'A', 'xa', true],
    ['\\x{41}', '', 'A', true],
    ['\\h+', '', 'a \tb', true],
  ])('/%s/%s on %j matches: %s', (source, flags, subject, expected) => {
    expect(compileSafeRegex(source, flags).exec(subject) !== null).toBe(expected);
  });
});

describe('prefilter rebuilt for a reload', () => {
  const uriRule = `${HDR} (content:"/wp-admin/reload-probe"; http_uri; sid:31;)`;
  const bodyRule = (marker: string) => `${HDR} (content:"${marker}"; http_client_body; sid:32;)`;
  const post = (url: string, body: string) => buildInspection({ method: 'POST', url, headers: [['Host', 'h']], body });
  const sids = (gate: ReturnType<typeof gateFor>, inspection: ReturnType<typeof buildInspection>): number[] => gate.evaluate(inspection).hits.map((h) => h.sid).sort();

  it('takes the previous build\'s automaton for a buffer whose literals did not change, and builds the changed buffer\'s anew', () => {
    const first = gateFor([uriRule, bodyRule('old-body-marker')].join('\n'));
    const same = gateFor([uriRule, bodyRule('old-body-marker')].join('\n'));
    expect(same.stats.automata.map((a) => a.reused)).toEqual(first.stats.automata.map(() => true));
    const changed = gateFor([uriRule, bodyRule('new-body-marker')].join('\n'));
    const reused = Object.fromEntries(changed.stats.automata.map((a) => [a.buffer, a.reused]));
    expect(reused).toEqual({ uri: true, clientBody: false });
    // The changed rule matches what it now says, and no longer what it said.
    expect(sids(changed, post('/wp-admin/reload-probe', 'x new-body-marker'))).toEqual([31, 32]);
    expect(sids(changed, post('/', 'x old-body-marker'))).toEqual([]);
    // The gate built before still answers for its own rules: the automaton it shares holds no state of its own.
    expect(sids(first, post('/wp-admin/reload-probe', 'x old-body-marker'))).toEqual([31, 32]);
    expect(sids(first, post('/', 'x new-body-marker'))).toEqual([]);
  });
});
