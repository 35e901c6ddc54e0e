/**
 * Parses a set of rule files into one list of rules plus the import report. Pure: file contents come
 * in (see read-rule-files.ts for the I/O). Duplicate gid:sid across the set, or with `loaded` rules
 * already in it: see resolve-duplicate-sids.ts (highest rev wins, then load order; both reported).
 */
import type { Flavour, Rule } from './rule.js';
import type { FileError, ImportReport } from './report.js';
import type { RuleSource } from './read-rule-files.js';
import { parseRuleFile } from './parse-rule-file.js';
import { defaultVariables } from './variables.js';
import { resolveDuplicateSids } from './resolve-duplicate-sids.js';

export interface ImportRulesOptions {
  /** Variable overrides on top of snort.conf's defaults, e.g. `{ HTTP_PORTS: '[80,8080]' }`. */
  variables?: Readonly<Record<string, string>>;
  /** Ports Warden serves; default: the expansion of $HTTP_PORTS. */
  servedPorts?: readonly number[];
  /** Flavour per file path (as given), overriding detection. */
  flavours?: Readonly<Record<string, Flavour>>;
  /** Flavour for every file not listed in `flavours`. */
  flavour?: Flavour;
  /**
   * Rules already in the set these files join (the bundled rules, the config's files), loaded before
   * them: a gid:sid reused from one of them is resolved as the proxy would and reported. Not returned.
   */
  loaded?: readonly Rule[];
}

export interface ImportedRules {
  rules: Rule[];
  report: ImportReport;
}

export function importRuleSources(sources: readonly RuleSource[], options: ImportRulesOptions = {}, fileErrors: FileError[] = []): ImportedRules {
  const variables = defaultVariables();
  for (const [name, value] of Object.entries(options.variables ?? {})) variables.set(name, value);
  const report: ImportReport = { entries: [], files: [], errors: [...fileErrors] };
  let rules: Rule[] = [];
  for (const source of sources) {
    const parsed = parseRuleFile(source.text, {
      file: source.file,
      flavour: options.flavours?.[source.file] ?? options.flavour,
      variables,
      servedPorts: options.servedPorts,
    });
    rules = rules.concat(parsed.rules);
    report.entries.push(...parsed.entries);
    report.files.push(parsed.file);
  }
  return { rules: resolveDuplicateSids(rules, report.entries, options.loaded), report };
}
