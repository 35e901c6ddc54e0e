import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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

  // Walked on 2026-12-06 (session 29): a .tar.gz without a *.rules member was reported as
  // "0 files, flavour mixed (detected per file: )".
  it('says a pack without a *.rules member has no rule file, and refuses it (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-import-norules-'));
    mkdirSync(join(dir, 'src', 'rules'), { recursive: true });
    writeFileSync(join(dir, 'src', 'rules', 'LICENSE'), 'licence text\n');
    const archive = join(dir, 'norules.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'src'), 'rules']);
    const config = join(dir, 'warden.yaml');
    writeFileSync(config, 'mode: detect\n');
    const out: string[] = [];
    expect(await main(['rules', 'import', archive, '--config', config], { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(1);
    const text = out.join('\n');
    expect(text).toContain(`${archive}: no rule file in it (a pack's *.rules members, a directory's *.rules files); nothing to load`);
    expect(text).not.toMatch(/flavour mixed/);
    expect(text).toMatch(/WARDEN_SIGNATURES_IMPORT_EMPTY/);
    expect(readFileSync(config, 'utf8')).toBe('mode: detect\n');
  });

  // Walked from the README with /work/shared/signatures-corpus/snort3-community: importing a directory a
  // second time refused it (WARDEN_SIGNATURES_IMPORT_EMPTY, exit 1), every rule "a duplicate of" itself.
  it('re-importing a directory already in rules.files says so and changes nothing, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-import-again-'));
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'mine.rules'), 'alert http any any -> any any (msg:"mine"; http_uri; content:"evilthing"; sid:1000001; rev:1;)\n');
    const config = join(dir, 'warden.yaml');
    writeFileSync(config, 'mode: detect\n');
    const run = async (): Promise<{ code: number; out: string }> => {
      const out: string[] = [];
      const code = await main(['rules', 'import', join(dir, 'pack'), '--config', config], { out: (s) => out.push(s), err: (s) => out.push(s) });
      return { code, out: out.join('\n') };
    };
    expect((await run()).code).toBe(0);
    const once = readFileSync(config, 'utf8');
    const again = await run();
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/1 rules loadable \(1 accepted/);
    expect(again.out).toMatch(/pack: already in rules\.files/);
    expect(again.out).not.toMatch(/duplicate/);
    expect(readFileSync(config, 'utf8')).toBe(once);
  });
});

describe('warden rules import: the config it edits (the editors\' one path, config-edit.ts)', () => {
  it('refuses a config that is not YAML with WARDEN_CONFIG_UNPARSABLE, exit 2, and one the edit leaves invalid with config check\'s messages, exit 1; nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-import-config-'));
    const rules = join(dir, 'mine.rules');
    writeFileSync(rules, 'alert http (msg:"mine"; flow:to_server,established; http_uri; content:"evilthing"; service:http; sid:1000001; rev:1;)\n');
    const config = join(dir, 'warden.yaml');
    const run = async (): Promise<{ code: number; err: string }> => {
      const err: string[] = [];
      const code = await main(['rules', 'import', rules, '--config', config], { out: () => undefined, err: (s) => err.push(s) });
      return { code, err: err.join('\n') };
    };
    writeFileSync(config, 'mode: [detect\n');
    expect(await run()).toMatchObject({ code: 2, err: expect.stringMatching(/^rules import: WARDEN_CONFIG_UNPARSABLE: config file .*warden\.yaml is not valid YAML\/JSON: /) });
    writeFileSync(config, 'mode: sideways\n');
    expect(await run()).toMatchObject({ code: 1, err: expect.stringMatching(/WARDEN_CONFIG_INVALID: invalid config \(.*warden\.yaml\):\n {2}- mode/) });
    expect(readFileSync(config, 'utf8')).toBe('mode: sideways\n');
  });
});
