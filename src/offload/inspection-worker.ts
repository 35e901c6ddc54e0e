import { parentPort } from 'node:worker_threads';
import { inspectionGates, quietLog, type InspectionInputs } from '../assemble.js';
import type { WardenConfig } from '../config/types.js';
import { createInspector, type Inspector } from '../inspect/build-inspection.js';
import type { InspectOptions } from '../inspect/inspect-options.js';
import type { RawRequest } from '../inspect/types.js';
import { finishInSlices, INSPECTION_SLICE_MS, InspectionLane, SliceClock } from '../inspect/work-clock.js';
import { WardenMetrics } from '../log/metrics.js';
import { evaluateInspectionGates, settlingOn, type InspectionGates } from '../pipeline.js';
import { RoutePolicyResolver } from '../config/route-policy.js';
import { inputsReceived } from './sent-rule-text.js';
import { inspectionToReturn, type FromWorker, type InspectMessage, type LoadMessage, type ToWorker } from './protocol.js';

/**
 * An inspection worker thread (pool.ts starts it): walks a big body and runs the gates that read the
 * request (rules, model, schema) on its own event loop and heap, so the objects of a ~17,000-target
 * walk and the scavenges that copy them stay off the thread that serves every other request.
 * The same code as the in-loop path: `createInspector(...).steps` under a SliceClock with the route's
 * CPU and memory budgets (src/inspect/slice-charge.ts reads this thread's own CPU time), then
 * `evaluateInspectionGates`; the reputation lookup and the decision stay on the event-loop thread.
 */

interface Generation {
  gates: InspectionGates;
  inspector: Inspector;
  /** The routes' policies, for what settles a verdict early (the event-loop thread's pipeline settles by the same test). */
  policies: RoutePolicyResolver;
}

const port = parentPort;
if (port === null) throw new Error('inspection-worker.ts runs as a worker thread (src/offload/pool.ts)');

const generations = new Map<number, Promise<Generation>>();
/** The gates last built here: a load whose rules and model did not change keeps them (src/build-memo.ts). */
let lastGates: InspectionGates | undefined;
/**
 * The load being built here, settled or not: the next one starts when it has settled. A reload that came
 * while the thread was still building the set of its start (the first big body starts it) ran a second
 * build beside it, from nothing: neither the gates, nor the parses (import-rules.ts), nor the automata
 * (prefilter.ts) of the first existed yet. With ET Open + Snort 3 that reload took 8.3 s in the thread
 * beside the 10.6 s of the first build, where one after the other take 5.8 s and 0.3 s (session 32, walk32).
 */
let building: Promise<unknown> = Promise.resolve();
/** One big walk at a time here too: concurrent walks would each finish later and hold their targets at once. */
const lane = new InspectionLane();
const post = (message: FromWorker): void => port.postMessage(message);

/** The rule texts of the last load message, by digest: the pool leaves out what is held here (sent-rule-text.ts). */
const heldTexts = new Map<string, string>();

async function load(message: LoadMessage, inputs: InspectionInputs | undefined): Promise<Generation> {
  // The event-loop thread has logged the same warnings (rejected rules, a model that failed to load).
  const config = message.config as WardenConfig;
  const built = await inspectionGates(config, quietLog(), new WardenMetrics(false), inputs, lastGates);
  const rulesKept = built.gates.signatures !== null && built.gates.signatures === lastGates?.signatures;
  lastGates = built.gates;
  post({ type: 'loaded', generation: message.generation, described: built.described, rulesKept });
  return { gates: built.gates, inspector: createInspector(message.inspectOptions as Partial<InspectOptions>), policies: new RoutePolicyResolver(config) };
}

async function inspect(message: InspectMessage): Promise<void> {
  const generation = generations.get(message.generation);
  if (generation === undefined) {
    post({ type: 'inspect-failed', seq: message.seq, message: `config generation ${message.generation} is not loaded here` });
    return;
  }
  const { gates, inspector, policies } = await generation;
  const raw: RawRequest = {
    method: message.method,
    url: message.url,
    httpVersion: message.httpVersion,
    rawHeaders: message.rawHeaders,
    body: Buffer.from(message.body),
    bodyTruncated: message.bodyTruncated,
    source: message.source,
  };
  const clock = new SliceClock(INSPECTION_SLICE_MS, message.cpuBudgetMs);
  if (await lane.enter()) clock.willWait();
  try {
    const inspection = await finishInSlices(inspector.steps(raw, clock, message.memoryBudgetMb * 1_048_576), clock);
    const walkCpuMs = clock.cpuMs;
    inspection.id = message.id;
    inspection.receivedAt = message.receivedAt;
    const policy = policies.resolve(inspection.method, inspection.path, inspection.source.ip);
    const evaluated = await evaluateInspectionGates(gates, inspection, clock, [], { settles: policy.skip ? undefined : settlingOn(inspection, policy) });
    post({ type: 'inspected', seq: message.seq, ...inspectionToReturn(inspection, evaluated), evaluated, walkCpuMs });
  } finally {
    lane.leave();
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'load': {
      // Now, in message order: the next load's texts are left out against this one's.
      let loading: Promise<Generation>;
      try {
        const inputs = message.inputs === undefined ? undefined : inputsReceived(message.inputs, heldTexts);
        loading = building.then(() => load(message, inputs));
      } catch (err) {
        // The pool forgets what it sent this thread when the load fails: both start again from nothing.
        heldTexts.clear();
        loading = Promise.reject(err);
      }
      generations.set(message.generation, loading);
      building = loading.catch(() => undefined);
      loading.catch((err: unknown) => {
        if (generations.get(message.generation) === loading) generations.delete(message.generation);
        post({ type: 'load-failed', generation: message.generation, code: (err as { code?: string }).code ?? 'error', message: (err as Error).message ?? String(err) });
      });
      break;
    }
    case 'retain':
      for (const generation of generations.keys()) if (generation !== message.generation) generations.delete(generation);
      break;
    case 'inspect':
      inspect(message).catch((err: unknown) => post({ type: 'inspect-failed', seq: message.seq, message: err instanceof Error ? err.message : String(err) }));
      break;
  }
});
