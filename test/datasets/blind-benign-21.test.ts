import { benign21Records } from '../../datasets/blind-benign-21/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 21"). */
testBlindBenignSet({
  set: 21,
  classes: {
    csvexport: 12, issuemd: 12, savedquery: 12, ciconfig: 12, logregex: 12, scimath: 12, mailreply: 12, l10nfiles: 12,
    sourcemaps: 12, manifests: 12, calendar: 12, oidc: 12, presigned: 12, flags: 12, apptelemetry: 12,
  },
  generate: benign21Records,
});
