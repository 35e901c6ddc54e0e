import { defineError } from '../errors.js';

/** A sink did not take an alert within one try (connect refused, HTTP status, timeout, closed socket). */
export const alertDeliveryFailed = defineError(
  'WARDEN_ALERTS_DELIVERY_FAILED',
  502,
  (sink: string, reason: string) => `alert sink ${sink}: ${reason}`,
);

/** One try took longer than alerts.delivery.timeoutMs. */
export const alertDeliveryTimeout = defineError(
  'WARDEN_ALERTS_DELIVERY_TIMEOUT',
  504,
  (sink: string, ms: number) => `alert sink ${sink}: no answer within ${ms} ms`,
);

/** `warden alerts test` on a config without sinks: nothing could be tested. */
export const alertsNoSinks = defineError(
  'WARDEN_ALERTS_NO_SINKS',
  400,
  (source: string) => `${source} configures no alert sinks (alerts.sinks is empty)`,
);

/** A webhook header's `{ env }` or `{ file }` value cannot be read (unset, unreadable, empty, or a line break in it). */
export const alertsSecretUnavailable = defineError(
  'WARDEN_ALERTS_SECRET_UNAVAILABLE',
  400,
  (path: string, problem: string) => `${path}: ${problem}`,
);
