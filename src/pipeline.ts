import { performance } from 'node:perf_hooks';
import type { Inspection } from './inspect/types.js';
import type { SettlesVerdict, SignatureGate, SignatureResult } from './signatures/types.js';
import type { ModelGate, ModelResult } from './model/types.js';
import type { SchemaGate, SchemaResult } from './schema/types.js';
import type { SourceKeys, SourceView } from './reputation/source-key.js';
import type { SourceLookup, SourceOutcome } from './reputation/source-reputation.js';
import type { Reputation, ReputationStore } from './reputation/types.js';
import type { DecisionMaker, GateName, GateResults, RoutePolicy, Verdict } from './decision/types.js';
import { WardenError } from './errors.js';
import { reputationEventFromVerdict } from './decision/reputation-event.js';
import { settlesVerdictOn } from './decision/signature-term.js';
import type { AccessControl } from './access/access-control.js';
import { requestDigest } from './reputation/request-digest.js';
import { finishInSlices, type SliceClock } from './inspect/work-clock.js';

/** Reputation as the pipeline uses it (`SourceReputation` in src/reputation/source-reputation.ts). */
export interface ReputationSlot {
  store: ReputationStore;
  /** The keys a request's source is remembered under: the client (address + fingerprint, or API key) and its address. */
  keysOf(inspection: SourceView): SourceKeys;
  lookup(keys: SourceKeys, now: number): Promise<SourceLookup>;
  record(keys: SourceKeys, client: Reputation | null, outcome: SourceOutcome): Promise<void>;
}

/** The gates in force. Each slot may be empty; the proxy swaps whole sets on hot reload. */
export interface GateSet {
  signatures: SignatureGate | null;
  model: ModelGate | null;
  schema: SchemaGate | null;
  reputation: ReputationSlot | null;
  decision: DecisionMaker;
  /** Runs before inspection, in the proxy (it needs no body); absent or null: everyone may call. */
  access?: AccessControl | null;
}

export interface PipelineOutcome {
  verdict: Verdict;
  results: GateResults;
}

const micros = (since: number): number => Math.round((performance.now() - since) * 1000);

function failureOf(gate: GateName, err: unknown): GateResults['failures'][number] {
  if (err instanceof WardenError) return { gate, code: err.code, message: err.message };
  return { gate, code: 'WARDEN_GATE_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/**
 * What a phase was charged on the request's clock since `before`. A correction of an earlier phase's
 * charge can land inside this one (its turn's CPU time replacing the wall time first charged, a GC
 * pause refunded a turn or two late: src/inspect/slice-charge.ts), so the difference can dip below zero
 * on a short phase; a phase's timing is never reported negative.
 */
function chargedSince(clock: SliceClock, before: number): number {
  return Math.max(0, clock.cpuMs - before);
}

/**
 * Runs the gates in order for one inspection: signatures → model (+ reputation) → schema → decision.
 * Each gate's error is caught and recorded; the decision applies fail-open/closed from the policy.
 */
export interface PipelineOptions {
  /**
   * On a route in prevent mode, stop at the first `block` hit that settles the verdict: the signature
   * gate leaves its other candidate rules and the model is not run (the verdict is the same; the
   * decision log lists fewer hits and no model scores). Default true; false keeps every gate's full
   * findings (the offline replay that blames fields for retraining reads them all).
   */
  settleEarly?: boolean;
}

export class Pipeline {
  private gates: GateSet;
  private readonly settleEarly: boolean;

  constructor(gates: GateSet, options: PipelineOptions = {}) {
    this.gates = gates;
    this.settleEarly = options.settleEarly ?? true;
  }

  /** Hot reload: requests already running keep the set they started with. */
  swap(update: Partial<GateSet>): void {
    this.gates = { ...this.gates, ...update };
  }

  current(): Readonly<GateSet> {
    return this.gates;
  }

  /**
   * An outcome that concerns one client and never its address (a client persistently ignoring its
   * rate limit): other clients behind the same NAT address are not its history.
   */
  recordOnClient(client: string, outcome: SourceOutcome): void {
    this.gates.reputation?.record({ client, address: null }, null, outcome).catch(() => undefined);
  }

  /**
   * `learn: false` judges without recording the outcome in the reputation store (a window of a body
   * already judged once). With a `clock` (the proxy's requests), the signature gate runs in slices
   * so a big body's rule evaluations let other requests run between them; the verdict is the same.
   */
  async run(inspection: Inspection, policy: RoutePolicy, learn = true, clock?: SliceClock): Promise<PipelineOutcome> {
    const gates = this.gates;
    const started = performance.now();
    const failures: GateResults['failures'] = [];
    let lookup: ReputationLookup | null = null;
    // Reputation lookup runs beside the model: both may wait, neither depends on the other.
    // The lookup is awaited before the schema gate runs, as it always was (the order of `failures`).
    const settles = this.settleEarly ? settlingOn(inspection, policy) : undefined;
    const evaluated = await evaluateInspectionGates(gates, inspection, clock, failures, {
      settles,
      besideModel: () => {
        lookup = this.startLookup(gates, inspection, failures);
      },
      beforeSchema: async () => {
        await lookup?.promise;
      },
    });
    return this.conclude(gates, inspection, evaluated, policy, learn, started, lookup ?? this.startLookup(gates, inspection, failures));
  }

  /**
   * The second half of `run` for gates evaluated elsewhere (an inspection worker, src/offload/): the
   * reputation lookup, the decision and what reputation learns, on this thread, with the gate set in
   * force. `evaluated.failures` is taken over (a lookup failure is added to it).
   */
  async decideEvaluated(inspection: Inspection, evaluated: EvaluatedGates, policy: RoutePolicy, started: number): Promise<PipelineOutcome> {
    const gates = this.gates;
    return this.conclude(gates, inspection, evaluated, policy, true, started, this.startLookup(gates, inspection, evaluated.failures));
  }

  private startLookup(gates: GateSet, inspection: Inspection, failures: GateResults['failures']): ReputationLookup {
    // The request's own clock, so an offline replay (warden eval --reputation) runs in record time.
    const now = inspection.receivedAt || Date.now();
    const keys = gates.reputation?.keysOf(inspection) ?? null;
    const promise: Promise<SourceLookup | null> =
      gates.reputation !== null && keys !== null
        ? gates.reputation.lookup(keys, now).catch((err: unknown) => {
            failures.push(failureOf('reputation', err));
            return null;
          })
        : Promise.resolve(null);
    return { now, keys, promise };
  }

  private async conclude(
    gates: GateSet,
    inspection: Inspection,
    evaluated: EvaluatedGates,
    policy: RoutePolicy,
    learn: boolean,
    started: number,
    reputationLookup: ReputationLookup,
  ): Promise<PipelineOutcome> {
    const { now, keys: reputationKeys } = reputationLookup;
    const lookup = await reputationLookup.promise;
    const reputation = lookup?.combined ?? null;
    const { signatures, model, schema, failures, timings } = evaluated;
    const results: GateResults = { signatures, model, reputation, schema, failures };
    const verdict = gates.decision.decide(inspection, results, policy);
    timings.total = micros(started);
    verdict.timings = { ...verdict.timings, ...timings };

    if (learn && gates.reputation !== null && reputationKeys !== null) {
      // Learning from the outcome never delays the response; a store failure is the store's to report.
      // The event carries the request's own evidence, not the reputation-amplified score, and a
      // schema 4xx is not counted as an attack.
      const digest = verdict.action === 'allow' ? undefined : requestDigest(inspection);
      const { key: _key, ...outcome } = reputationEventFromVerdict('', verdict, now, digest);
      gates.reputation.record(reputationKeys, lookup?.client ?? null, outcome).catch(() => undefined);
    }
    return { verdict, results };
  }
}

/**
 * What lets the gates stop early on this route (`PipelineOptions.settleEarly`): in prevent mode, a
 * block hit the route judges; in detect mode nothing, as every finding is kept for the log an
 * operator tunes the rules from. An inspection worker (src/offload/) settles by the same test, so both
 * threads log the same line.
 */
export function settlingOn(inspection: Inspection, policy: RoutePolicy): SettlesVerdict | undefined {
  return policy.mode === 'prevent' ? settlesVerdictOn(inspection, policy) : undefined;
}

interface ReputationLookup {
  now: number;
  keys: SourceKeys | null;
  promise: Promise<SourceLookup | null>;
}

/** What the gates that read the request found (everything but reputation and the decision), with their timings. */
export interface EvaluatedGates {
  signatures: SignatureResult | null;
  model: ModelResult | null;
  schema: SchemaResult | null;
  failures: GateResults['failures'];
  timings: Verdict['timings'];
}

/** The gates an inspection worker runs (src/offload/): those that read the request and hold no state across requests. */
export type InspectionGates = Pick<GateSet, 'signatures' | 'model' | 'schema'>;

/**
 * Runs signatures → model → schema on one inspection, each gate's error caught and recorded in
 * `failures`. `hooks.settles` lets the signature gate stop at a hit that settles the verdict, and the
 * model is then not run (`PipelineOptions.settleEarly`). `hooks.besideModel` is called once the model is about to run (the pipeline starts the
 * reputation lookup there), `hooks.beforeSchema` awaited before the schema gate. Pure with respect to the process: the same on the event-loop thread and
 * in an inspection worker, which is what makes the two give the same verdict.
 */
export async function evaluateInspectionGates(
  gates: InspectionGates,
  inspection: Inspection,
  clock: SliceClock | undefined,
  failures: GateResults['failures'] = [],
  hooks: { settles?: SettlesVerdict; besideModel?: () => void; beforeSchema?: () => Promise<void> } = {},
): Promise<EvaluatedGates> {
  const timings: Verdict['timings'] = {};
  let signatures: SignatureResult | null = null;
  if (gates.signatures !== null) {
    let t = performance.now();
    try {
      const gate = gates.signatures;
      if (clock !== undefined && gate.evaluateInSteps !== undefined) {
        const cpuBefore = clock.cpuMs;
        signatures = await finishInSlices(gate.evaluateInSteps(inspection, clock, hooks.settles), clock);
        // Its own CPU time, not the time other requests ran between its slices.
        t = performance.now() - chargedSince(clock, cpuBefore);
      } else signatures = gate.evaluate(inspection, hooks.settles);
    } catch (err) {
      failures.push(failureOf('signatures', err));
    }
    timings.signatures = micros(t);
  }

  hooks.besideModel?.();

  let model: ModelResult | null = null;
  // A hit that settled the verdict leaves the model nothing to change: it does not run.
  if (gates.model !== null && signatures?.unevaluated === undefined) {
    let t = performance.now();
    const cpuBefore = clock?.cpuMs ?? 0;
    await clock?.nextPhase();
    clock?.resume();
    try {
      model = await gates.model.evaluate(inspection, signatures ?? { hits: [], candidates: 0 }, clock);
    } catch (err) {
      failures.push(failureOf('model', err));
    } finally {
      clock?.pause();
    }
    // With a clock, its own CPU time, not the turns other requests had while it waited.
    if (clock !== undefined) t = performance.now() - chargedSince(clock, cpuBefore);
    timings.model = micros(t);
  }

  await hooks.beforeSchema?.();
  let schema: SchemaResult | null = null;
  // An OpenAPI document describes HTTP operations, not the messages of a WebSocket (the handshake had its check).
  if (gates.schema !== null && inspection.websocket === undefined) {
    const t = performance.now();
    try {
      schema = gates.schema.evaluate(inspection);
    } catch (err) {
      failures.push(failureOf('schema', err));
    }
    timings.schema = micros(t);
  }
  return { signatures, model, schema, failures, timings };
}
