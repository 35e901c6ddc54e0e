import { benign7Records } from '../../datasets/blind-benign-7/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 7"). */
testBlindBenignSet({
  set: 7,
  classes: { configsave: 21, gitops: 20, logsearch: 20, sqlconsole: 20, secops: 20, support: 20, wiki: 20, beacons: 20, cmsadmin: 20, apitools: 20 },
  generate: benign7Records,
});
