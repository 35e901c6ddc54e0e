import { benign17Records } from '../../datasets/blind-benign-17/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 17"). */
testBlindBenignSet({
  set: 17,
  classes: {
    bi: 13, dbt: 13, policy: 13, pipelines: 13, iacedit: 13, apidesign: 13, ticketing: 13, judge: 13, directory: 13,
    shopadmin: 12, locales: 13, genomics: 13, mathtools: 13, patents: 13,
  },
  generate: benign17Records,
});
