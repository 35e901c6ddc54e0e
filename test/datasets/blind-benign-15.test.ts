import { benign15Records } from '../../datasets/blind-benign-15/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 15"). */
testBlindBenignSet({
  set: 15,
  classes: {
    homeauto: 13, gameserver: 13, signage: 12, nvr: 12, church: 13, accounting: 13, payroll: 12, hotel: 13, betting: 12,
    podcast: 12, fleet: 12, permits: 12, lims: 13, ediscovery: 13,
  },
  generate: benign15Records,
});
