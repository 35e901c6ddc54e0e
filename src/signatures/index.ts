/** Public surface of the signature gate (gate 1). */
export { loadRuleSet } from './load-rule-set.js';
export type { LoadRuleSetOptions, LoadedRuleSet, RuleFileConfig } from './load-rule-set.js';
export { compileRules, DEFAULT_ACTION_EFFECTS } from './compile/compile-rules.js';
export type { CompileRulesOptions, CompiledSignatureGate, CompiledRuleSetStats } from './compile/compile-rules.js';
export { importRuleSources } from './import-rules.js';
export type { ImportRulesOptions, ImportedRules } from './import-rules.js';
export { readRuleFiles } from './read-rule-files.js';
export { parseRuleFile } from './parse-rule-file.js';
export { countStatuses } from './report.js';
export type { ImportReport, RuleReportEntry, RuleStatus, FileReport } from './report.js';
export type { Rule, Flavour, RuleAction } from './rule.js';
export type { SignatureGate, SignatureHit, SignatureResult, RuleEffect } from './types.js';
