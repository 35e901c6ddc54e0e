import type { Flavour, Rule } from '../../src/signatures/rule.js';
import type { RuleReportEntry } from '../../src/signatures/report.js';
import { parseRuleFile } from '../../src/signatures/parse-rule-file.js';
import { defaultVariables } from '../../src/signatures/variables.js';

export function parseText(text: string, flavour?: Flavour): { rules: Rule[]; entries: RuleReportEntry[]; flavour: Flavour } {
  const parsed = parseRuleFile(text, { file: 'test.rules', flavour, variables: defaultVariables() });
  return { rules: parsed.rules, entries: parsed.entries, flavour: parsed.file.flavour };
}

/** Parses one rule that must be accepted. */
export function parseOne(text: string, flavour?: Flavour): Rule {
  const { rules, entries } = parseText(text, flavour);
  if (rules.length !== 1) throw new Error(`expected one accepted rule, got ${JSON.stringify(entries)}`);
  return rules[0];
}

export function entryFor(text: string, flavour?: Flavour): RuleReportEntry {
  const { entries } = parseText(text, flavour);
  if (entries.length !== 1) throw new Error(`expected one entry, got ${entries.length}`);
  return entries[0];
}

export const HTTP = 'alert tcp $EXTERNAL_NET any -> $HOME_NET $HTTP_PORTS';
