import { benign5Records } from '../../datasets/blind-benign-5/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 5"). */
testBlindBenignSet({
  set: 5,
  classes: { snippets: 18, issues: 14, qa: 12, notebook: 14, logsearch: 15, ci: 8, iac: 10, dbadmin: 13, chatops: 10, configs: 10 },
  generate: benign5Records,
});
