/**
 * The one way the editors of an operator's config change it (the admin listener's `PUT /config`,
 * `warden keys`, `rules import`, `rules tune --write`): `editConfigDocument` reads the file as a YAML
 * document (comments and layout kept), refuses one that is not YAML (WARDEN_CONFIG_UNPARSABLE) or not a
 * mapping, applies the edit, and saves the result only when it is a valid config (WARDEN_CONFIG_INVALID,
 * the messages of `warden config check`) and the file is still at the version read. Until session 32
 * each editor did these steps its own way: `rules tune --write` neither refused a file broken meanwhile
 * nor validated what it wrote, and the four reported a bad file with four different errors.
 *
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
import { resolve } from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { replaceFile } from './replace-file.js';
import { configEditConflict, configEditLocked, configFileUnparsable, configInvalid } from './errors.js';
import { CONFIG_EDIT_FORMAT } from './edit-format.js';
import { validateWardenConfig } from './load-config.js';
import type { WardenConfig } from './types.js';

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

/**
 * A config text as a YAML document, comments kept. Refuses what `warden config check` refuses before
 * the schema: a text that is not YAML (WARDEN_CONFIG_UNPARSABLE) and a top level that is not a mapping.
 * An empty file, or one of comments only, is the empty mapping (an editor may add the first key).
 */
export function parseConfigDocument(file: string, text: string): Document {
  const doc = text.trim() === '' ? new Document({}) : parseDocument(text);
  if (doc.errors.length > 0) throw configFileUnparsable(file, doc.errors[0].message);
  if (doc.contents === null) doc.contents = doc.createNode({}) as Document['contents'];
  if (!isMap(doc.contents)) throw configInvalid(file, ['(top level): must be a mapping of keys to values']);
  return doc;
}

/** The document as a config, checked by the schema as `warden config check` checks it (WARDEN_CONFIG_INVALID names every bad key). */
export function validateConfigDocument(file: string, doc: Document): WardenConfig {
  return validateWardenConfig(doc.toJS() ?? {}, file);
}

/** The config file as a document and the version a save of its edit names; a missing file is the empty mapping. */
export async function readConfigDocument(file: string): Promise<{ doc: Document; version: string }> {
  const { text, version } = await readConfigForEdit(file);
  return { doc: parseConfigDocument(file, text), version };
}

/**
 * Saves `text` (the whole config, as the editor made it) if it is YAML and a valid config and the file
 * is still at `readVersion`: the refusals every editor shares, nothing written on any of them.
 */
export async function saveConfigText(file: string, text: string, readVersion: string): Promise<string> {
  validateConfigDocument(file, parseConfigDocument(file, text));
  return saveConfigEdit(file, text, readVersion);
}

/**
 * Reads the config, lets `edit` change the document in place (it may answer a result, and may refuse by
 * throwing), then saves it against the version read. An edit that leaves the text as it was writes
 * nothing (`saved: false`).
 */
export async function editConfigDocument<T>(
  file: string,
  edit: (doc: Document) => T | Promise<T>,
): Promise<{ result: T; saved: boolean; version: string }> {
  const { doc, version } = await readConfigDocument(file);
  const before = doc.toString(CONFIG_EDIT_FORMAT);
  const result = await edit(doc);
  const text = doc.toString(CONFIG_EDIT_FORMAT);
  if (text === before) return { result, saved: false, version };
  return { result, saved: true, version: await saveConfigText(file, text, version) };
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
  // Queued before any await, so saves in this process run in the order they were made (keyed by a
  // realpath first, two saves sent together swapped places when the two lookups finished out of order
  // under load). Two names of one file (a symlink) queue apart; the lock file still orders them.
  const key = resolve(file);
  const before = queues.get(key) ?? Promise.resolve();
  const saving = before.catch(() => undefined).then(async () => {
    const target = await realpath(file).catch(() => file);
    return withFileLock(target, async () => {
      const now = await readConfigForEdit(target);
      if (now.version !== readVersion) throw configEditConflict(file, readVersion.slice(0, 12), now.version.slice(0, 12));
      await replaceFile(file, text);
      return configVersion(Buffer.from(text, 'utf8'));
    });
  });
  queues.set(key, saving);
  try {
    return await saving;
  } finally {
    if (queues.get(key) === saving) queues.delete(key);
  }
}

/*
 * The lock is this module's own, not proper-lockfile's (checked 2026-12-07, session 32: `npm install
 * proper-lockfile` works here, with graceful-fs, retry and signal-exit): a save holds it for the
 * milliseconds of one compare and rename, so proper-lockfile's mtime refresh has nothing to do, and its
 * one gain, removing the lock when the process dies of a signal, is covered by the 30 s takeover.
 * Three runtime dependencies for that, and a lock directory an older Warden's `rm` of a stale lock file
 * cannot remove, were not worth it.
 */
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
