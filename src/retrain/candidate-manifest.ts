/**
 * What is promoted is what was trained: `MANIFEST.json` in a candidate directory lists the SHA-256 of
 * every file the training run wrote. `warden promote` copies the candidate, checks the copy against the
 * manifest (a changed, missing or added file — a `profiles.json` slipped in after training — refuses),
 * and only then runs the promotion gate on that copy, which is the directory that goes live.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { candidateTampered } from './errors.js';

export const MANIFEST_FILE = 'MANIFEST.json';
const FORMAT = 'warden-model-manifest';
/** Files a model directory cannot go live without. */
const REQUIRED = ['model.json'];

interface Manifest {
  format: typeof FORMAT;
  formatVersion: 1;
  files: Record<string, string>;
}

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === MANIFEST_FILE) continue;
    if (!entry.isFile()) {
      out[entry.name] = 'not a regular file';
      continue;
    }
    out[entry.name] = createHash('sha256').update(await readFile(join(dir, entry.name))).digest('hex');
  }
  return out;
}

/** Writes the manifest of everything now in `dir` (call last, after every file is written). */
export async function writeManifest(dir: string): Promise<void> {
  const manifest: Manifest = { format: FORMAT, formatVersion: 1, files: await fileHashes(dir) };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
}

/** Throws WARDEN_RETRAIN_CANDIDATE_HASH unless `dir` holds exactly the manifest's files with its hashes. */
export async function verifyManifest(dir: string): Promise<void> {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not JSON';
    throw candidateTampered(dir, `${MANIFEST_FILE} is ${why} (models from 'warden train' carry one)`);
  }
  if (manifest.format !== FORMAT || typeof manifest.files !== 'object' || manifest.files === null) throw candidateTampered(dir, `${MANIFEST_FILE} is not a ${FORMAT}`);
  const listed = manifest.files;
  const actual = await fileHashes(dir);
  for (const name of REQUIRED) if (!(name in listed)) throw candidateTampered(dir, `${MANIFEST_FILE} does not list ${name}`);
  for (const [name, hash] of Object.entries(listed)) {
    if (!(name in actual)) throw candidateTampered(dir, `${name} is missing`);
    if (actual[name] !== hash) throw candidateTampered(dir, `${name} does not match its sha256`);
  }
  for (const name of Object.keys(actual)) if (!(name in listed)) throw candidateTampered(dir, `${name} is not in ${MANIFEST_FILE} (added after training)`);
}
