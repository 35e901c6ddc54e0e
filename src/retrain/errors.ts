import { defineError } from '../errors.js';

export const labelInvalid = defineError('WARDEN_RETRAIN_LABEL_INVALID', 400, (where: string, problem: string) => `label ${where}: ${problem}`);

export const trafficLogUnreadable = defineError('WARDEN_RETRAIN_LOG_UNREADABLE', 400, (where: string, problem: string) => `traffic log ${where}: ${problem}`);

export const candidateInvalid = defineError('WARDEN_RETRAIN_CANDIDATE_INVALID', 400, (dir: string, problem: string) => `candidate model ${dir}: ${problem}`);

export const promotionRefused = defineError(
  'WARDEN_RETRAIN_PROMOTION_REFUSED',
  409,
  (reasons: string) => `promotion refused by the promotion gate: ${reasons}`,
);

export const nothingToRollBack = defineError('WARDEN_RETRAIN_NO_HISTORY', 409, (dir: string) => `no earlier model to roll back to in ${dir}`);

export const modelMissingForReplay = defineError('WARDEN_RETRAIN_MODEL_UNAVAILABLE', 400, (dir: string, why: string) => `model ${dir} could not be loaded: ${why}`);

export const trafficLogDisabled = defineError(
  'WARDEN_RETRAIN_TRAFFIC_LOG_DISABLED',
  409,
  () => 'labels are kept beside the traffic log, and logging.traffic.enabled is false: enable it (and reload or restart) to label requests',
);

export const baseMaterialInvalid = defineError('WARDEN_RETRAIN_BASE_INVALID', 400, (where: string, problem: string) => `base material ${where}: ${problem}`);

export const incidentUnknown = defineError(
  'WARDEN_RETRAIN_INCIDENT_UNKNOWN',
  404,
  (ids: string, where: string) => `incident id(s) not found in the traffic log or decision log (${where}): ${ids}`,
);

export const noTrainingData = defineError('WARDEN_RETRAIN_NO_DATA', 400, (where: string, problem: string) => `nothing to train on from ${where}: ${problem}`);

export const candidateTampered = defineError('WARDEN_RETRAIN_CANDIDATE_HASH', 409, (dir: string, problem: string) => `candidate ${dir} does not match its manifest: ${problem}`);

/** `detail` is `<file or file:line>: <problem>`. */
export const benignRequestsUnreadable = defineError('WARDEN_RETRAIN_BENIGN_UNREADABLE', 400, (detail: string) => `benign requests ${detail}`);

/** `detail` is `<file or file:line>: <problem>`. */
export const attackRequestsUnreadable = defineError('WARDEN_RETRAIN_ATTACKS_UNREADABLE', 400, (detail: string) => `attack requests ${detail}`);
