/**
 * File-system edge of the importer: expands directories to their `*.rules` files (an unpacked vendor
 * pack keeps them in `rules/`, so sub-folders are walked, a few levels deep) and rule packs (`.tar.gz`)
 * to their `*.rules` members, and reads them as latin1.
 *
 * A reload reads every file again, but what did not change is not decoded again: the bytes read are
 * compared with the last read's (a memcmp, ~1-2 ms for the ~15 MB of the ET Open and Snort 3 packs), an
 * archive's compressed bytes likewise, so an unchanged pack is neither gunzipped nor split nor decoded,
 * and its sources come back as the same strings with their digests (the parse cache then compares
 * strings by identity). Content, not mtime and size: Linux stamps files from a clock that ticks every
 * few ms, so two same-size edits a test or a script makes in one tick carry one mtime.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileError } from './report.js';
import { textDigest } from '../build-memo.js';
import { ruleFileUnreadable, ruleSetInvalid } from './errors.js';
import { isRulePackPath, readRulePackBytes } from './packs/read-rule-pack.js';

export interface RuleSource {
  file: string;
  text: string;
  /** SHA-256 of `text` (build-memo's textDigest), when the reader computed it. */
  digest?: string;
}

/** The last read of each path (a rule file, or a pack archive): its bytes and the sources made from them. */
let lastRead = new Map<string, { bytes: Buffer; sources: RuleSource[] }>();

/** The rule files' text, or WARDEN_SIGNATURES_RULESET_INVALID naming every file that could not be read. */
export async function readRuleSources(paths: readonly string[]): Promise<RuleSource[]> {
  const { sources, errors } = await readRuleFiles(paths);
  if (errors.length > 0) throw ruleSetInvalid(errors.map((e) => e.message));
  return sources;
}

export async function readRuleFiles(paths: readonly string[]): Promise<{ sources: RuleSource[]; errors: FileError[] }> {
  const sources: RuleSource[] = [];
  const errors: FileError[] = [];
  const readNow = new Map<string, { bytes: Buffer; sources: RuleSource[] }>();
  // Same bytes as the last read (or as this read's, a path listed twice): the same sources; else made now.
  const sourcesOf = async (file: string, make: (bytes: Buffer) => Promise<RuleSource[]>): Promise<RuleSource[]> => {
    const bytes = await readFile(file);
    const known = readNow.get(file) ?? lastRead.get(file);
    const made = known !== undefined && known.bytes.equals(bytes) ? known.sources : await make(bytes);
    readNow.set(file, { bytes, sources: made });
    return made;
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isFile() && isRulePackPath(path)) {
        sources.push(...(await sourcesOf(path, async (bytes) => (await readRulePackBytes(path, bytes)).map(withDigest))));
        continue;
      }
      const files = info.isDirectory() ? await listRuleFiles(path, 0) : [path];
      for (const file of files) sources.push(...(await sourcesOf(file, async (bytes) => [withDigest({ file, text: bytes.toString('latin1') })])));
    } catch (err) {
      const e = ruleFileUnreadable(path, (err as Error).message);
      errors.push({ file: path, code: e.code, message: e.message });
    }
  }
  lastRead = readNow;
  return { sources, errors };
}

function withDigest(source: RuleSource): RuleSource {
  return { ...source, digest: textDigest(source.text) };
}

/** Deep enough for `pack/rules/*.rules` and vendor variants, shallow enough that `/` is not a rule directory. */
const MAX_DEPTH = 3;

async function listRuleFiles(dir: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.rules') && !e.name.startsWith('._')) files.push(join(dir, e.name));
    else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.')) files.push(...(await listRuleFiles(join(dir, e.name), depth + 1)));
  }
  return files;
}
