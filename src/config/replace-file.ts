/**
 * How the commands that edit an operator's files (the config: keys, rules import, rules tune --write;
 * the tuning sidecar) write them: the text goes to a temporary file beside the file, which is renamed
 * over it (atomic on one filesystem), so a reader sees the old text or the new, never a file cut short.
 * Written in place, the file is empty between the truncation and the write: walked on a fresh clone
 * (session 30), a `warden rules tune --config warden.yaml` started while `warden keys add` rewrote that
 * config read it as empty, took the defaults and tuned the bundled rules alone (482 rules, where the
 * config's packs held 8,465) without a word. A reload at that moment would refuse the config (422).
 *
 * The file keeps its mode and, where this process may set it, its owner; a symlinked file is written
 * where the link points, so the link stays a link. Where the folder cannot take the temporary file (a
 * file the operator may write in a folder it may not), the file is written in place as before.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const IN_PLACE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

export async function replaceFile(file: string, text: string): Promise<void> {
  let target = file;
  let kept: { mode: number; uid: number; gid: number } | null = null;
  try {
    target = await realpath(file);
    const info = await stat(target);
    kept = { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx', mode: kept?.mode ?? 0o666 });
  } catch (err) {
    if (!IN_PLACE_CODES.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    await writeFile(target, text);
    return;
  }
  try {
    if (kept !== null) {
      await chmod(temporary, kept.mode);
      // Only root may give a file away; anyone else's file is theirs already.
      if (process.getuid?.() === 0) await chown(temporary, kept.uid, kept.gid);
    }
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
