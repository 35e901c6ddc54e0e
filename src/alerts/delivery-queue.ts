import type { Alert } from './alert.js';
import type { AlertDeliveryConfig } from './config.js';
import { alertDeliveryTimeout } from './errors.js';
import type { AlertSink } from './sink.js';

/** What a queue reports: every alert ends as exactly one of sent, failed (tries exhausted) or dropped (queue full). */
export interface DeliveryEvents {
  sent(sink: string): void;
  failed(sink: string, code: string, reason: string): void;
  dropped(sink: string): void;
}

/** Waits `ms`, or less when `signal` fires; leaves no listener behind either way. */
const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * One sink's outbox: a bounded ring of alerts, one delivery at a time, each try bounded by
 * `timeoutMs`, retried `attempts` times with doubling back-off. Nothing here is awaited by the request
 * path: `push` only stores. A dead or slow sink therefore costs at most `queueSize` alerts of memory;
 * past that the oldest waiting alert is dropped and counted (the newest says the most).
 */
export class DeliveryQueue {
  private readonly ring: (Alert | undefined)[];
  private head = 0;
  private size = 0;
  private running = false;
  private readonly stopping = new AbortController();
  private idle: Promise<void> = Promise.resolve();

  constructor(
    readonly sink: AlertSink,
    private readonly options: AlertDeliveryConfig,
    private readonly events: DeliveryEvents,
  ) {
    this.ring = new Array<Alert | undefined>(options.queueSize);
  }

  /** Alerts waiting (not counting the one being delivered). */
  get depth(): number {
    return this.size;
  }

  push(alert: Alert): void {
    if (this.stopping.signal.aborted) return;
    const capacity = this.ring.length;
    if (this.size === capacity) {
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % capacity;
      this.size--;
      this.events.dropped(this.sink.name);
    }
    this.ring[(this.head + this.size) % capacity] = alert;
    this.size++;
    if (!this.running) {
      this.running = true;
      this.idle = this.drain();
    }
  }

  /** One try with the per-try timeout; resolves null when delivered, else the error. */
  async tryOnce(alert: Alert): Promise<Error | null> {
    const attempt = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort(alertDeliveryTimeout(this.sink.name, this.options.timeoutMs));
    }, this.options.timeoutMs);
    const stop = (): void => attempt.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener('abort', stop, { once: true });
    try {
      await this.sink.deliver(alert, attempt.signal);
      return null;
    } catch (err) {
      if (timedOut) return alertDeliveryTimeout(this.sink.name, this.options.timeoutMs);
      return err instanceof Error ? err : new Error(String(err));
    } finally {
      clearTimeout(timer);
      this.stopping.signal.removeEventListener('abort', stop);
    }
  }

  private take(): Alert | undefined {
    if (this.size === 0) return undefined;
    const alert = this.ring[this.head];
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.ring.length;
    this.size--;
    return alert;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopping.signal.aborted) {
        const alert = this.take();
        if (alert === undefined) break;
        let error: Error | null = null;
        for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
          error = await this.tryOnce(alert);
          if (error === null || this.stopping.signal.aborted) break;
          if (attempt < this.options.attempts) await sleep(this.options.backoffMs * 2 ** (attempt - 1), this.stopping.signal);
        }
        if (error === null) this.events.sent(this.sink.name);
        // Cut short by close(): left at stop, like the alerts still waiting.
        else if (this.stopping.signal.aborted) this.events.dropped(this.sink.name);
        else this.events.failed(this.sink.name, (error as { code?: string }).code ?? 'ERROR', error.message);
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Gives what is queued up to `graceMs` to go out (a stop or reload should not lose the alert that
   * explains it), then abandons the rest and closes the sink.
   */
  async close(graceMs: number): Promise<void> {
    await Promise.race([this.idle, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.stopping.abort();
    await this.idle;
    for (let left = this.take(); left !== undefined; left = this.take()) this.events.dropped(this.sink.name);
    await this.sink.close();
  }
}
