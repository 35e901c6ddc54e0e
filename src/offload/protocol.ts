import type { SentInputs } from './sent-rule-text.js';
import type { WardenConfig } from '../config/types.js';
import type { InspectOptions } from '../inspect/inspect-options.js';
import type { Inspection, RawRequest, Target } from '../inspect/types.js';
import type { EvaluatedGates } from '../pipeline.js';

/**
 * Messages between the event-loop thread (pool.ts) and an inspection worker (inspection-worker.ts).
 * Everything is structured-cloned except the body, which is transferred (bodyToTransfer).
 */

/** Build the gates of config generation `generation` (start-up, reload, a restarted thread). */
export interface LoadMessage {
  type: 'load';
  generation: number;
  config: WardenConfig;
  /** The event-loop thread's reads for this generation: the thread builds from them, never from the disk (unchanged rule text by digest: sent-rule-text.ts). */
  inputs?: SentInputs;
  inspectOptions: Partial<InspectOptions>;
}

/** Drop every generation but this one (the event-loop thread put it in force). */
export interface RetainMessage {
  type: 'retain';
  generation: number;
}

/** The request as the normalizer takes it (RawRequest), its body as shared bytes. */
export interface InspectMessage extends Omit<RawRequest, 'body'>, RequestStamp {
  type: 'inspect';
  /** The pool's id of this request (not the incident id). */
  seq: number;
  generation: number;
  /** The body's bytes, transferred: this thread's own from then on. */
  body: ArrayBuffer;
}

/** What travels with a request besides RawRequest: its incident id, arrival time and the route's budgets. */
export interface RequestStamp {
  id: string;
  receivedAt: number;
  cpuBudgetMs: number;
  memoryBudgetMb: number;
}

export type ToWorker = LoadMessage | RetainMessage | InspectMessage;

export interface LoadedMessage {
  type: 'loaded';
  generation: number;
  /** What was built (rule counts, model version, schema), compared with the event-loop thread's own. */
  described: Record<string, string>;
  /** The rule set of the thread's previous load was kept (the same inputs), not built again. */
  rulesKept: boolean;
}

export interface LoadFailedMessage {
  type: 'load-failed';
  generation: number;
  code: string;
  message: string;
}

export interface InspectedMessage {
  type: 'inspected';
  seq: number;
  /** Without its targets (`targets: []`): those a hit or a score points at are in `keptTargets`. */
  inspection: Inspection;
  keptTargets: Array<[number, Target]>;
  targetCount: number;
  evaluated: EvaluatedGates;
  /** CPU time the walk was charged (ms): warden_normalize_seconds, as for an in-loop walk. */
  walkCpuMs: number;
}

export interface InspectFailedMessage {
  type: 'inspect-failed';
  seq: number;
  message: string;
}

export type FromWorker = LoadedMessage | LoadFailedMessage | InspectedMessage | InspectFailedMessage;

const EMPTY_BUFFERS: Inspection['buffers'] = Object.freeze({
  raw: '',
  method: '',
  uri: '',
  rawUri: '',
  header: '',
  rawHeader: '',
  cookie: '',
  rawCookie: '',
  clientBody: '',
});

/**
 * The inspection as it goes back to the event-loop thread: what the decision, the log lines, the
 * traffic log and reputation read, and nothing more. Only the targets a hit or a model score points
 * at are kept (`keptTargets`, with their index): the decision reads `targets[i]` for those and nothing
 * else; without this, the ~17,000 targets of a big body would be rebuilt on the event-loop thread's
 * heap, the garbage the worker is there to keep away. The Snort buffers (latin1 copies of the whole
 * request) are read by the rules only; the body is the caller's own buffer, put back there.
 */
export function inspectionToReturn(inspection: Inspection, evaluated: EvaluatedGates): { inspection: Inspection; keptTargets: Array<[number, Target]>; targetCount: number } {
  const all = inspection.targets;
  const kept = new Map<number, Target>();
  for (const hit of evaluated.signatures?.hits ?? []) if (hit.targetIndex >= 0 && hit.targetIndex < all.length) kept.set(hit.targetIndex, all[hit.targetIndex]);
  for (const score of evaluated.model?.scores ?? []) if (score.targetIndex >= 0 && score.targetIndex < all.length) kept.set(score.targetIndex, all[score.targetIndex]);
  return { inspection: { ...inspection, targets: [], buffers: EMPTY_BUFFERS, body: EMPTY_BODY }, keptTargets: [...kept], targetCount: all.length };
}

/**
 * The targets array the decision reads, from what came back: each kept target at its index, holes
 * elsewhere, the length of the worker's. Built here rather than cloned as a holey array of ~17,000
 * slots: that would be a 136 KiB backing store per request on this thread's heap (a large object).
 */
export function targetsAtTheirIndex(kept: ReadonlyArray<readonly [number, Target]>, count: number): Target[] {
  const targets: Target[] = [];
  for (const [index, target] of kept) targets[index] = target;
  targets.length = count;
  return targets;
}

const EMPTY_BODY = Buffer.alloc(0);

/**
 * The body's bytes for a worker: one copy into an ArrayBuffer of their own, transferred with the
 * message (moved, not cloned). The event-loop thread keeps the request's buffer: it forwards it
 * upstream, logs it, and inspects it itself if the thread dies with it. Not a SharedArrayBuffer:
 * one that both threads held kept its 1 MiB counted as external memory on the event-loop thread
 * until a mark-compact there released it, and with a big body every few ms that alone started
 * mark-compacts every ~200 ms (23 instead of 2 in a 10 s run of the worst-case mix, `--trace-gc`);
 * a transferred buffer is the worker's to free. The copy costs a memcpy (~0.1 ms per MiB).
 */
export function bodyToTransfer(body: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(body.length);
  body.copy(new Uint8Array(copy));
  return copy;
}
