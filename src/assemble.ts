import type { WardenConfig } from './config/types.js';
import type { GateSet, InspectionGates } from './pipeline.js';
import type { WardenMetrics } from './log/metrics.js';
import { createDecisionMaker } from './decision/combine.js';
import { createReputation } from './reputation/create-store.js';
import { storeForThisProcess } from './reputation/cluster-store.js';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadSchemaGate } from './schema/index.js';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';
import { loadRuleSet, type LoadedRuleSet, type LoadRuleSetOptions } from './signatures/load-rule-set.js';
import { startAutomatonBuilder } from './signatures/compile/automaton-builder.js';
import { PREFILTER_AUTOMATON_OPTIONS } from './signatures/compile/prefilter.js';
import { ruleSetInputs } from './signatures/tune/rule-set-inputs.js';
import { loadTuningFile, tunedEffects, tunedWeights, type TuningFile } from './signatures/tune/tuning-file.js';
import { readRuleSources, type RuleSource } from './signatures/read-rule-files.js';
import type { ImportReport } from './signatures/report.js';
import { BuildMemo, digestOf, textDigest } from './build-memo.js';
import { countOutbound, countStatuses } from './signatures/report.js';
import { servedPortsOf } from './signatures/served-ports.js';
import { loadPayloadModel } from './model/load.js';
import { createModelGate } from './model/gate.js';
import { unavailableModelGate } from './model/unavailable-gate.js';
import { readProfiles } from './retrain/field-profiles.js';
import { createProfiledGate } from './retrain/profiled-gate.js';
import { buildAccessControl } from './access/access-control.js';

/** Shipped with the package: `signatures/` and `models/` beside `src/` (and `dist/`). */
export const BUNDLED_RULES = fileURLToPath(new URL('../signatures/', import.meta.url));
export const SHIPPED_MODEL = fileURLToPath(new URL('../models/payload-v1/', import.meta.url));

/**
 * The model directory the config selects: `model.path` when set; else `<model.store>/current` when
 * `warden promote` has pointed it somewhere (read at every start-up and reload, so a promotion or
 * rollback reaches the running proxy with a reload and no config change); else the shipped model.
 * The link is resolved once here, so one load never mixes files of two models.
 */
export function configuredModelDir(config: Pick<WardenConfig, 'model'>): string {
  if (config.model.path !== '') return config.model.path;
  try {
    return realpathSync(resolve(config.model.store, 'current'));
  } catch {
    return SHIPPED_MODEL;
  }
}

/** The slice of a pino logger assembly needs (fields first, message second, as pino takes them). */
export interface AssemblyLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** An assembly log for offline commands: info dropped, warnings and errors to `err`, errors also kept. */
export function quietLog(err?: (s: string) => void): AssemblyLog & { failures: string[] } {
  const failures: string[] = [];
  return {
    failures,
    info: () => undefined,
    warn: (_f, m) => err?.(m),
    error: (f, m) => {
      failures.push(`${m} (${(f as { reason?: string }).reason ?? ''})`);
      err?.(m);
    },
  };
}

/** The gates a reload rebuilds (rules, model, schema, and the decision that reads the model's operating point); reputation keeps its state. */
export type ReloadableGates = Pick<GateSet, 'signatures' | 'model' | 'schema' | 'decision' | 'access'>;

/** Access control (keys, lists, JWT): rebuilt on reload, so rotating a key is an edit and a reload. */
async function buildAccess(config: WardenConfig, log: AssemblyLog, metrics: WardenMetrics): Promise<{ access: GateSet['access']; described: string }> {
  const access = await buildAccessControl(config.access, {
    clientCertificates: config.tls?.clientCertificates != null,
    onReload: (what, source, entries) => {
      metrics.reloads.inc({ what, outcome: 'ok' });
      log.info({ event: 'reload', what, source, entries }, `${what} reloaded`);
    },
    onError: (what, source, err) => {
      metrics.reloads.inc({ what, outcome: 'failed' });
      log.error({ event: 'reload', what, source, code: (err as { code?: string }).code, reason: err.message }, `${what} could not be reloaded; the previous one stays in force`);
    },
  });
  if (access === null) return { access: null, described: 'off' };
  const a = config.access;
  const parts = [
    Array.isArray(a.ipAllow) ? (a.ipAllow.length > 0 ? `allow ${a.ipAllow.length}` : '') : `allow ${a.ipAllow.file}`,
    Array.isArray(a.ipDeny) ? (a.ipDeny.length > 0 ? `deny ${a.ipDeny.length}` : '') : `deny ${a.ipDeny.file}`,
    a.apiKeys !== null ? `${a.apiKeys.keys.length} API keys` : '',
    a.jwt !== null ? `JWT ${a.jwt.algorithms.join('/')}` : '',
    `${a.routes.length} routes`,
  ];
  return { access, described: parts.filter((p) => p !== '').join(', ') };
}

/** A compiled rule set's report, kept with it for a reload that reuses it (it logs the same warnings). */
const builtRuleSets = new BuildMemo<ImportReport>();

/** A turn of the event loop between pieces of a rule set's build: a reload's build shares the loop with the traffic it serves. */
const nextTurn = (): Promise<void> => setImmediatePromise();

/**
 * `loadRuleSet` in turns of the event loop, its prefilter automata built on a worker thread (on the
 * event loop's thread; an inspection thread builds its own copy in turns): a reload's build no longer
 * holds the loop the proxy serves from.
 */
async function loadRuleSetOffLoop(paths: readonly string[], options: LoadRuleSetOptions): Promise<LoadedRuleSet> {
  if (!isMainThread) return loadRuleSet(paths, { ...options, pause: nextTurn });
  const builder = startAutomatonBuilder(PREFILTER_AUTOMATON_OPTIONS);
  try {
    return await loadRuleSet(paths, { ...options, pause: nextTurn, buildAutomaton: (patterns) => builder.build(patterns) });
  } finally {
    await builder.close();
  }
}

async function buildSignatureGate(
  config: WardenConfig,
  log: AssemblyLog,
  metrics: WardenMetrics,
  given: InspectionInputs | undefined,
  previous: GateSet['signatures'] | undefined,
): Promise<{ gate: GateSet['signatures']; described: string; tuning: TuningFile | null; tuningDigest: string | null; ruleSources: readonly RuleSource[] }> {
  // A bad sidecar throws like a bad rule file: start-up refuses, a reload keeps the rules in force.
  const loaded = given !== undefined ? { tuning: given.tuning, digest: given.tuningDigest } : config.rules.tuning === '' ? { tuning: null, digest: null } : await loadTuningFile(config.rules.tuning);
  const { tuning, digest: tuningDigest } = loaded;
  const { paths, files, weights } = ruleSetInputs(config.rules, BUNDLED_RULES, tuning === null ? {} : tunedEffects(tuning), tuning === null ? {} : tunedWeights(tuning));
  if (paths.length === 0) {
    metrics.rulesLoaded.set(0);
    return { gate: null, described: 'off', tuning, tuningDigest, ruleSources: [] };
  }
  // A file that cannot be read throws: start-up refuses, a reload keeps the rules in force.
  const ruleSources = given?.ruleSources ?? (await readRuleSources(paths));
  const settings = {
    files,
    actions: config.rules.actions,
    flavour: config.rules.flavour === 'auto' ? undefined : config.rules.flavour,
    variables: config.rules.variables,
    servedPorts: servedPortsOf(config),
    strict: config.rules.strict,
    weights,
  };
  // The same files with the same settings compile to the same gate: a reload keeps the one it has. The
  // settings are digested as the config and the sidecar's bytes give them, not as merged (the sidecar's
  // ~10,000 rules copied into every file's map: ~200 ms of JSON on the event loop per reload).
  const digest = digestOf({
    sources: ruleSources.map((s) => [s.file, s.digest ?? textDigest(s.text)]),
    rules: { ...config.rules, tuning: tuning === null ? null : (tuningDigest ?? digestOf(tuning)) },
    bundled: BUNDLED_RULES,
    servedPorts: settings.servedPorts,
  });
  const kept = builtRuleSets.reuse(previous, digest);
  const { gate, report, sources } = kept !== null ? { gate: kept.gate, report: kept.value, sources: ruleSources } : await loadRuleSetOffLoop(paths, { ...settings, sources: ruleSources });
  if (kept === null) builtRuleSets.remember(gate, digest, report);
  const counts = countStatuses(report.entries);
  const rejected = report.entries.filter((e) => e.status === 'rejected');
  if (rejected.length > 0) {
    log.warn(
      { event: 'rules', rejected: rejected.length, examples: rejected.slice(0, 5).map((e) => `${e.file}:${e.line} sid ${e.sid}: ${e.reason ?? ''}`) },
      `${rejected.length} rules rejected at import (run 'warden rules check' for the full report)`,
    );
  }
  metrics.rulesLoaded.set(gate.ruleCount);
  // The ports are an input of the set as much as the files: a pack rule aimed at a port (`-> any 32771:34000`,
  // `[1024:5000,49152:]`) loads only where Warden listens or its upstream listens there. Two servers with the
  // same files on other ports load other rules (a bench on random ports: 8,376 rules in one run, 8,378 in the next).
  const described = `${gate.ruleCount} rules (${counts.accepted} accepted, ${counts.warning} with warnings, ${counts.rejected} rejected, ${counts.skipped} skipped, ${countOutbound(report.entries)} of them outbound; read for ports ${settings.servedPorts.join(', ')})`;
  return { gate, described, tuning, tuningDigest, ruleSources: sources };
}

/** A loaded model gate's operating point and description, kept with it for a reload that reuses it. */
const builtModels = new BuildMemo<{ threshold: number | null; described: string }>();

/**
 * A digest of what the model gate is built from: the directory's real path (a promotion points
 * `current` elsewhere), its files' names, sizes and modification times (a model rewritten in place),
 * and the options. Null when the directory cannot be read: the load then says why, with its own code.
 */
async function modelDigest(config: WardenConfig, dir: string): Promise<string | null> {
  try {
    const names = (await readdir(dir)).sort();
    const files = await Promise.all(names.map(async (name) => [name, ...(await stat(resolve(dir, name)).then((s) => [s.size, s.mtimeMs]))]));
    return digestOf({ dir: await realpath(dir), files, htmlUploads: config.model.htmlUploads, fieldProfiles: config.model.fieldProfiles });
  } catch {
    return null;
  }
}

async function buildModelGate(config: WardenConfig, log: AssemblyLog, dir: string, previous: GateSet['model'] | undefined): Promise<{ gate: GateSet['model']; threshold: number | null; described: string }> {
  if (!config.model.enabled) return { gate: null, threshold: null, described: 'off' };
  try {
    // The same files with the same options load to the same gate: a reload keeps the one it has.
    const digest = await modelDigest(config, dir);
    const kept = digest === null ? null : builtModels.reuse(previous, digest);
    if (kept !== null) return { gate: kept.gate, ...kept.value };
    const model = await loadPayloadModel(dir);
    // A retrained model may carry per-endpoint field profiles (warden train --from-logs): what each
    // route's parameters normally hold discounts scores of values that fit.
    const profiles = config.model.fieldProfiles ? await readProfiles(dir) : null;
    const options = { htmlUploads: config.model.htmlUploads };
    const gate = profiles === null ? createModelGate(model, options) : createProfiledGate(createModelGate(model, options), profiles);
    const built = { threshold: model.threshold, described: `${model.version} (${dir})${profiles === null ? '' : ', with field profiles'}` };
    if (digest !== null) builtModels.remember(gate, digest, built);
    return { gate, ...built };
  } catch (err) {
    if (config.model.onLoadError === 'refuse') throw err;
    // Loud, not silent: every start-up and reload says the model is missing until it is fixed.
    log.error(
      { event: 'model', code: (err as { code?: string }).code, reason: (err as Error).message, fallback: 'signatures-only' },
      'payload model failed to load; running with signatures and schema only',
    );
    const code = (err as { code?: string }).code ?? 'error';
    return { gate: unavailableModelGate(code), threshold: null, described: `unavailable (${code}), signatures only` };
  }
}

/**
 * The gates that read the request (rules, model, schema), built from config: what `reloadableGates`
 * builds for the event-loop thread and an inspection worker (src/offload/) builds for itself from the
 * same config, so both judge with the same rules and model. `threshold`: the model's operating point.
 */
/**
 * What an inspection thread builds from besides the config: the rule files' text and the tuning sidecar
 * as the event-loop thread read them, and the model directory it resolved (`<store>/current` is a link a
 * promote swaps; the version directories behind it are never rewritten). A thread that read the disk
 * itself could build from a file edited in between and disagree with the event loop.
 */
export interface InspectionInputs {
  ruleSources: readonly RuleSource[];
  tuning: TuningFile | null;
  /** Digest of the sidecar's bytes as read (null without a sidecar). */
  tuningDigest: string | null;
  modelDir: string;
}

/** The gates that read the request (rules, model, schema): built on the event loop, and in each inspection thread from `given` inputs. */
export async function inspectionGates(
  config: WardenConfig,
  log: AssemblyLog,
  metrics: WardenMetrics,
  given?: InspectionInputs,
  previous?: InspectionGates,
): Promise<{ gates: InspectionGates; threshold: number | null; described: Record<string, string>; inputs: InspectionInputs }> {
  const signatures = await buildSignatureGate(config, log, metrics, given, previous?.signatures);
  const modelDir = given?.modelDir ?? configuredModelDir(config);
  const model = await buildModelGate(config, log, modelDir, previous?.model);
  const described: Record<string, string> = { signatures: signatures.described, model: model.described, schema: 'off' };
  let schema: ReloadableGates['schema'] = null;
  if (config.schema !== null) {
    // A spec that fails to load throws with file + JSON pointer: start-up refuses, a reload keeps the old gate.
    schema = await loadSchemaGate(config.schema);
    described.schema = `${config.schema.spec ?? Object.keys(config.schema.hosts).join(',')} (${config.schema.mode ?? 'enforce'})`;
  }
  const inputs: InspectionInputs = { ruleSources: signatures.ruleSources, tuning: signatures.tuning, tuningDigest: signatures.tuningDigest, modelDir };
  return { gates: { signatures: signatures.gate, model: model.gate, schema }, threshold: model.threshold, described, inputs };
}

/**
 * Builds the reloadable gates from config. Every part is built completely before anything is swapped,
 * so a failure leaves the running set untouched.
 */
export async function reloadableGates(
  config: WardenConfig,
  log: AssemblyLog,
  metrics: WardenMetrics,
  previous?: InspectionGates,
): Promise<{ gates: ReloadableGates; described: Record<string, string>; inputs: InspectionInputs }> {
  const { gates: inspecting, threshold, described, inputs } = await inspectionGates(config, log, metrics, undefined, previous);
  const decision = createDecisionMaker(threshold !== null ? { payloadThreshold: threshold } : {});
  // Last: it opens file watchers, so nothing after it can fail and leave them running.
  const access = await buildAccess(config, log, metrics);
  described.access = access.described;
  return { gates: { ...inspecting, decision, access: access.access }, described, inputs };
}

/** Everything the pipeline runs: the reloadable gates plus reputation and the decision combiner. */
export async function assembleGates(config: WardenConfig, log: AssemblyLog, metrics: WardenMetrics): Promise<GateSet> {
  return (await assembleDescribedGates(config, log, metrics)).gates;
}

/** `assembleGates`, what was built (rule counts, model version, schema) and from what: inspection threads build the same from the same. */
export async function assembleDescribedGates(
  config: WardenConfig,
  log: AssemblyLog,
  metrics: WardenMetrics,
): Promise<{ gates: GateSet; described: Record<string, string>; inputs: InspectionInputs }> {
  const { gates, described, inputs } = await reloadableGates(config, log, metrics);
  const onFallback = (operation: 'get' | 'record'): void => metrics.reputationFallbacks.inc({ operation });
  const onOperation = (operation: 'get' | 'record'): void => metrics.reputationOperations.inc({ operation });
  const reputation =
    createReputation(config.reputation, config.forwarding.trustedProxies, {
      log,
      onFallback,
      onOperation,
      // In a cluster worker the memory store is the primary's, shared by all workers.
      share: (local) => storeForThisProcess(config, local, onFallback, onOperation),
    })?.slot ?? null;
  log.info({ event: 'startup', ...described, reputation: config.reputation.enabled ? config.reputation.store : 'off' }, 'gates assembled');
  return { gates: { ...gates, reputation }, described, inputs };
}
