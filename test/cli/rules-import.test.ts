import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

describe('warden rules import --action', () => {
  // `--action alert=explode` was reported as an invalid config (rules.files[0]: must be string, ...: must
  // match a schema in anyOf, exit 1), naming a key the operator never wrote instead of the flag.
  it('refuses a bad action or effect naming the flag, exit 2, config untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-import-action-'));
    const rules = join(dir, 'mine.rules');
    writeFileSync(rules, 'alert tcp any any -> any $HTTP_PORTS (msg:"mine"; flow:to_server,established; content:"evilthing"; http_uri; sid:1000001; rev:1;)\n');
    const config = join(dir, 'warden.yaml');
    writeFileSync(config, 'mode: detect\n');
    for (const [spec, said] of [
      ['alert=explode', /--action: the effect must be one of suspicious, block, allow, got "alert=explode"/],
      ['alrt=block', /--action: "alrt" is not a rule action \(one of alert, log, pass, drop/],
    ] as const) {
      const err: string[] = [];
      expect(await main(['rules', 'import', rules, '--config', config, '--action', spec], { out: () => undefined, err: (s) => err.push(s) })).toBe(2);
      expect(err.join('\n')).toMatch(said);
      expect(err.join('\n')).not.toMatch(/WARDEN_CONFIG_INVALID/);
    }
    expect(readFileSync(config, 'utf8')).toBe('mode: detect\n');
    const out: string[] = [];
    expect(await main(['rules', 'import', rules, '--config', config, '--action', 'alert=block'], { out: (s) => out.push(s), err: () => undefined })).toBe(0);
    expect(readFileSync(config, 'utf8')).toMatch(/alert: block/);
  });
});
