import { defineError } from '../errors.js';

export const ipcTimeout = defineError(
  'WARDEN_CLUSTER_IPC_TIMEOUT',
  504,
  (op: string, ms: number) => `no answer to "${op}" over cluster IPC within ${ms} ms`,
);
export const ipcClosed = defineError(
  'WARDEN_CLUSTER_IPC_CLOSED',
  503,
  (op: string, reason: string) => `cluster IPC link closed before "${op}" was answered: ${reason}`,
);
export const workerStartFailed = defineError(
  'WARDEN_CLUSTER_WORKER_START_FAILED',
  500,
  (worker: number, pid: number | undefined, reason: string) => `worker ${worker} (pid ${pid ?? '?'}) could not start: ${reason}`,
);
/** Some workers did not apply a reload: details list each worker's outcome. */
export const clusterReloadFailed = defineError(
  'WARDEN_CLUSTER_RELOAD_FAILED',
  422,
  (applied: number, total: number, failures: string) => `reload applied by ${applied} of ${total} workers; failed: ${failures}`,
);
