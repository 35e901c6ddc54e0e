import type { WardenConfig } from './config/types.js';
import type { GateSet } from './pipeline.js';
import type { WardenMetrics } from './log/metrics.js';
import { createDecisionMaker } from './decision/combine.js';
import { createReputationStore } from './reputation/create-store.js';
import { createSourceIdentity } from './reputation/source-key.js';
import { loadSchemaGate } from './schema/index.js';

/** The slice of a pino logger assembly needs (fields first, message second, as pino takes them). */
export interface AssemblyLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** The gates a reload rebuilds (rules, model, schema); reputation and decision keep their state. */
export type ReloadableGates = Pick<GateSet, 'signatures' | 'model' | 'schema'>;

/**
 * Builds the reloadable gates from config. Every part is built completely before anything is swapped,
 * so a failure leaves the running set untouched.
 */
export async function reloadableGates(
  config: WardenConfig,
  _log: AssemblyLog,
  _metrics: WardenMetrics,
): Promise<{ gates: ReloadableGates; described: Record<string, string> }> {
  const described: Record<string, string> = { signatures: 'off', model: 'off', schema: 'off' };
  let schema: ReloadableGates['schema'] = null;
  if (config.schema !== null) {
    // A spec that fails to load throws with file + JSON pointer: start-up refuses, a reload keeps the old gate.
    schema = await loadSchemaGate(config.schema);
    described.schema = `${config.schema.spec ?? Object.keys(config.schema.hosts).join(',')} (${config.schema.mode ?? 'enforce'})`;
  }
  return { gates: { signatures: null, model: null, schema }, described };
}

/** Everything the pipeline runs: the reloadable gates plus reputation and the decision combiner. */
export async function assembleGates(config: WardenConfig, log: AssemblyLog, metrics: WardenMetrics): Promise<GateSet> {
  const { gates, described } = await reloadableGates(config, log, metrics);
  let reputation: GateSet['reputation'] = null;
  if (config.reputation.enabled) {
    const identity = createSourceIdentity(config.reputation, config.forwarding.trustedProxies);
    const store = createReputationStore(config.reputation, {
      isTrusted: identity.isTrustedKey,
      log,
      onFallback: (operation) => metrics.reputationFallbacks.inc({ operation }),
    });
    reputation = { store, keyOf: identity.keyOf };
  }
  log.info({ event: 'startup', ...described, reputation: config.reputation.enabled ? config.reputation.store : 'off' }, 'gates assembled');
  return { ...gates, reputation, decision: createDecisionMaker() };
}
