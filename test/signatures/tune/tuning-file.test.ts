import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTuningFile, parseTuningFile, readTuningFile, readTuningFileIfPresent, tunedEffects, tunedWeights } from '../../../src/signatures/tune/tuning-file.js';
import { ruleSetInputs } from '../../../src/signatures/tune/rule-set-inputs.js';

const ok = { format: 'warden-rule-tuning', version: 1, rules: { '1:9000501': { effect: 'disabled', hits: 3, reason: 'x' } }, pinned: { '1:9000502': 'suspicious' } };

describe('the rule tuning sidecar', () => {
  it('gives pins precedence over measured proposals', () => {
    const t = parseTuningFile({ ...ok, pinned: { '1:9000501': 'block' } }, 'f');
    expect(tunedEffects(t)).toEqual({ '1:9000501': 'block' });
  });

  it.each<[string, unknown]>([
    ['not an object', []],
    ['wrong format', { ...ok, format: 'x' }],
    ['a bad effect', { ...ok, rules: { '1:1': { effect: 'drop' } } }],
    ['a bad key', { ...ok, pinned: { sid: 'disabled' } }],
    ['a weight out of range', { ...ok, rules: { '1:1': { effect: 'suspicious', hits: 0, reason: 'x', weight: 1.5 } } }],
    ['a pinned weight out of range', { ...ok, pinned: { '1:1': -0.1 } }],
  ])('refuses %s with WARDEN_TUNE_FILE_INVALID', (_name, value) => {
    expect(() => parseTuningFile(value, 'f')).toThrow(expect.objectContaining({ code: 'WARDEN_TUNE_FILE_INVALID' }));
  });

  it('gives each calibrated suspicious rule its weight and provenance; a pinned effect removes it, a pinned number replaces it', () => {
    const t = parseTuningFile(
      {
        ...ok,
        rules: {
          '1:10': { effect: 'suspicious', hits: 0, reason: 'x', weight: 0.95, source: 'rules tune: benign 0/18000' },
          '1:11': { effect: 'suspicious', hits: 0, reason: 'x', weight: 0.9, source: 's' },
          '1:12': { effect: 'disabled', hits: 40, reason: 'x', weight: 0.1, source: 's' },
          '1:14': { effect: 'suspicious', hits: 3, reason: 'x', weight: 0.6, source: 'rules tune: benign 3/18000, capped: benign-hits' },
        },
        pinned: { '1:11': 'suspicious', '1:13': 0.85 },
      },
      'f',
    );
    expect(tunedWeights(t)).toEqual({
      '1:10': { weight: 0.95, source: 'rules tune: benign 0/18000', firesOnBenign: false },
      '1:13': { weight: 0.85, source: 'pinned by the operator' },
      '1:14': { weight: 0.6, source: 'rules tune: benign 3/18000, capped: benign-hits', firesOnBenign: true },
    });
    expect(tunedEffects(t)).toMatchObject({ '1:11': 'suspicious', '1:12': 'disabled', '1:13': 'suspicious' });
  });

  it('reads a missing sidecar as none only where asked to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-tune-'));
    await expect(readTuningFileIfPresent(join(dir, 'none.json'))).resolves.toBeNull();
    await expect(readTuningFile(join(dir, 'none.json'))).rejects.toMatchObject({ code: 'WARDEN_TUNE_FILE_INVALID' });
    writeFileSync(join(dir, 'bad.json'), '{');
    await expect(readTuningFileIfPresent(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'WARDEN_TUNE_FILE_INVALID' });
  });
});

describe('ruleSetInputs', () => {
  it('puts the bundled set first and merges tuned effects into every file, file overrides winning', () => {
    const { paths, files } = ruleSetInputs(
      { bundled: true, files: ['/r/a.rules', { path: '/r/b.rules', rules: { '1:7': 'block' } }] },
      '/bundled/',
      { '1:7': 'disabled', '1:8': 'disabled' },
    );
    expect(paths).toEqual(['/bundled/', '/r/a.rules', '/r/b.rules']);
    expect(files.map((f) => f.rules)).toEqual([
      { '1:7': 'disabled', '1:8': 'disabled' },
      { '1:7': 'disabled', '1:8': 'disabled' },
      { '1:7': 'block', '1:8': 'disabled' },
    ]);
  });

  it("drops the learned weight of a rule the config's own per-file map sets", () => {
    const w = { weight: 0.9, source: 's' };
    const { weights } = ruleSetInputs({ bundled: false, files: [{ path: '/r/b.rules', rules: { '1:7': 'suspicious' } }] }, '/b/', {}, { '1:7': w, '1:8': w });
    expect(weights).toEqual({ '1:8': w });
  });

  it('passes plain paths through untouched without tuning', () => {
    expect(ruleSetInputs({ bundled: false, files: ['/r/a.rules'] }, '/bundled/')).toEqual({ paths: ['/r/a.rules'], files: [], weights: {} });
  });

  it('gives a reload the same sidecar object and digest while its bytes are the same, and reads an edit anew', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-tune-')), 'warden.tune.json');
    writeFileSync(file, JSON.stringify(ok));
    const first = await loadTuningFile(file);
    const again = await loadTuningFile(file);
    expect(again.tuning).toBe(first.tuning);
    expect(again.digest).toBe(first.digest);
    expect(tunedEffects(again.tuning)).toBe(tunedEffects(first.tuning));
    // Same length, written at once: the bytes decide.
    writeFileSync(file, JSON.stringify({ ...ok, rules: { '1:9000503': { effect: 'disabled', hits: 3, reason: 'x' } } }));
    const edited = await loadTuningFile(file);
    expect(edited.digest).not.toBe(first.digest);
    expect(tunedEffects(edited.tuning)).toEqual({ '1:9000503': 'disabled', '1:9000502': 'suspicious' });
  });

  it('shares the sidecar map with every file entry that sets no rule of its own', () => {
    const tuned = { '1:2': 'disabled' } as const;
    const { files } = ruleSetInputs({ bundled: true, files: ['/r/a.rules', { path: '/r/b.rules', rules: { '1:3': 'block' } }] }, '/bundled/', tuned);
    expect(files[0].rules).toBe(tuned);
    expect(files[1].rules).toBe(tuned);
    expect(files[2].rules).toEqual({ '1:2': 'disabled', '1:3': 'block' });
  });
});
