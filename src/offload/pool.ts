import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../worker-module.js';
import type { WardenConfig } from '../config/types.js';
import type { InspectOptions } from '../inspect/inspect-options.js';
import type { Inspection, RawRequest } from '../inspect/types.js';
import type { WardenMetrics } from '../log/metrics.js';
import type { AssemblyLog, InspectionInputs } from '../assemble.js';
import type { EvaluatedGates } from '../pipeline.js';
import { offloadLoadFailed } from './errors.js';
import { inputsToSend } from './sent-rule-text.js';
import { bodyToTransfer, targetsAtTheirIndex, type FromWorker, type InspectMessage, type RequestStamp, type ToWorker } from './protocol.js';

/**
 * Inspection worker threads for big bodies (issue 17, "no request stalls the event loop"): a body of
 * `offload.minBodyBytes` or more is walked and judged by the rules, model and schema in a thread of
 * its own heap (inspection-worker.ts), so the ~17,000 targets of a 1 MiB form, their scavenges and
 * the rules' passes over the body never run on the thread that serves every other request; the
 * reputation lookup, the decision and the log lines stay there (server.ts). Each process has its own
 * pool (`workers: N` gives N pools).
 *
 * Written on node:worker_threads rather than a pool library: of those only tinypool is installed (as
 * a test runner's dependency, not Warden's), and what this needs is not a task queue: every thread
 * must build every config generation (start-up, each reload) before the event-loop thread puts it in
 * force, requests name the generation they are judged with, a thread that goes silent with requests
 * in it is replaced, and the body is shared, not copied, per request.
 *
 * A request a thread does not answer (it exited, or sent nothing for `timeoutMs` while it had work)
 * is given back as failed, never lost: the caller judges it per `failure.gateErrors`. The thread is
 * ended, started again (with a growing delay when it keeps failing) and loads the generation in force.
 */

export interface OffloadSettings {
  threads: number;
  minBodyBytes: number;
  timeoutMs: number;
  /** Each thread's old-generation cap (resourceLimits): reaching it ends the thread, not the process. */
  maxHeapMb: number;
}

/** One request for a worker: what RawRequest carries, the incident id and the route's budgets. */
export interface OffloadRequest extends RawRequest, RequestStamp {}

export type OffloadOutcome =
  | { ok: true; inspection: Inspection; evaluated: EvaluatedGates; walkCpuMs: number }
  | { ok: false; reason: 'died' | 'timeout' | 'error'; message: string };

interface Pending {
  resolve(outcome: OffloadOutcome): void;
}

interface Thread {
  index: number;
  worker: Worker;
  /** Generations this thread has built. */
  loaded: Set<number>;
  waiting: Map<number, { resolve(described: Record<string, string>): void; reject(err: Error): void }>;
  pending: Map<number, Pending>;
  /** performance-free clock (Date.now) of the last message from the thread, or of the first request sent to it idle. */
  lastHeard: number;
  ending: boolean;
  /** Digests of the rule texts the thread holds (its last load's): not sent again (sent-rule-text.ts). */
  heldTexts: Set<string>;
}

/** The inspection thread's code (inspection-worker.ts, or its .js in dist/). */
function startWorker(maxHeapMb: number): Worker {
  // Without a cap a thread's heap-limit failure is V8's fatal OOM, which aborts the whole process; with one
  // the thread alone ends (ERR_WORKER_OUT_OF_MEMORY) and is replaced like any thread that dies.
  return startWorkerModule(import.meta.url, 'inspection-worker', { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
}

const RESTART_DELAY_MS = 100;
const RESTART_DELAY_MAX_MS = 5_000;

export class InspectionPool {
  private readonly threads: Thread[] = [];
  private settings: OffloadSettings;
  private readonly inspectOptions: Partial<InspectOptions>;
  private readonly log: AssemblyLog;
  private readonly metrics: WardenMetrics;
  private generation = 0;
  private active = 0;
  private activeConfig: WardenConfig;
  /** What the event-loop thread built for the generation in force (each thread's build must match it). */
  private activeExpected: Promise<Record<string, string>>;
  /** What the event-loop thread read for the generation in force (rule text, tuning, model directory); undefined: each thread reads. */
  private activeInputs: InspectionInputs | undefined;
  /** Threads are started on the first body of offload size, not with the process (tests and small-body deployments never pay for them). */
  private started = false;
  private seq = 0;
  private next = 0;
  private closed = false;
  private restarts = 0;
  private readonly watchdog: NodeJS.Timeout;

  private constructor(config: WardenConfig, settings: OffloadSettings, inspectOptions: Partial<InspectOptions>, log: AssemblyLog, metrics: WardenMetrics) {
    this.settings = settings;
    this.activeConfig = config;
    this.inspectOptions = inspectOptions;
    this.log = log;
    this.metrics = metrics;
    this.activeExpected = new Promise(() => undefined);
    this.watchdog = setInterval(() => this.checkSilent(), Math.max(25, Math.floor(settings.timeoutMs / 4)));
    this.watchdog.unref();
  }

  /**
   * A pool for `config` (null when `offload.threads` is 0). Its threads start on the first body of
   * `minBodyBytes` or more (or `ready()`), each building the gates of the config in force; until one is
   * ready such bodies are inspected on the event loop. `options.inputs`: what the event-loop thread read
   * (rule text, tuning sidecar, model directory), which the threads build from instead of the disk, so a
   * file edited since start-up or the last reload does not reach them before a reload does. `expected`:
   * what the event-loop thread built (reloadableGates' described), which each thread's build must still
   * match (the OpenAPI documents are read by each thread).
   */
  static start(
    config: WardenConfig,
    expected: Record<string, string> | Promise<Record<string, string>>,
    options: { settings?: OffloadSettings; inspectOptions?: Partial<InspectOptions>; log: AssemblyLog; metrics: WardenMetrics; inputs?: InspectionInputs },
  ): InspectionPool | null {
    const settings = options.settings ?? config.offload;
    if (settings.threads <= 0) return null;
    const pool = new InspectionPool(config, settings, options.inspectOptions ?? {}, options.log, options.metrics);
    const generation = ++pool.generation;
    pool.pendingConfig.set(generation, { config, expected: Promise.resolve(expected), inputs: options.inputs });
    pool.activate(generation);
    return pool;
  }

  /** Starts the threads if they are not, and resolves once every one has built the generation in force (tests, benches). */
  async ready(timeoutMs = 60_000): Promise<void> {
    this.ensureStarted();
    const deadline = Date.now() + timeoutMs;
    while (!this.threads.every((t) => !t.ending && t.loaded.has(this.active))) {
      if (Date.now() > deadline) throw offloadLoadFailed(`the threads were not ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The hot keys (minBodyBytes, timeoutMs) of a reloaded config; `threads` needs a restart. */
  reconfigure(settings: OffloadSettings): void {
    this.settings = { ...settings, threads: this.settings.threads };
  }

  /** Whether a body of `bytes` (as inspected) goes to a thread: big enough, and a thread holds the generation in force. */
  takes(bytes: number): boolean {
    return this.placeOf(bytes) === 'thread';
  }

  /** Where a body of `bytes` is inspected: in a thread, on the loop (small), or on the loop because no thread is ready (a restart). */
  placeOf(bytes: number): 'thread' | 'loop' | 'unavailable' {
    if (bytes < this.settings.minBodyBytes) return 'loop';
    this.ensureStarted();
    return this.threads.some((t) => !t.ending && t.loaded.has(this.active)) ? 'thread' : 'unavailable';
  }

  /**
   * Has every live thread that serves build `config`'s gates; resolves with the generation to `activate`
   * once all have, rejects (WARDEN_OFFLOAD_LOAD_FAILED) when one cannot or builds something else than
   * `expected`. Before the threads have started there is nothing to build: they will build the
   * generation in force. A thread still building its first generation (started by the first big body,
   * or a replacement) is not waited for either: it serves nothing yet, and `activate` has it build the
   * new generation after its first (one after the other, so the second keeps what the first built:
   * inspection-worker.ts). With ET Open + Snort 3 a reload right after the first big body waited for
   * both workers' threads to build the whole set from nothing (8.6 s at load 8, session 32, walk32).
   */
  async load(config: WardenConfig, expecting: Record<string, string> | Promise<Record<string, string>>, inputs?: InspectionInputs): Promise<number> {
    const generation = ++this.generation;
    const expected = Promise.resolve(expecting);
    const threads = this.threads.filter((t) => !t.ending && t.loaded.size > 0);
    // A thread that dies meanwhile does not fail the reload: its successor builds the generation in force.
    const building = threads.map((t) => this.loadChecked(t, generation, config, expected, inputs).catch((err: unknown) => (t.ending ? undefined : Promise.reject(err))));
    await Promise.all([expected, ...building]);
    this.pendingConfig.set(generation, { config, expected, inputs });
    return generation;
  }

  private readonly pendingConfig = new Map<number, { config: WardenConfig; expected: Promise<Record<string, string>>; inputs: InspectionInputs | undefined }>();

  /** Puts a loaded generation in force: requests from now on are judged with it; the threads drop the others. */
  activate(generation: number): void {
    const entry = this.pendingConfig.get(generation);
    if (entry === undefined) throw new Error(`offload generation ${generation} was not loaded`);
    this.pendingConfig.clear();
    this.active = generation;
    this.activeConfig = entry.config;
    this.activeExpected = entry.expected;
    this.activeInputs = entry.inputs;
    for (const t of this.threads) {
      if (t.ending) continue;
      this.post(t, { type: 'retain', generation });
      for (const g of t.loaded) if (g !== generation) t.loaded.delete(g);
      // A thread started while the generation was being built has the one before: it builds this one.
      if (!t.loaded.has(generation)) this.loadInForce(t);
    }
  }

  /** Drops a loaded generation that will not be put in force (a cluster reload another worker refused). */
  discard(generation: number): void {
    if (!this.pendingConfig.delete(generation)) return;
    for (const t of this.threads) {
      if (t.ending || !t.loaded.delete(generation)) continue;
      this.post(t, { type: 'retain', generation: this.active });
    }
  }

  private ensureStarted(): void {
    if (this.started || this.closed) return;
    this.started = true;
    for (let i = 0; i < this.settings.threads; i++) {
      const t = this.spawn(i);
      this.threads.push(t);
      this.loadInForce(t);
    }
  }

  /** Has a thread build the generation in force; one that cannot is replaced (with a growing delay). */
  private loadInForce(thread: Thread): void {
    this.loadChecked(thread, this.active, this.activeConfig, this.activeExpected, this.activeInputs).catch((err: unknown) => this.replace(thread, 'error', (err as Error).message));
  }

  private async loadChecked(thread: Thread, generation: number, config: WardenConfig, expecting: Promise<Record<string, string>>, inputs: InspectionInputs | undefined): Promise<void> {
    const [described, expected] = await Promise.all([this.loadOn(thread, generation, config, inputs), expecting]);
    for (const key of ['signatures', 'model', 'schema']) {
      if (described[key] !== expected[key]) {
        thread.loaded.delete(generation);
        throw offloadLoadFailed(`${key}: the worker built "${described[key]}", the event-loop thread "${expected[key]}" (a file changed between the two reads? reload again)`);
      }
    }
  }

  /** Walks and judges one request in a thread; never rejects (a failed thread is an outcome to judge by policy). */
  inspect(request: OffloadRequest): Promise<OffloadOutcome> {
    const candidates = this.threads.filter((t) => !t.ending && t.loaded.has(this.active));
    if (candidates.length === 0) return Promise.resolve({ ok: false, reason: 'error', message: 'no inspection worker thread is ready' });
    // The thread with the fewest requests in it; ties go round.
    let thread = candidates[this.next++ % candidates.length];
    for (const t of candidates) if (t.pending.size < thread.pending.size) thread = t;
    const seq = ++this.seq;
    const body = bodyToTransfer(request.body);
    const message: InspectMessage = {
      type: 'inspect',
      seq,
      generation: this.active,
      method: request.method,
      url: request.url,
      httpVersion: request.httpVersion,
      rawHeaders: request.rawHeaders,
      body,
      bodyTruncated: request.bodyTruncated,
      source: request.source,
      id: request.id,
      receivedAt: request.receivedAt,
      cpuBudgetMs: request.cpuBudgetMs,
      memoryBudgetMb: request.memoryBudgetMb,
    };
    return new Promise<OffloadOutcome>((resolve) => {
      if (thread.pending.size === 0) thread.lastHeard = Date.now();
      thread.pending.set(seq, { resolve });
      thread.worker.postMessage(message, [body]);
    });
  }

  /** Requests in the threads now (tests, metrics). */
  get inFlight(): number {
    return this.threads.reduce((n, t) => n + t.pending.size, 0);
  }

  /** The live threads' workers, for tests that end one from outside. */
  workersForTest(): readonly Worker[] {
    return this.threads.filter((t) => !t.ending).map((t) => t.worker);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(
      this.threads.map(async (t) => {
        t.ending = true;
        this.failAll(t, 'error', 'Warden is stopping');
        await t.worker.terminate();
      }),
    );
  }

  private spawn(index: number): Thread {
    const worker = startWorker(this.settings.maxHeapMb);
    // Never what keeps the process alive: close() ends it, and a process that exits otherwise takes it along.
    worker.unref();
    const thread: Thread = { index, worker, loaded: new Set(), waiting: new Map(), pending: new Map(), lastHeard: Date.now(), ending: false, heldTexts: new Set() };
    worker.on('message', (message: FromWorker) => this.received(thread, message));
    worker.on('error', (err) => this.replace(thread, 'died', err.message));
    worker.on('exit', (code) => this.replace(thread, 'died', `exited with code ${code}`));
    return thread;
  }

  private loadOn(thread: Thread, generation: number, config: WardenConfig, inputs: InspectionInputs | undefined): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      thread.waiting.set(generation, { resolve, reject });
      const sent = inputs === undefined ? undefined : inputsToSend(inputs, thread.heldTexts);
      this.post(thread, { type: 'load', generation, config, inputs: sent, inspectOptions: this.inspectOptions });
    });
  }

  private post(thread: Thread, message: ToWorker): void {
    thread.worker.postMessage(message);
  }

  private received(thread: Thread, message: FromWorker): void {
    thread.lastHeard = Date.now();
    switch (message.type) {
      case 'loaded': {
        thread.loaded.add(message.generation);
        const w = thread.waiting.get(message.generation);
        thread.waiting.delete(message.generation);
        if (thread.loaded.size > 0) this.restarts = 0;
        w?.resolve(message.described);
        break;
      }
      case 'load-failed': {
        // The next load sends every text (the thread may not hold this one's: sent-rule-text.ts).
        thread.heldTexts.clear();
        const w = thread.waiting.get(message.generation);
        thread.waiting.delete(message.generation);
        w?.reject(offloadLoadFailed(`${message.code}: ${message.message}`));
        break;
      }
      case 'inspected': {
        const p = thread.pending.get(message.seq);
        thread.pending.delete(message.seq);
        message.inspection.targets = targetsAtTheirIndex(message.keptTargets, message.targetCount);
        p?.resolve({ ok: true, inspection: message.inspection, evaluated: message.evaluated, walkCpuMs: message.walkCpuMs });
        break;
      }
      case 'inspect-failed': {
        const p = thread.pending.get(message.seq);
        thread.pending.delete(message.seq);
        p?.resolve({ ok: false, reason: 'error', message: message.message });
        break;
      }
    }
  }

  /**
   * A thread with requests in it that has said nothing for timeoutMs is taken for hung. It answers
   * each request as it finishes, so a queue of big bodies does not look silent; one request that takes
   * longer than timeoutMs does (keep it above the largest route cpuBudgetMs plus the rules' time on the
   * largest body admitted: the defaults, 200 ms and 1 MiB, take well under a second).
   */
  private checkSilent(): void {
    const now = Date.now();
    for (const t of this.threads) {
      if (t.ending || t.pending.size === 0) continue;
      if (now - t.lastHeard > this.settings.timeoutMs) {
        this.replace(t, 'timeout', `no answer for ${now - t.lastHeard} ms with ${t.pending.size} requests in it`);
      }
    }
  }

  private failAll(thread: Thread, reason: 'died' | 'timeout' | 'error', message: string): number {
    const n = thread.pending.size;
    for (const p of thread.pending.values()) p.resolve({ ok: false, reason, message });
    thread.pending.clear();
    for (const w of thread.waiting.values()) w.reject(offloadLoadFailed(`the thread ${reason === 'timeout' ? 'hung' : 'died'}: ${message}`));
    thread.waiting.clear();
    return n;
  }

  /** Gives back the thread's requests as failed (logged once), ends it and starts another in its place. */
  private replace(thread: Thread, reason: 'died' | 'timeout' | 'error', message: string): void {
    if (thread.ending) return;
    thread.ending = true;
    const requests = this.failAll(thread, reason, message);
    void thread.worker.terminate();
    if (this.closed) return;
    this.log.error(
      { event: 'offload', thread: thread.index, reason, requests, gateErrors: this.activeConfig.failure.gateErrors },
      `inspection worker thread ${reason === 'timeout' ? 'hung' : 'failed'} (${message}); ${requests} requests in it judged per failure.gateErrors; starting it again`,
    );
    this.metrics.offloadRespawns.inc();
    const delay = Math.min(RESTART_DELAY_MAX_MS, RESTART_DELAY_MS * 2 ** this.restarts++);
    setTimeout(() => {
      if (this.closed) return;
      const fresh = this.spawn(thread.index);
      this.threads[this.threads.indexOf(thread)] = fresh;
      this.loadInForce(fresh);
    }, delay).unref();
  }
}

