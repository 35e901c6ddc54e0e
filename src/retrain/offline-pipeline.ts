/**
 * The real pipeline, offline, for one model directory: the same assembly as the proxy and `warden
 * eval` (createInspector → assembleGates → Pipeline → RoutePolicyResolver), with the model taken from
 * `modelDir` and wrapped in its field profiles when it has them. Reputation is off: a replayed line is
 * judged on its own evidence; the log's own verdict already carries what reputation said.
 */
import type { WardenConfig } from '../config/types.js';
import { RoutePolicyResolver } from '../config/route-policy.js';
import { Pipeline, type PipelineOutcome } from '../pipeline.js';
import { assembleGates, quietLog } from '../assemble.js';
import { WardenMetrics } from '../log/metrics.js';
import { createInspector } from '../inspect/build-inspection.js';
import type { Inspection } from '../inspect/types.js';
import { recordToRawRequest } from '../eval/record-request.js';
import type { RequestRecord } from '../eval/record.js';
import type { TrafficLine } from '../log/traffic-log.js';
import { REDACTED } from '../log/redact.js';
import { readProfiles } from './field-profiles.js';
import { loadPayloadModel } from '../model/load.js';
import { modelMissingForReplay } from './errors.js';

export interface OfflinePipeline {
  modelDir: string;
  /** The loaded model's version, or null when it failed to load. */
  modelVersion: string | null;
  profiled: boolean;
  run(line: TrafficLine): Promise<{ inspection: Inspection; outcome: PipelineOutcome }>;
  /** An eval record (`npm run datasets` output, any corpus), as `warden eval` inspects it. */
  runRecord(record: RequestRecord): Promise<{ inspection: Inspection; outcome: PipelineOutcome }>;
}


const PLACEHOLDERS = new Set([REDACTED, encodeURIComponent(REDACTED)]);

/**
 * A logged line as the inspector sees it, minus the fields redaction replaced: `[REDACTED]` is not what
 * the client sent, and a model scoring the placeholder (brackets and all) would invent verdicts the
 * live request never had, and teach them to the next model.
 */
export const inspectLine = (() => {
  const inspect = createInspector();
  return (line: TrafficLine): Inspection => {
    const inspection = inspect(recordToRawRequest(line, line.ip));
    inspection.id = line.id;
    if (inspection.targets.some((t) => PLACEHOLDERS.has(t.raw))) inspection.targets = inspection.targets.filter((t) => !PLACEHOLDERS.has(t.raw));
    return inspection;
  };
})();

/** An eval record as `warden eval` inspects it (its default source address). */
const inspectRecord = (() => {
  const inspect = createInspector();
  return (record: RequestRecord): Inspection => {
    const inspection = inspect(recordToRawRequest(record));
    inspection.id = record.id;
    return inspection;
  };
})();

export async function buildOfflinePipeline(base: WardenConfig, modelDir: string, options: { profiles?: boolean } = {}): Promise<OfflinePipeline> {
  // The assembly applies the model's field profiles itself (model.fieldProfiles), exactly as the proxy does.
  const fieldProfiles = options.profiles !== false;
  const config: WardenConfig = {
    ...base,
    model: { ...base.model, enabled: true, path: modelDir, onLoadError: 'signatures-only', fieldProfiles },
    reputation: { ...base.reputation, enabled: false },
  };
  // Load it here first: the assembly would fall back to signatures only, and a replay or a gate that
  // compares against a model that is not there measures nothing while looking like it did.
  try {
    await loadPayloadModel(modelDir);
    if (fieldProfiles) await readProfiles(modelDir);
  } catch (err) {
    throw modelMissingForReplay(modelDir, (err as Error).message);
  }
  const log = quietLog();
  const gates = await assembleGates(config, log, new WardenMetrics(false));
  if (gates.model === null) throw modelMissingForReplay(modelDir, log.failures.join('; '));
  const profiled = fieldProfiles && (await readProfiles(modelDir)) !== null;
  // Every hit and model score is kept: replays blame the fields they point at (train-from-logs.ts).
  const pipeline = new Pipeline({ ...gates, reputation: null }, { settleEarly: false });
  const policies = new RoutePolicyResolver(config);
  let modelVersion: string | null = null;
  const judge = async (inspection: Inspection): Promise<{ inspection: Inspection; outcome: PipelineOutcome }> => {
    const policy = policies.resolve(inspection.method, inspection.path, inspection.source.ip);
    const outcome = await pipeline.run(inspection, policy);
    modelVersion ??= outcome.results.model?.modelVersion ?? null;
    return { inspection, outcome };
  };
  return {
    modelDir,
    get modelVersion() {
      return modelVersion;
    },
    profiled,
    run: (line) => judge(inspectLine(line)),
    runRecord: (record) => judge(inspectRecord(record)),
  };
}
