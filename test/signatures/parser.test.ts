import { describe, expect, it } from 'vitest';
import { splitRuleOptions } from '../../src/signatures/split-options.js';
import { HTTP, entryFor, parseOne, parseText } from './parse-helpers.js';
import type { ContentOption, PcreOption } from '../../src/signatures/rule.js';

const contents = (rule: { detection: readonly unknown[] }): ContentOption[] =>
  rule.detection.filter((o): o is ContentOption => (o as ContentOption).kind === 'content');

describe('option splitting', () => {
  it('keeps ; inside a quoted content value', () => {
    const options = splitRuleOptions('content:"a;b"; sid:1;');
    expect(options).toEqual([
      { name: 'content', value: '"a;b"' },
      { name: 'sid', value: '1' },
    ]);
  });

  it('does not let a bare " inside a pcre toggle quoting (ET sid 2019728)', () => {
    const options = splitRuleOptions('pcre:"/name=[\\x22\\x27]image_file"\\x3b[^\\r]*/Rsi"; sid:2019728;');
    expect(options.map((o) => o.name)).toEqual(['pcre', 'sid']);
    expect(options[0].value).toBe('"/name=[\\x22\\x27]image_file"\\x3b[^\\r]*/Rsi"');
  });

  it('splits name and value at the first colon only and lower-cases names', () => {
    expect(splitRuleOptions('Reference:url,http://x.test/a:b;')).toEqual([{ name: 'reference', value: 'url,http://x.test/a:b' }]);
  });

  it('accepts a last option without its ; (Snort 3)', () => {
    expect(splitRuleOptions('msg:"x"; sid:5')).toEqual([
      { name: 'msg', value: '"x"' },
      { name: 'sid', value: '5' },
    ]);
  });
});

describe('content literals', () => {
  it('decodes |hex| blocks with spaces and the escapes \\\\ \\" \\: \\;', () => {
    const rule = parseOne(`${HTTP} (content:"a|41 42|b\\"c\\;d\\:e\\\\f"; sid:1;)`);
    expect(contents(rule)[0].bytes).toBe('aABb"c;d:e\\f');
  });

  it('keeps negation for the whole search', () => {
    const rule = parseOne(`${HTTP} (content:"x"; content:!"evil"; sid:1;)`);
    expect(contents(rule)[1].negated).toBe(true);
  });

  it('rejects depth shorter than the pattern', () => {
    const entry = entryFor(`${HTTP} (content:"abcdef"; depth:3; sid:1;)`);
    expect(entry.status).toBe('rejected');
    expect(entry.code).toBe('WARDEN_SIGNATURES_BAD_OPTION');
  });

  it('rejects mixing offset/depth with distance/within on one content', () => {
    expect(entryFor(`${HTTP} (content:"a"; content:"b"; offset:1; distance:2; sid:1;)`).code).toBe('WARDEN_SIGNATURES_BAD_OPTION');
  });

  it('allows a negative distance', () => {
    const rule = parseOne(`${HTTP} (content:"ab"; content:"b"; distance:-1; sid:1;)`);
    expect(contents(rule)[1].distance).toBe(-1);
  });
});

describe('buffers: Snort 2 modifiers versus Snort 3 sticky buffers', () => {
  const text = 'content:"a"; http_uri; content:"b";';

  it('applies http_uri to the content before it in Snort 2', () => {
    const rule = parseOne(`${HTTP} (${text} sid:1;)`, 'snort2');
    expect(contents(rule).map((c) => c.buffer.name)).toEqual(['uri', 'raw']);
  });

  it('applies http_uri to every following content in Snort 3', () => {
    const rule = parseOne(`${HTTP} (${text} sid:1;)`, 'snort3');
    expect(contents(rule).map((c) => c.buffer.name)).toEqual(['raw', 'uri']);
  });

  it('reads Snort 3 comma sub-options', () => {
    const rule = parseOne(`${HTTP} (http_uri; content:"/s.cgi",depth 6,offset 0,nocase,fast_pattern; sid:1;)`);
    const [c] = contents(rule);
    expect(c).toMatchObject({ depth: 6, offset: 0, nocase: true, buffer: { name: 'uri' } });
    expect(c.fastPattern).toEqual({ only: false, slice: null });
  });

  it('selects one header with http_header:field (Snort 3)', () => {
    const rule = parseOne(`${HTTP} (http_header:field user-agent; content:"sqlmap"; service:http; sid:1;)`);
    expect(contents(rule)[0].buffer).toEqual({ name: 'header', headerField: 'user-agent' });
  });

  it('treats uricontent as content in the uri buffer', () => {
    expect(contents(parseOne(`${HTTP} (uricontent:"/x.php"; sid:1;)`))[0].buffer.name).toBe('uri');
  });

  it('maps Suricata dotted sticky buffers and startswith', () => {
    const rule = parseOne('alert http any any -> any any (http.user_agent; content:"curl"; startswith; sid:1;)');
    expect(contents(rule)[0]).toMatchObject({ buffer: { name: 'header', headerField: 'user-agent' }, offset: 0, depth: 4 });
  });

  it('lets a pcre buffer flag override the sticky buffer', () => {
    const rule = parseOne(`${HTTP} (pcre:"/a+b/Ui"; sid:1;)`);
    expect((rule.detection[0] as PcreOption).buffer.name).toBe('uri');
  });
});

describe('flavour detection', () => {
  it('detects Snort 3 from service: and comma sub-options, Suricata from dotted buffers, else Snort 2', () => {
    expect(parseText(`${HTTP} (content:"a",nocase; sid:1;)`).flavour).toBe('snort3');
    expect(parseText(`${HTTP} (content:"a"; service:http; sid:1;)`).flavour).toBe('snort3');
    expect(parseText(`${HTTP} (http.uri; content:"a"; sid:1;)`).flavour).toBe('suricata');
    expect(parseText(`${HTTP} (content:"a"; http_uri; sid:1;)`).flavour).toBe('snort2');
  });
});

describe('files and lines', () => {
  it('keeps #alert rules as disabled', () => {
    const { entries, rules } = parseText(`#alert ${HTTP.slice(6)} (content:"a"; sid:7;)\n# alert ${HTTP.slice(6)} (content:"b"; sid:8;)`);
    expect(rules).toHaveLength(0);
    expect(entries.map((e) => [e.sid, e.status])).toEqual([
      [7, 'disabled'],
      [8, 'disabled'],
    ]);
  });

  it('joins Snort 2 lines ending in \\ and reports the first line', () => {
    const { entries } = parseText(`# comment\n${HTTP} (content:"a"; \\\n  sid:9;)\r\n`);
    expect(entries).toMatchObject([{ sid: 9, line: 2, status: 'accepted' }]);
  });

  it('reads a Snort 3 rule spread over several lines', () => {
    const { entries } = parseText(`alert http (\n  msg:"multi";\n  content:"a",nocase;\n  sid:10;\n)\n`);
    expect(entries).toMatchObject([{ sid: 10, line: 1, status: 'accepted' }]);
  });

  it('expands nested, negated and defaulted variables', () => {
    const text = `portvar WEB [8080,$HTTP_PORTS]\nipvar BAD [10.0.0.0/8,!10.1.0.0/16]\nalert tcp $BAD any -> any $WEB (content:"a"; sid:11;)\nalert tcp $(NOPE:-any) any -> any $(WEB2:-80) (content:"a"; sid:12;)`;
    const { rules } = parseText(text);
    expect(rules[0].header.source).toEqual({ any: false, include: ['10.0.0.0/8'], exclude: ['10.1.0.0/16'] });
    expect(rules[1].header.destinationPorts.include).toEqual([[80, 80]]);
  });

  it('rejects an undefined variable', () => {
    expect(entryFor('alert tcp $NOWHERE any -> any 80 (content:"a"; sid:1;)').code).toBe('WARDEN_SIGNATURES_UNDEFINED_VARIABLE');
  });

  it('keeps the highest rev of a duplicate gid:sid and reports the other', async () => {
    const { importRuleSources } = await import('../../src/signatures/import-rules.js');
    const { rules, report } = importRuleSources([
      { file: 'a.rules', text: `${HTTP} (content:"old"; sid:5; rev:1;)` },
      { file: 'b.rules', text: `${HTTP} (content:"new"; sid:5; rev:3;)` },
    ]);
    expect(rules.map((r) => r.rev)).toEqual([3]);
    expect(report.entries[0]).toMatchObject({ status: 'rejected', code: 'WARDEN_SIGNATURES_DUPLICATE_SID' });
  });
});

describe('what Warden refuses, naming the reason', () => {
  it.each([
    ['byte_test:4,>,1000,0,relative;', 'byte_test'],
    ['dsize:>100;', 'dsize'],
    ['flags:S;', 'flags'],
    ['raw_data;', 'raw_data'],
  ])('rejects %s naming the keyword', (option, keyword) => {
    const entry = entryFor(`${HTTP} (content:"a"; ${option} sid:1;)`);
    expect(entry.code).toBe('WARDEN_SIGNATURES_UNSUPPORTED_KEYWORD');
    expect(entry.reason).toContain(`'${keyword}'`);
  });

  it('rejects response-side rules (flow:to_client, http_stat_code)', () => {
    expect(entryFor(`${HTTP} (flow:to_client,established; content:"a"; sid:1;)`).code).toBe('WARDEN_SIGNATURES_RESPONSE_SIDE');
    expect(entryFor(`${HTTP} (content:"200"; http_stat_code; sid:1;)`).code).toBe('WARDEN_SIGNATURES_RESPONSE_SIDE');
  });

  it('rejects rules for traffic a proxy never sees', () => {
    expect(entryFor('alert udp any any -> any 53 (content:"a"; sid:1;)').code).toBe('WARDEN_SIGNATURES_NOT_HTTP');
    expect(entryFor('alert tcp any any -> any 21 (content:"a"; sid:1;)').code).toBe('WARDEN_SIGNATURES_NOT_HTTP');
  });

  it('refuses a pcre whose counted repeat no linear engine runs well; the old "10 ms budget" fallback did not hold (issue 17)', () => {
    for (const pcre of ['/a[^&]{1075,}/', '/(?:%3C){1000}/i', '/(a|b|c)+[^\\n]{1200}x/i']) {
      expect(entryFor(`${HTTP} (pcre:"${pcre}"; sid:1;)`)).toMatchObject({ status: 'rejected', code: 'WARDEN_SIGNATURES_UNSAFE_PCRE' });
    }
  });

  it('accepts an overflow check (one class repeated up to 1000 times) on native RE2, without a warning', () => {
    expect(entryFor(`${HTTP} (pcre:"/instancename=[^&\\x3b\\r\\n]{513}/Ui"; sid:2;)`)).toMatchObject({ status: 'accepted' });
  });

  it('rejects a pcre RE2 cannot run', () => {
    expect(entryFor(`${HTTP} (pcre:"/(?<n>a)\\k<n>/"; sid:1;)`).code).toBe('WARDEN_SIGNATURES_UNSAFE_PCRE');
  });

  it('accepts a backreference as a copy of its group, with a warning', () => {
    expect(entryFor(`${HTTP} (pcre:"/(ab)x\\1/"; sid:1;)`)).toMatchObject({ status: 'warning' });
  });

  it('does not throw on garbage', () => {
    const { entries } = parseText(`${HTTP} (content:"unterminated; sid:1;)\nalert tcp ( sid:2;)\nalert tcp any any -> any 80 (content:"a"; sid:1`);
    expect(entries.every((e) => e.status === 'rejected')).toBe(true);
  });
});
