import type { Alert } from './alert.js';

/**
 * Somewhere alerts go. `deliver` is one try: it resolves when the sink took the alert (a 2xx answer,
 * a datagram sent, bytes handed to TCP) and rejects with a WARDEN_ALERTS_* error otherwise; retries,
 * the queue and the per-try timeout live in delivery-queue.ts, the same for every sink.
 */
export interface AlertSink {
  /** `webhook#1`, or the configured name: metrics, logs and `warden alerts test` use it. */
  readonly name: string;
  /** Where it sends, without secrets (a webhook's host and port, never its path): for people, not for code. */
  readonly target: string;
  deliver(alert: Alert, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
