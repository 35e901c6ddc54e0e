/**
 * File-system edge of the importer: expands directories to their `*.rules` files and rule packs
 * (`.tar.gz`) to their `*.rules` members, and reads them as latin1.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileError } from './report.js';
import { ruleFileUnreadable } from './errors.js';
import { isRulePackPath, readRulePack } from './packs/read-rule-pack.js';

export interface RuleSource {
  file: string;
  text: string;
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
      const files = info.isDirectory()
        ? (await readdir(path)).filter((f) => f.endsWith('.rules')).sort().map((f) => join(path, f))
        : [path];
      for (const file of files) sources.push({ file, text: await readFile(file, 'latin1') });
    } catch (err) {
      const e = ruleFileUnreadable(path, (err as Error).message);
      errors.push({ file: path, code: e.code, message: e.message });
    }
  }
  return { sources, errors };
}
