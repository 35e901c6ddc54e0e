/**
 * The gate's front door: read rule files, parse, report, compile. For hot reload call it again and
 * swap the gate only when it resolves: it throws (WARDEN_SIGNATURES_RULESET_INVALID) when a file
 * cannot be read, or, with `strict`, when any rule is rejected, so a bad file leaves the old set in force.
 */
import { resolve } from 'node:path';
import type { RuleEffect } from './types.js';
import type { Flavour, Rule, RuleAction } from './rule.js';
import type { AhoCorasick } from './compile/aho-corasick.js';
import { ruleKey } from './rule.js';
import type { ImportReport } from './report.js';
import type { CompiledSignatureGate, CompileRulesOptions, RuleWeight } from './compile/compile-rules.js';
import { DEFAULT_ACTION_EFFECTS, compileRules, compileRulesInTurns } from './compile/compile-rules.js';
import { readRuleSources, type RuleSource } from './read-rule-files.js';
import { importRuleSources, importRuleSourcesInTurns } from './import-rules.js';
import { ruleSetInvalid } from './errors.js';

export interface RuleFileConfig {
  /** A rule file, or a directory whose `*.rules` files all take this configuration. */
  path: string;
  flavour?: Flavour;
  /** Action → effect for this file, over the set-wide mapping. */
  actions?: Partial<Record<RuleAction, RuleEffect>>;
  /** Per-rule overrides keyed by `gid:sid` (`1:2019728`): an effect, or 'disabled'. */
  rules?: Readonly<Record<string, RuleEffect | 'disabled'>>;
}

export interface LoadRuleSetOptions {
  /** Per-file settings; files not listed use the set-wide ones. */
  files?: RuleFileConfig[];
  /** Set-wide action → effect mapping over DEFAULT_ACTION_EFFECTS. */
  actions?: Partial<Record<RuleAction, RuleEffect>>;
  flavour?: Flavour;
  /** Snort variable overrides, e.g. `{ HTTP_PORTS: '[80,8080]', HOME_NET: '10.0.0.0/8' }`. */
  variables?: Record<string, string>;
  servedPorts?: number[];
  /** Refuse the whole set when any rule is rejected. */
  strict?: boolean;
  /** Calibrated weights of suspicious rules by `gid:sid` (the tuning sidecar's). */
  weights?: Readonly<Record<string, RuleWeight>>;
  /** Rules already in the set these files join: duplicates of them are resolved and reported, they are not compiled. */
  loaded?: readonly Rule[];
  /** The files' text as read before (an inspection thread builds from the event loop's read, not the disk's). */
  sources?: readonly RuleSource[];
  now?: () => number;
  /**
   * A turn of the event loop, awaited between the import and the compilation and between pieces of the
   * compilation (compileRulesInTurns): a server reloading its rules keeps serving meanwhile. Without
   * it the set is built at once.
   */
  pause?: () => Promise<void>;
  /** With `pause`: builds a prefilter automaton off the event loop (automaton-builder.ts). */
  buildAutomaton?: (patterns: string[]) => Promise<AhoCorasick>;
}

export interface LoadedRuleSet {
  gate: CompiledSignatureGate;
  report: ImportReport;
  rules: Rule[];
  /** What was read: the text each rule came from. */
  sources: readonly RuleSource[];
}

export async function loadRuleSet(paths: readonly string[], options: LoadRuleSetOptions = {}): Promise<LoadedRuleSet> {
  const sources = options.sources ?? (await readRuleSources(paths));
  // Once per file, not per rule: resolving every entry's path for each of a pack set's ~30,000 rules, twice,
  // was ~90 ms of a reload on the event loop (a CPU profile at load 5).
  const entries = (options.files ?? []).map((f) => ({ config: f, path: resolve(f.path) }));
  const configs = new Map<string, RuleFileConfig | undefined>();
  const configOf = (file: string): RuleFileConfig | undefined => {
    if (configs.has(file)) return configs.get(file);
    const abs = resolve(file);
    const config = entries.find((f) => abs === f.path || abs.startsWith(`${f.path}/`))?.config;
    configs.set(file, config);
    return config;
  };
  const flavours: Record<string, Flavour> = {};
  for (const s of sources) {
    const flavour = configOf(s.file)?.flavour;
    if (flavour) flavours[s.file] = flavour;
  }
  const importOptions = { flavour: options.flavour, flavours, variables: options.variables, servedPorts: options.servedPorts, loaded: options.loaded };
  const { rules, report } = options.pause === undefined ? importRuleSources(sources, importOptions) : await importRuleSourcesInTurns(sources, importOptions, options.pause);
  if (options.strict) {
    const rejected = report.entries.filter((e) => e.status === 'rejected');
    if (rejected.length > 0) throw ruleSetInvalid(rejected.slice(0, 20).map((e) => `${e.file}:${e.line} ${e.reason ?? ''}`));
  }
  const setWide = { ...DEFAULT_ACTION_EFFECTS, ...options.actions };
  const active = rules.filter((r) => configOf(r.location.file)?.rules?.[ruleKey(r)] !== 'disabled');
  const compileOptions: CompileRulesOptions = {
    now: options.now,
    weightOf: options.weights === undefined ? undefined : (rule) => options.weights![ruleKey(rule)],
    effectOf: (rule) => {
      const config = configOf(rule.location.file);
      const override = config?.rules?.[ruleKey(rule)];
      if (override && override !== 'disabled') return override;
      return config?.actions?.[rule.header.action] ?? setWide[rule.header.action];
    },
  };
  let gate: CompiledSignatureGate;
  if (options.pause === undefined) gate = compileRules(active, compileOptions);
  else {
    await options.pause();
    gate = await compileRulesInTurns(active, compileOptions, options.pause, options.buildAutomaton);
  }
  for (const failure of gate.stats.failed) {
    const entry = report.entries.find((e) => e.gid === failure.gid && e.sid === failure.sid && e.status !== 'rejected');
    if (entry) Object.assign(entry, { status: 'rejected', reason: `compile failed: ${failure.reason}`, code: 'WARDEN_SIGNATURES_COMPILE' });
  }
  return { gate, report, rules: active, sources };
}
