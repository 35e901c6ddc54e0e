import { benign6Records } from '../../datasets/blind-benign-6/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 6"). */
testBlindBenignSet({
  set: 6,
  classes: { llm: 16, lowcode: 14, realtime: 12, enterprise: 14, interchange: 12, registry: 15, dataquery: 14, telemetry: 11, devices: 10, docs: 12, web3: 8, education: 10, mail: 11 },
  generate: benign6Records,
});
