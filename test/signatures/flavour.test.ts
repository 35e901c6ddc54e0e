import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFlavour, guessFlavour } from '../../src/signatures/flavour.js';
import { splitRuleStatements } from '../../src/signatures/rule-statements.js';
import { parseRuleFile } from '../../src/signatures/parse-rule-file.js';
import { defaultVariables } from '../../src/signatures/variables.js';
import type { Flavour } from '../../src/signatures/rule.js';
import { CORPUS_FLAVOURS, SIGNATURES_CORPUS } from './corpus-location.js';
import { HTTP, parseText } from './parse-helpers.js';

describe('flavour detection: Snort 3', () => {
  it.each([
    ['a service header with a sticky buffer (issue 22)', 'alert http (msg:"x"; http_uri; content:"/a"; sid:1; rev:1;)'],
    ['a service header alone', 'alert http (msg:"x"; content:"/a"; sid:1;)'],
    ['an http_* buffer before any content', `${HTTP} (http_uri; content:"/a"; sid:1;)`],
    ['an http_* buffer before a pcre with /R', `${HTTP} (http_header; pcre:"/x-a/R"; sid:1;)`],
    ['service:', `${HTTP} (content:"a"; service:http; sid:1;)`],
    ['comma sub-options after a content', `${HTTP} (content:"a",nocase; sid:1;)`],
    ['a content sub-option with a value', `${HTTP} (content:"a", depth 4, offset 2; sid:1;)`],
    ['http_header:field', `${HTTP} (content:"a"; http_header:field user-agent; sid:1;)`],
    ['http_uri:query', `${HTTP} (content:"a"; http_uri:query; sid:1;)`],
    ['bufferlen', `${HTTP} (content:"a"; bufferlen:>10; sid:1;)`],
    ['the block action', 'block tcp any any -> any 80 (content:"a"; sid:1;)'],
    ['the react action', 'react tcp any any -> any 80 (content:"a"; sid:1;)'],
    ['the rewrite action', 'rewrite tcp any any -> any 80 (content:"a"; replace:"b"; sid:1;)'],
    ['a rule over several lines without \\', `alert tcp any any -> any 80 (\n  msg:"m";\n  content:"a";\n  sid:1;\n)`],
  ])('from %s', (_what, text) => {
    expect(detectFlavour(text)).toBe('snort3');
  });

  it('ignores constructs inside quoted strings', () => {
    expect(detectFlavour(`${HTTP} (msg:"service:http; http_uri; x"; content:"a"; nocase; sid:1;)`)).toBe('snort2');
  });

  it('says what decided, with the line', () => {
    const guess = guessFlavour(splitRuleStatements(`# header\n\n${HTTP} (content:"a"; sid:1;)\nalert http (content:"b"; sid:2;)`));
    expect(guess).toEqual({ flavour: 'snort3', evidence: 'service header (line 4)' });
  });
});

describe('flavour detection: Suricata and Snort 2', () => {
  it.each([
    ['a dotted sticky buffer', `${HTTP} (http.uri; content:"a"; sid:1;)`],
    ['startswith', `${HTTP} (content:"a"; http_uri; startswith; sid:1;)`],
    ['app-layer-event', 'alert http any any -> any any (app-layer-event:http.unknown_error; sid:1;)'],
    ['flowint', 'alert ip any any -> any any (flowint:x,+,1; sid:1;)'],
    ['an application protocol in a full header with content modifiers', 'alert http $EXTERNAL_NET any -> $HOME_NET any (content:"/a"; http_uri; sid:1;)'],
  ])('detects Suricata from %s', (_what, text) => {
    expect(detectFlavour(text)).toBe('suricata');
  });

  it('detects Snort 2 from content modifiers, and by default', () => {
    expect(detectFlavour(`${HTTP} (content:"a"; http_uri; sid:1;)`)).toBe('snort2');
    expect(detectFlavour(`${HTTP} (content:"a"; nocase; depth:4; sid:1;)`)).toBe('snort2');
    expect(detectFlavour(`${HTTP} (content:"a"; sid:1;)`)).toBe('snort2');
  });

  it('lets the majority decide a mixed file', () => {
    const snort2 = `${HTTP} (content:"a"; http_uri; sid:1;)`;
    expect(detectFlavour([snort2, snort2, `${HTTP} (content:"a",nocase; sid:3;)`].join('\n'))).toBe('snort2');
    expect(detectFlavour([snort2, `${HTTP} (content:"a",nocase; sid:3;)`, 'alert http (http_uri; content:"b"; sid:4;)'].join('\n'))).toBe('snort3');
  });

  it('parses the issue 22 rule as Snort 3: http_uri is sticky, the content lands in the URI', () => {
    const { rules, entries, flavour } = parseText('alert http (msg:"x"; http_uri; content:"/a"; sid:1; rev:1;)');
    expect(flavour).toBe('snort3');
    expect(entries).toMatchObject([{ status: 'accepted', sid: 1 }]);
    expect(rules[0].detection[0]).toMatchObject({ kind: 'content', bytes: '/a', buffer: { name: 'uri' } });
  });
});

/**
 * The corpus folders say the true flavour. Whole files are easy (every file is > 80 rules), so the same
 * walk also cuts each file into slices of 20 rules, the size of an operator's local.rules; a slice counts
 * as right when its flavour is the true one or when parsing it either way gives the same rules (a slice
 * of `content:"x"; sid:1;` rules is valid, and identical, in every flavour).
 */
describe.skipIf(SIGNATURES_CORPUS === null)('flavour detection over the signatures corpus', () => {
  it('detects >= 99.5 % of rule files and of 20-rule slices right', () => {
    const variables = defaultVariables();
    const parseAs = (text: string, flavour: Flavour): string => {
      const parsed = parseRuleFile(text, { file: 'slice.rules', flavour, variables });
      return JSON.stringify([parsed.rules.map((r) => ({ ...r, flavour: null })), parsed.entries]);
    };
    let files = 0;
    let filesRight = 0;
    let slices = 0;
    let slicesExact = 0;
    let slicesEquivalent = 0;
    const wrong: string[] = [];
    for (const [folder, truth] of Object.entries(CORPUS_FLAVOURS)) {
      const dir = join(SIGNATURES_CORPUS!, folder);
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.rules'))) {
        const statements = splitRuleStatements(readFileSync(join(dir, name), 'latin1'));
        files++;
        const guess = guessFlavour(statements);
        if (guess.flavour === truth) filesRight++;
        else wrong.push(`${folder}/${name}: ${guess.flavour} (${guess.evidence ?? 'no evidence'})`);
        const rules = statements.filter((s) => s.kind === 'rule');
        for (let i = 0; i < rules.length; i += 20) {
          const slice = rules.slice(i, i + 20);
          slices++;
          const flavour = guessFlavour(slice).flavour;
          if (flavour === truth) {
            slicesExact++;
            continue;
          }
          const text = slice.map((s) => `${s.kind === 'rule' && s.disabled ? '#' : ''}${s.text.replace(/\n/g, ' ')}`).join('\n');
          if (parseAs(text, flavour) === parseAs(text, truth)) slicesEquivalent++;
          else wrong.push(`${folder}/${name} slice at line ${slice[0].line}: ${flavour}`);
        }
      }
    }
    console.log(
      `flavour: ${filesRight}/${files} files right; ${slices} slices of 20 rules: ${slicesExact} exact, ` +
        `${slicesEquivalent} another flavour with the same parse, ${slices - slicesExact - slicesEquivalent} wrong`,
    );
    expect(files).toBe(21);
    const shown = wrong.slice(0, 10).join('\n');
    expect(filesRight / files, shown).toBeGreaterThanOrEqual(0.995);
    expect((slicesExact + slicesEquivalent) / slices, shown).toBeGreaterThanOrEqual(0.995);
  }, 30_000);
});

describe('a rule in another flavour than its file', () => {
  it('reads a Snort 3 rule pasted into a Snort 2 file as Snort 3, with a warning', () => {
    const snort2 = `${HTTP} (content:"a"; http_uri; sid:1;)`;
    const { rules, entries, flavour } = parseText([snort2, snort2.replace('sid:1', 'sid:2'), 'alert http (http_uri; content:"/b"; sid:3;)'].join('\n'));
    expect(flavour).toBe('snort2');
    expect(entries.map((e) => e.status)).toEqual(['accepted', 'accepted', 'warning']);
    expect(entries[2].reason).toBe('read as snort3 (service header) in a file detected as snort2');
    expect(rules[2].detection[0]).toMatchObject({ bytes: '/b', buffer: { name: 'uri' } });
  });

  it('obeys a flavour the operator forced', () => {
    const { entries } = parseText('alert http (http_uri; content:"/b"; sid:3;)', 'snort2');
    expect(entries).toMatchObject([{ status: 'rejected', code: 'WARDEN_SIGNATURES_BAD_OPTION' }]);
  });
});
