/**
 * Parses a set of rule files into one list of rules plus the import report. Pure: file contents come
 * in (see read-rule-files.ts for the I/O). Duplicate gid:sid across the set: highest rev wins, the
 * loser is reported as rejected with WARDEN_SIGNATURES_DUPLICATE_SID.
 */
import type { Flavour, Rule } from './rule.js';
import { ruleKey } from './rule.js';
import type { FileError, ImportReport, RuleReportEntry } from './report.js';
import type { RuleSource } from './read-rule-files.js';
import { parseRuleFile } from './parse-rule-file.js';
import { defaultVariables } from './variables.js';
import { ruleDuplicateSid } from './errors.js';

export interface ImportRulesOptions {
  /** Variable overrides on top of snort.conf's defaults, e.g. `{ HTTP_PORTS: '[80,8080]' }`. */
  variables?: Readonly<Record<string, string>>;
  /** Ports Warden serves; default: the expansion of $HTTP_PORTS. */
  servedPorts?: readonly number[];
  /** Flavour per file path (as given), overriding detection. */
  flavours?: Readonly<Record<string, Flavour>>;
  /** Flavour for every file not listed in `flavours`. */
  flavour?: Flavour;
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
  return { rules: keepHighestRevisions(rules, report.entries), report };
}

function keepHighestRevisions(rules: readonly Rule[], entries: RuleReportEntry[]): Rule[] {
  const winners = new Map<string, Rule>();
  const losers: Rule[] = [];
  for (const rule of rules) {
    const key = ruleKey(rule);
    const current = winners.get(key);
    if (!current) winners.set(key, rule);
    else if (rule.rev > current.rev) {
      losers.push(current);
      winners.set(key, rule);
    } else losers.push(rule);
  }
  if (losers.length === 0) return [...rules];
  const byLocation = new Map<string, RuleReportEntry>();
  for (const entry of entries) byLocation.set(`${entry.file}:${entry.line}`, entry);
  for (const loser of losers) {
    const winner = winners.get(ruleKey(loser));
    const entry = byLocation.get(`${loser.location.file}:${loser.location.line}`);
    if (!winner || !entry) continue;
    const err = ruleDuplicateSid(ruleKey(loser), `rev ${winner.rev} at ${winner.location.file}:${winner.location.line}`);
    entry.status = 'rejected';
    entry.reason = err.message;
    entry.code = err.code;
  }
  const kept = new Set(winners.values());
  return rules.filter((r) => kept.has(r));
}
