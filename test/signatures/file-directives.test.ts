/**
 * `# warden:` directive lines of a rule file (src/signatures/file-directives.ts): read from the file's
 * header for all its rules, reported per file, and refused (never ignored) when Warden does not know them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/signatures/parse-rule-file.js';
import { defaultVariables } from '../../src/signatures/variables.js';

const RULE = (sid: number): string => `alert http any any -> any any (msg:"t"; flow:to_server; content:"x${sid}"; sid:${sid}; rev:1;)`;
const parse = (text: string) => parseRuleFile(text, { file: '/srv/rules/local.rules', flavour: 'suricata', variables: defaultVariables() });

describe('rule file directives', () => {
  it('gives every rule of the file what its header declares, and the report names it', () => {
    const parsed = parse(`# Local rules\n# warden: packet-views decoded\n#warden: weights priority\n${RULE(1)}\n${RULE(2)}\n`);
    expect(parsed.rules.map((r) => r.fileDirectives)).toEqual([
      { packetViews: 'decoded', weights: 'priority' },
      { packetViews: 'decoded', weights: 'priority' },
    ]);
    expect(parsed.file.directives).toBe('packet-views decoded, weights priority');
    expect(parsed.entries.every((e) => e.status === 'accepted')).toBe(true);
  });

  it('reads a file without directives as an imported one: raw packet, calibrated weights', () => {
    const parsed = parse(`# warden rules of the shop\n${RULE(1)}\n`);
    expect(parsed.rules[0].fileDirectives).toEqual({ packetViews: 'raw', weights: 'calibrated' });
    expect(parsed.file.directives).toBeUndefined();
  });

  it.each([
    ['# warden: packet-views all', /expected packet-views raw\|decoded/],
    ['# warden: packet-view decoded', /not a Warden directive/],
    ['# warden: weights', /expected weights calibrated\|priority/],
  ])('refuses %s with WARDEN_SIGNATURES_BAD_DIRECTIVE and keeps the default', (line, reason) => {
    const parsed = parse(`${line}\n${RULE(1)}\n`);
    expect(parsed.entries[0]).toMatchObject({ line: 1, status: 'rejected', code: 'WARDEN_SIGNATURES_BAD_DIRECTIVE', reason: expect.stringMatching(reason) });
    expect(parsed.rules[0].fileDirectives).toEqual({ packetViews: 'raw', weights: 'calibrated' });
  });

  it('refuses a directive after the first rule: it would look as if it applied to the rules below it only', () => {
    const parsed = parse(`${RULE(1)}\n# warden: packet-views decoded\n${RULE(2)}\n`);
    expect(parsed.entries.find((e) => e.status === 'rejected')).toMatchObject({ line: 2, code: 'WARDEN_SIGNATURES_BAD_DIRECTIVE', reason: expect.stringMatching(/before the first rule \(line 1\)/) });
    expect(parsed.rules.map((r) => r.fileDirectives.packetViews)).toEqual(['raw', 'raw']);
  });

  it('is declared by the bundled warden.rules itself', () => {
    const file = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
    const parsed = parseRuleFile(readFileSync(file, 'latin1'), { file: '/opt/elsewhere/warden.rules', variables: defaultVariables() });
    expect(parsed.file.directives).toBe('packet-views decoded, weights priority');
    expect(parsed.rules.every((r) => r.fileDirectives.packetViews === 'decoded')).toBe(true);
  });
});
