/**
 * What the rule loader is given for a config: the paths (bundled set first) and the per-file settings,
 * with the tuning sidecar's per-rule effects merged into every file's `rules` map. A file's own
 * `rules: { "1:2019728": ... }` in the config wins over the sidecar: it is the operator's word for
 * that file, the sidecar is a measurement (its `pinned` map is the operator's word for the whole set).
 */
import { resolve } from 'node:path';
import type { RuleFileConfig } from '../load-rule-set.js';
import type { Rule, RuleAction } from '../rule.js';
import { ruleKey } from '../rule.js';
import type { RuleEffect } from '../types.js';
import { DEFAULT_ACTION_EFFECTS } from '../compile/compile-rules.js';
import type { TunedEffect } from './tuning-file.js';
import type { RuleWeight } from '../compile/compile-rules.js';

export interface RulesSection {
  bundled: boolean;
  files: readonly (string | RuleFileConfig)[];
}

export function ruleSetInputs(
  rules: RulesSection,
  bundledPath: string,
  tuned: Readonly<Record<string, TunedEffect>> = {},
  tunedWeights: Readonly<Record<string, RuleWeight>> = {},
): { paths: string[]; files: RuleFileConfig[]; weights: Record<string, RuleWeight> } {
  const paths: string[] = [];
  const files: RuleFileConfig[] = [];
  const hasTuning = Object.keys(tuned).length > 0;
  const add = (entry: RuleFileConfig): void => {
    paths.push(entry.path);
    // The sidecar's map itself when the entry sets no rule of its own: copied into each entry it was ~40 ms
    // of every reload with a pack set's sidecar (~10,000 rules), on the event loop.
    if (hasTuning) files.push({ ...entry, rules: entry.rules === undefined ? tuned : { ...tuned, ...entry.rules } });
    else if (entry.flavour !== undefined || entry.actions !== undefined || entry.rules !== undefined) files.push(entry);
  };
  if (rules.bundled) add({ path: bundledPath });
  for (const f of rules.files) add(typeof f === 'string' ? { path: f } : f);
  // A rule the config's own per-file map sets is the operator's: no learned weight applies to it.
  const weights: Record<string, RuleWeight> = {};
  for (const [key, w] of Object.entries(tunedWeights)) {
    if (!rules.files.some((f) => typeof f !== 'string' && f.rules?.[key] !== undefined)) weights[key] = w;
  }
  return { paths, files, weights };
}

/**
 * The effect the loader gives a rule under these inputs (load-rule-set.ts's order: the file's per-rule
 * override, the file's action mapping, the set-wide mapping, Snort's default).
 */
export function configuredEffect(
  rule: Rule,
  files: readonly RuleFileConfig[],
  setWide: Partial<Record<RuleAction, RuleEffect>>,
): RuleEffect | 'disabled' {
  const abs = resolve(rule.location.file);
  const config = files.find((f) => {
    const p = resolve(f.path);
    return abs === p || abs.startsWith(`${p}/`);
  });
  return config?.rules?.[ruleKey(rule)] ?? config?.actions?.[rule.header.action] ?? setWide[rule.header.action] ?? DEFAULT_ACTION_EFFECTS[rule.header.action];
}
