/**
 * Optimistic concurrency for the editors of an operator's config (the admin listener's `PUT /config`,
 * `warden keys`, `rules import`, `rules tune --write`): an editor reads the file with its version (the
 * SHA-256 of its bytes, the admin API's ETag) and saves with that version; the save compares it with the
 * file as it is now and refuses with WARDEN_CONFIG_EDIT_CONFLICT (409) when another editor saved in
 * between, instead of writing over that edit. Before session 31 two editors that read the same text
 * both wrote, and the second silently undid the first (an API key added while `rules tune --write`
 * pointed the config at its sidecar lost one of the two).
 *
 * Compare and write are one step for every editor: saves of one file in this process run one after the
 * other, and across processes they take `<file>.lock` (created exclusively, bounded wait; a lock older
 * than LOCK_STALE_MS is a crashed editor's and is taken over). The write itself is replace-file's.
 */
import { createHash } from 'node:crypto';
import { open, readFile, realpath, rm, stat } from 'node:fs/promises';
import { replaceFile } from './replace-file.js';
import { configEditConflict, configEditLocked } from './errors.js';

/** The text an editor starts from and the version a save of its edit names. */
export interface ConfigForEdit {
  text: string;
  version: string;
}

/** SHA-256 (hex) of the file's bytes: the same text, the same version, whoever wrote it and whenever. */
export function configVersion(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The config's text and version; a missing file is the empty text (an editor may create it). */
export async function readConfigForEdit(file: string): Promise<ConfigForEdit> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  });
  return { text: bytes.toString('utf8'), version: configVersion(bytes) };
}

const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 20;
const LOCK_STALE_MS = 30_000;
/** Saves in this process, per file: each waits for the one before. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Writes `text` if the file is still at `readVersion`; resolves with the new version. Throws
 * WARDEN_CONFIG_EDIT_CONFLICT (nothing written) when it is not, WARDEN_CONFIG_EDIT_LOCKED when another
 * process held the lock for LOCK_WAIT_MS.
 */
export async function saveConfigEdit(file: string, text: string, readVersion: string): Promise<string> {
  const target = await realpath(file).catch(() => file);
  const before = queues.get(target) ?? Promise.resolve();
  const saving = before.catch(() => undefined).then(() => withFileLock(target, async () => {
    const now = await readConfigForEdit(target);
    if (now.version !== readVersion) throw configEditConflict(file, readVersion.slice(0, 12), now.version.slice(0, 12));
    await replaceFile(file, text);
    return configVersion(Buffer.from(text, 'utf8'));
  }));
  queues.set(target, saving);
  try {
    return await saving;
  } finally {
    if (queues.get(target) === saving) queues.delete(target);
  }
}

async function withFileLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lock = `${target}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A folder that takes no new file (replace-file writes in place there): this process's queue is the only guard.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return work();
      if (code !== 'EEXIST') throw err;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > LOCK_STALE_MS) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw configEditLocked(target, lock);
      else await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
