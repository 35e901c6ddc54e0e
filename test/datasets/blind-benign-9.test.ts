import { benign9Records } from '../../datasets/blind-benign-9/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 9"). */
testBlindBenignSet({
  set: 9,
  classes: { identity: 20, dns: 21, network: 23, l10n: 21, media: 21, forms: 20, finance: 21, mobile: 20, games: 22, search: 22 },
  generate: benign9Records,
});
