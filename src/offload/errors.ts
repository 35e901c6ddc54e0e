import { defineError } from '../errors.js';

/** An inspection worker thread exited, hung past `offload.timeoutMs`, or threw while a request was in it. */
export const offloadWorkerFailed = defineError(
  'WARDEN_OFFLOAD_WORKER_FAILED',
  500,
  (reason: string) => `the inspection worker thread failed (${reason}); the request was judged per failure.gateErrors`,
);

/** An inspection worker thread could not build the gates of a config generation (start-up or reload). */
export const offloadLoadFailed = defineError(
  'WARDEN_OFFLOAD_LOAD_FAILED',
  500,
  (reason: string) => `an inspection worker thread could not load the rules, model and schema: ${reason}`,
);
