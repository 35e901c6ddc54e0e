import type { BodyContext } from '../../../src/inspect/bodies/body-context.js';
import { resolveDecoders } from '../../../src/inspect/decoders/registry.js';
import { DEFAULT_INSPECT_OPTIONS, type InspectOptions } from '../../../src/inspect/inspect-options.js';
import { TargetCollector } from '../../../src/inspect/target-collector.js';

/** A fresh body context over a fresh collector, as buildInspection makes for a request body. */
export function bodyContext(options: Partial<InspectOptions> = {}, overrides: Partial<BodyContext> = {}): BodyContext {
  const resolved = { ...DEFAULT_INSPECT_OPTIONS, ...options };
  return {
    collector: new TargetCollector(resolved, resolveDecoders(resolved.decoders)),
    options: resolved,
    namePrefix: '',
    truncated: false,
    mediaParameters: new Map(),
    multipartLevel: 0,
    partsRead: { count: 0 },
    ...overrides,
  };
}

export function findingCodes(context: BodyContext): string[] {
  return context.collector.findings.map((f) => f.code);
}

export function targetSummary(context: BodyContext): Array<[string, string, string]> {
  return context.collector.targets.map((t) => [t.role, t.name, t.raw]);
}
