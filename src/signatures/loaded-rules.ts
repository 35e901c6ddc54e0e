/**
 * The rules a checked or imported file joins (the bundled set, the config's files), parsed with the
 * same importer so a gid:sid it reuses is reported as the proxy would resolve it
 * (resolve-duplicate-sids.ts). A file that is itself being checked is left out, so checking the
 * bundled directory reports nothing against itself; so is every file of a checked directory or pack
 * (re-importing a directory already in rules.files reported each of its rules as a duplicate of itself).
 */
import { resolve } from 'node:path';
import type { Rule } from './rule.js';
import { readRuleFiles } from './read-rule-files.js';
import { importRuleSources, type ImportRulesOptions } from './import-rules.js';

export async function readLoadedRules(paths: readonly string[], checkedFiles: readonly string[], options: Omit<ImportRulesOptions, 'loaded'> = {}): Promise<Rule[]> {
  const checked = checkedFiles.map((f) => resolve(f));
  const isChecked = (file: string): boolean => checked.some((c) => file === c || file.startsWith(`${c}/`));
  // An unreadable file of the existing set is the proxy's problem to report, not this check's.
  const { sources } = await readRuleFiles(paths);
  return importRuleSources(sources.filter((s) => !isChecked(resolve(s.file))), options).rules;
}
