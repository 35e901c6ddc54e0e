/**
 * File-system edge of the importer: expands directories to their `*.rules` files (an unpacked vendor
 * pack keeps them in `rules/`, so sub-folders are walked, a few levels deep) and rule packs (`.tar.gz`)
 * to their `*.rules` members, and reads them as latin1.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileError } from './report.js';
import { ruleFileUnreadable, ruleSetInvalid } from './errors.js';
import { isRulePackPath, readRulePack } from './packs/read-rule-pack.js';

export interface RuleSource {
  file: string;
  text: string;
}

/** The rule files' text, or WARDEN_SIGNATURES_RULESET_INVALID naming every file that could not be read. */
export async function readRuleSources(paths: readonly string[]): Promise<RuleSource[]> {
  const { sources, errors } = await readRuleFiles(paths);
  if (errors.length > 0) throw ruleSetInvalid(errors.map((e) => e.message));
  return sources;
}

export async function readRuleFiles(paths: readonly string[]): Promise<{ sources: RuleSource[]; errors: FileError[] }> {
  const sources: RuleSource[] = [];
  const errors: FileError[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isFile() && isRulePackPath(path)) {
        sources.push(...(await readRulePack(path)));
        continue;
      }
      const files = info.isDirectory() ? await listRuleFiles(path, 0) : [path];
      for (const file of files) sources.push({ file, text: await readFile(file, 'latin1') });
    } catch (err) {
      const e = ruleFileUnreadable(path, (err as Error).message);
      errors.push({ file: path, code: e.code, message: e.message });
    }
  }
  return { sources, errors };
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
