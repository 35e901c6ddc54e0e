/**
 * A rule pack as vendors publish it (ET Open `emerging.rules.tar.gz`, Talos `snort3-community-rules.tar.gz`):
 * a gzip'd tar whose `*.rules` members become rule sources named `<archive>/<member>`, so a
 * `rules.files` entry for the archive (flavour, actions, per-rule overrides) covers every member.
 * Decompression is bounded so a hostile archive cannot exhaust memory.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { readTarMembers, TarFormatError } from './read-tar.js';

const gunzipAsync = promisify(gunzip);

/** ET Open's full pack is ~45 MB unpacked; far past that is not a rule pack. */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;

export function isRulePackPath(path: string): boolean {
  return /\.(?:tar\.gz|tgz)$/i.test(path);
}

/** The `.rules` members of a pack, sorted by name, as latin1 text; throws a plain Error saying what is wrong. */
export async function readRulePack(path: string): Promise<Array<{ file: string; text: string }>> {
  return readRulePackBytes(path, await readFile(path));
}

/** `readRulePack` of the archive's bytes as read from `path` (read-rule-files.ts compares them with the last read's first). */
export async function readRulePackBytes(path: string, compressed: Buffer): Promise<Array<{ file: string; text: string }>> {
  let archive: Buffer;
  try {
    archive = await gunzipAsync(compressed, { maxOutputLength: MAX_PACK_BYTES });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`unpacks to more than ${MAX_PACK_BYTES} bytes`);
    throw new Error(`not a gzip archive (${e.message})`);
  }
  try {
    // macOS tar adds `._name` resource forks beside each member; they are not rules.
    const members = readTarMembers(archive, (name) => name.endsWith('.rules') && !/(?:^|\/)\._/.test(name));
    return members.sort((a, b) => (a.name < b.name ? -1 : 1)).map((m) => ({ file: `${path}/${m.name.replace(/^\.\//, '')}`, text: m.data.toString('latin1') }));
  } catch (err) {
    if (err instanceof TarFormatError) throw new Error(`not a tar archive inside the gzip (${err.message})`);
    throw err;
  }
}
