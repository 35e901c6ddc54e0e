import { isDeepStrictEqual } from 'node:util';
import { hostname } from 'node:os';
import type { AlertMetrics } from '../log/metrics.js';
import type { IpcChannel } from '../cluster/ipc-channel.js';
import type { AlertsConfig } from './config.js';
import { AlertDispatcher, type AlertLog } from './dispatcher.js';
import { AlertEvaluator } from './evaluator.js';
import { AlertRecorder, type AlertHooks, type CountSnapshot } from './recorder.js';

/** Counts are flushed and rules evaluated once a second. */
export const ALERT_TICK_MS = 1_000;
/** How long a stop or a reload lets queued alerts go out before abandoning them. */
const CLOSE_GRACE_MS = 2_000;
/** The IPC notice a worker sends its counts with. */
export const ALERT_COUNTS_OP = 'alerts.counts';

/**
 * Where rules are evaluated and alerts delivered, once per instance: the single process, or the
 * cluster primary. Rebuilt sinks and rules on a reload that changes `alerts`.
 */
export class InstanceAlerting {
  private config: AlertsConfig;
  private dispatcher: AlertDispatcher;
  private readonly evaluator: AlertEvaluator;
  private readonly timer: NodeJS.Timeout;
  private readonly retiring = new Set<Promise<void>>();

  constructor(
    config: AlertsConfig,
    private readonly metrics: AlertMetrics,
    private readonly log: AlertLog,
    /** Called at each tick before the rules run (a single process flushes its recorder here). */
    private readonly beforeTick: () => void = () => undefined,
  ) {
    this.config = config;
    this.dispatcher = new AlertDispatcher(config, metrics, log);
    this.evaluator = new AlertEvaluator(config, { send: (a) => this.dispatcher.send(a) }, metrics, hostname());
    this.timer = setInterval(() => this.tick(), ALERT_TICK_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.config.rules.length === 0) return;
    try {
      this.beforeTick();
      this.evaluator.tick();
    } catch (err) {
      // Alerting must never take the proxy down; a bug here is logged and the next second tries again.
      this.log.warn({ event: 'alerts', reason: (err as Error).message }, 'alert evaluation failed');
    }
  }

  ingest(origin: string, snapshot: CountSnapshot): void {
    this.evaluator.ingest(origin, snapshot);
  }

  /** A reload (POST /reload, SIGHUP) was refused or failed; the running config stays. */
  reloadFailed(code: string, message: string): void {
    this.evaluator.event('reload-failed', code, { failures: 1 }, `Config reload failed, the previous config stays in force: ${code}: ${message}`);
  }

  reconfigure(config: AlertsConfig): void {
    if (isDeepStrictEqual(config, this.config)) return;
    // Built first: a sink that cannot be built (a header secret that cannot be read) changes nothing.
    const next = new AlertDispatcher(config, this.metrics, this.log);
    const old = this.dispatcher;
    this.config = config;
    this.dispatcher = next;
    this.evaluator.reconfigure(config);
    // The old sinks finish what they hold in the background; close() waits for them.
    const retiring = old.close(CLOSE_GRACE_MS);
    this.retiring.add(retiring);
    void retiring.finally(() => this.retiring.delete(retiring));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([this.dispatcher.close(CLOSE_GRACE_MS), ...this.retiring]);
  }
}

/** What a serving process holds: the hooks of its request path, and the events only it sees. */
export interface ProcessAlerting {
  readonly hooks: AlertHooks;
  /** The model in force failed to load (its code), or loads again (null). */
  modelState(code: string | null): void;
  /** The rate limiter's shared store went down in this process (its name), or answers again (null). */
  rateLimitStoreState(store: string | null): void;
  /** A reload of this process was refused or failed (in a worker the primary reports it: ignored here). */
  reloadFailed(code: string, message: string): void;
  reconfigure(config: AlertsConfig): void;
  close(): Promise<void>;
}

/** A single process: it counts, evaluates and delivers. */
export function localAlerting(config: AlertsConfig, metrics: AlertMetrics, log: AlertLog): ProcessAlerting {
  const recorder = new AlertRecorder(config);
  const instance = new InstanceAlerting(config, metrics, log, () => instance.ingest('local', recorder.flush()));
  return {
    hooks: recorder,
    modelState: (code) => recorder.modelState(code),
    rateLimitStoreState: (store) => recorder.rateLimitStoreState(store),
    reloadFailed: (code, message) => instance.reloadFailed(code, message),
    reconfigure: (c) => {
      recorder.configure(c);
      instance.reconfigure(c);
    },
    close: () => instance.close(),
  };
}

/**
 * A cluster worker: it counts, and sends its counts to the primary every second (one small IPC
 * notice, nothing per request); the primary evaluates the instance's rules over all workers.
 */
export function forwardingAlerting(config: AlertsConfig, channel: IpcChannel): ProcessAlerting {
  const recorder = new AlertRecorder(config);
  const timer = setInterval(() => {
    if (recorder.active) channel.notify(ALERT_COUNTS_OP, recorder.flush());
  }, ALERT_TICK_MS);
  timer.unref();
  return {
    hooks: recorder,
    modelState: (code) => recorder.modelState(code),
    rateLimitStoreState: (store) => recorder.rateLimitStoreState(store),
    reloadFailed: () => undefined,
    reconfigure: (c) => recorder.configure(c),
    close: async () => {
      clearInterval(timer);
      // The last partial second still counts.
      if (recorder.active) channel.notify(ALERT_COUNTS_OP, recorder.flush());
    },
  };
}
