import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function check(yaml: string, files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'config-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'warden.yaml'), yaml);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['config', 'check', join(dir, 'warden.yaml')], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Each of these configs passed `config check` as valid while `serve` refused to start on it.
describe('warden config check reads the files the gates read, as serve does at start-up', () => {
  it('refuses a rule file that does not exist, with serve\'s code and the path', async () => {
    const r = await check('rules:\n  files: [missing.rules]\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/WARDEN_SIGNATURES_RULESET_INVALID: .*cannot read rule file .*missing\.rules/s);
    expect(r.out).not.toMatch(/valid/);
  });

  it('refuses a tuning sidecar that does not exist', async () => {
    const r = await check('rules: { tuning: tuning.json }\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/WARDEN_TUNE_FILE_INVALID: .*tuning\.json/);
  });

  it('refuses an OpenAPI document that does not exist', async () => {
    const r = await check('schema: { spec: api.yaml }\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/WARDEN_SCHEMA_SPEC_UNREADABLE: .*api\.yaml/);
  });

  it('refuses a rejected rule with rules.strict, and warns about it without', async () => {
    const rules = { 'mine.rules': 'alert tcp any any -> any any (msg:"x"; content:"a"; sid:1000001; bogusopt:3;)\n' };
    const strict = await check('rules: { files: [mine.rules], bundled: false, strict: true }\n', rules);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/WARDEN_SIGNATURES_RULESET_INVALID: .*mine\.rules:1/s);
    const lax = await check('rules: { files: [mine.rules], bundled: false }\n', rules);
    expect(lax.code).toBe(0);
    expect(lax.err).toMatch(/warning 1 rules rejected at import .*mine\.rules:1 sid 1000001: unknown keyword 'bogusopt'/);
    expect(lax.out).toMatch(/: valid/);
  });

  it('warns that a missing model means signatures only, and refuses it with model.onLoadError: refuse', async () => {
    const fallback = await check('rules: { bundled: false }\nmodel: { path: nomodel }\n');
    expect(fallback.code).toBe(0);
    expect(fallback.err).toMatch(/warning WARDEN_MODEL_MISSING: .*signatures and schema only .*nomodel/);
    const refuse = await check('rules: { bundled: false }\nmodel: { path: nomodel, onLoadError: refuse }\n');
    expect(refuse.code).toBe(1);
    expect(refuse.err).toMatch(/WARDEN_MODEL_MISSING: .*nomodel/);
  });

  it('passes the defaults with no warning', async () => {
    const r = await check('mode: detect\n');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/warden\.yaml: valid/);
  }, 30_000);
});

describe('warden config check and the websocket keys', () => {
  it('names each bad websocket key with what was expected', async () => {
    const r = await check('rules: { bundled: false }\nwebsocket: { maxMessageBytes: 0, overLimit: drop, maxBufferedBytes: 10, idleTimeoutMs: -1, compress: true }\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/websocket\.maxMessageBytes: must be >= 1/);
    expect(r.err).toMatch(/websocket\.overLimit: must be one of "close", "pass"/);
    expect(r.err).toMatch(/websocket\.maxBufferedBytes: must be >= 1024/);
    expect(r.err).toMatch(/websocket\.idleTimeoutMs: must be >= 0/);
    expect(r.err).toMatch(/websocket\.compress: unknown key/);
  });

  it('shows the websocket defaults in the effective config', async () => {
    const r = await check('rules: { bundled: false }\nwebsocket: { overLimit: pass }\n');
    expect(r.code).toBe(0);
    const shown = /"websocket": (\{[^}]*\})/.exec(r.out);
    expect(JSON.parse(shown?.[1] ?? '{}')).toEqual({ maxMessageBytes: 1048576, overLimit: 'pass', maxBufferedBytes: 4194304, idleTimeoutMs: 300000 });
  });
});
