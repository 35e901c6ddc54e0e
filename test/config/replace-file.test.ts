import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/config/replace-file.js';

describe('replacing an operator file (config edits, the tuning sidecar)', () => {
  it('swaps the whole text in: a reader polling meanwhile never reads the file empty or cut short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-replace-'));
    const file = join(dir, 'warden.yaml');
    const texts = ['rules:\n  files: [a.rules]\n'.repeat(400), 'rules:\n  files: [b.rules]\n'.repeat(400)];
    writeFileSync(file, texts[0]);
    const seen = new Set<string>();
    let writing = true;
    const reader = (async () => {
      for (let i = 0; i < 5000 && writing; i++) seen.add(await readFile(file, 'utf8'));
    })();
    for (let i = 0; i < 200; i++) await replaceFile(file, texts[i % 2]);
    writing = false;
    await reader;
    expect([...seen].every((t) => texts.includes(t))).toBe(true);
    expect(readdirSync(dir)).toEqual(['warden.yaml']);
  });

  it('keeps the mode of a config holding secrets, and writes through a symlink, which stays one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-replace-'));
    const real = join(dir, 'real.yaml');
    writeFileSync(real, 'mode: detect\n');
    chmodSync(real, 0o600);
    const link = join(dir, 'warden.yaml');
    symlinkSync(real, link);
    await replaceFile(link, 'mode: prevent\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('mode: prevent\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it('creates a file that does not exist yet', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warden-replace-')), 'warden.tune.json');
    await replaceFile(file, '{}\n');
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
  });
});
