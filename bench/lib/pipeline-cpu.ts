import { assembleGates, quietLog } from '../../src/assemble.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { RoutePolicyResolver } from '../../src/config/route-policy.js';
import { createInspector } from '../../src/inspect/build-inspection.js';
import { finishInSlices, SliceClock } from '../../src/inspect/work-clock.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { Pipeline } from '../../src/pipeline.js';
import { INSPECTION_SLICE_MS } from '../../src/proxy/server.js';
import { scenarioRawRequest, type LoadRequest } from './scenarios.js';
import { GATES_OFF_CONFIG } from './warden-process.js';

/** Which gates a pipeline runs: none (the load bench's warden-off), the rules alone, the model alone, or all (its warden-full). */
export type PipelineVariant = 'off' | 'rules' | 'model' | 'full';

export const PIPELINE_VARIANTS: readonly PipelineVariant[] = ['off', 'rules', 'model', 'full'];

const VARIANT_CONFIG: Record<PipelineVariant, Record<string, unknown>> = {
  off: GATES_OFF_CONFIG,
  rules: { model: { enabled: false } },
  model: { rules: { bundled: false } },
  full: {},
};

export interface VariantRun {
  /** Process CPU time (user + system, every thread: V8's GC helpers included) per request, µs. */
  cpuUsPerRequest: number;
  requests: number;
  /** Verdicts other than allow. */
  blocked: number;
}

export interface VariantPipeline {
  variant: PipelineVariant;
  /**
   * Runs `count` requests, `requests` in turn, `inFlight` at a time: each waits for a turn of the event
   * loop (as one arriving on a socket does), is inspected in slices and judged by the pipeline with its
   * clock, reputation learning from it, as the proxy does. No socket, no upstream, no log line.
   */
  run(requests: readonly LoadRequest[], count: number, inFlight: number): Promise<VariantRun>;
}

/** A pipeline of its own gates (and reputation store) per variant, built from the defaults plus the variant's switches. */
export async function loadVariant(variant: PipelineVariant): Promise<VariantPipeline> {
  const config = validateWardenConfig(VARIANT_CONFIG[variant], `pipeline variant ${variant}`);
  const gates = await assembleGates(config, quietLog(), new WardenMetrics(false));
  const pipeline = new Pipeline(gates);
  const policies = new RoutePolicyResolver(config);
  const inspect = createInspector();
  return {
    variant,
    async run(requests, count, inFlight) {
      const raws = requests.map((r) => ({ raw: scenarioRawRequest(r), policy: policies.resolve(r.method, r.path, '127.0.0.1') }));
      let blocked = 0;
      let next = 0;
      const one = async (): Promise<void> => {
        const { raw, policy } = raws[next++ % raws.length];
        await new Promise((resolve) => setImmediate(resolve));
        const clock = new SliceClock(INSPECTION_SLICE_MS, policy.cpuBudgetMs);
        const inspection = await finishInSlices(inspect.steps(raw, clock), clock);
        const { verdict } = await pipeline.run(inspection, policy, true, clock);
        if (verdict.action !== 'allow') blocked++;
      };
      const start = process.cpuUsage();
      for (let done = 0; done < count; done += inFlight) {
        await Promise.all(Array.from({ length: Math.min(inFlight, count - done) }, one));
      }
      const cpu = process.cpuUsage(start);
      return { cpuUsPerRequest: (cpu.user + cpu.system) / count, requests: count, blocked };
    },
  };
}
