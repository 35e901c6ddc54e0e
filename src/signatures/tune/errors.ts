/** Errors of `warden rules tune` and of the tuning sidecar it writes (loaded with the rules). */
import { defineError } from '../../errors.js';

export const tuningFileInvalid = defineError(
  'WARDEN_TUNE_FILE_INVALID',
  400,
  (file: string, problem: string) => `rule tuning file ${file}: ${problem}`,
);

export const tuningNoBenignTraffic = defineError(
  'WARDEN_TUNE_NO_BENIGN',
  400,
  () => 'no benign traffic to measure: give --benign DIR|FILE (e.g. `npm run datasets -- --out DIR`) or enable logging.traffic',
);

export const tuningBenignUnreadable = defineError(
  'WARDEN_TUNE_BENIGN_UNREADABLE',
  400,
  (where: string, problem: string) => `benign traffic ${where}: ${problem}`,
);
