import { benign10Records } from '../../datasets/blind-benign-10/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 10"). */
testBlindBenignSet({
  set: 10,
  classes: {
  iot: 16, cad: 15, pos: 15, logistics: 16, health: 16, lms: 17, hr: 15, a11y: 14,
  legal: 15, trading: 16, travel: 15, messaging: 15, mailops: 16, gis: 16, mlops: 18,
},
  generate: benign10Records,
});
