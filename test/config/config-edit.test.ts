/**
 * Optimistic concurrency of config saves (src/config/config-edit.ts): a save names the version it
 * edits, and one that names a version the file is no longer at is refused with nothing written.
 */
import { mkdtempSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configVersion, editConfigDocument, readConfigForEdit, saveConfigEdit } from '../../src/config/config-edit.js';

const configFile = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'warden-config-edit-')), 'warden.yaml');
  writeFileSync(file, text);
  return file;
};

describe('config saves with a version', () => {
  it('writes an edit of the version on disk and answers the new version', async () => {
    const file = configFile('mode: prevent\n');
    const { text, version } = await readConfigForEdit(file);
    expect(version).toBe(configVersion(Buffer.from('mode: prevent\n')));
    const next = await saveConfigEdit(file, `${text}upstream: http://127.0.0.1:8080\n`, version);
    expect(readFileSync(file, 'utf8')).toBe('mode: prevent\nupstream: http://127.0.0.1:8080\n');
    expect(next).toBe((await readConfigForEdit(file)).version);
  });

  it('refuses with WARDEN_CONFIG_EDIT_CONFLICT (409) the second of two saves of one version, and keeps the first', async () => {
    const file = configFile('mode: prevent\n');
    const { version } = await readConfigForEdit(file);
    const outcomes = await Promise.allSettled([saveConfigEdit(file, 'mode: detect\n', version), saveConfigEdit(file, 'mode: prevent\nworkers: 2\n', version)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'WARDEN_CONFIG_EDIT_CONFLICT', status: 409, message: expect.stringMatching(/changed since it was read .* nothing was written/) });
    expect(readFileSync(file, 'utf8')).toBe('mode: detect\n');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for another process\'s lock, and takes over one a crashed editor left', async () => {
    const file = configFile('mode: prevent\n');
    const { version } = await readConfigForEdit(file);
    writeFileSync(`${file}.lock`, '99999\n');
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(`${file}.lock`, old, old);
    await saveConfigEdit(file, 'mode: detect\n', version);
    expect(readFileSync(file, 'utf8')).toBe('mode: detect\n');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('editConfigDocument, the one path of the config editors', () => {
  it('keeps comments, saves the edit against the version read, and writes nothing for an edit that changes nothing', async () => {
    const file = configFile('# ops\nmode: prevent # for now\n');
    const { saved, version } = await editConfigDocument(file, (doc) => doc.set('workers', 2));
    expect(saved).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('# ops\nmode: prevent # for now\nworkers: 2\n');
    expect(version).toBe(configVersion(readFileSync(file)));
    expect(await editConfigDocument(file, () => 'nothing')).toMatchObject({ result: 'nothing', saved: false, version });
  });

  it('takes a file of comments only as the empty mapping', async () => {
    const file = configFile('# to be written\n');
    await editConfigDocument(file, (doc) => doc.set('mode', 'detect'));
    expect(readFileSync(file, 'utf8')).toBe('# to be written\n\nmode: detect\n');
  });

  it.each<[string, string, (doc: import('yaml').Document) => void, string]>([
    ['a file that is not YAML', 'mode: [prevent\n', () => undefined, 'WARDEN_CONFIG_UNPARSABLE'],
    ['a top level that is not a mapping', '- mode\n', () => undefined, 'WARDEN_CONFIG_INVALID'],
    ['an edit that makes the config invalid', 'mode: prevent\n', (doc) => doc.set('mode', 'sideways'), 'WARDEN_CONFIG_INVALID'],
  ])('refuses %s, writing nothing', async (_name, text, edit, code) => {
    const file = configFile(text);
    await expect(editConfigDocument(file, edit)).rejects.toMatchObject({ code });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
