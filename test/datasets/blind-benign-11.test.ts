import { benign11Records } from '../../datasets/blind-benign-11/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 11"). */
testBlindBenignSet({
  set: 11,
  classes: {
    bio: 16, scholarly: 15, aviation: 14, catalog: 15, property: 14, qr: 15, mobility: 14, social: 15,
    audio: 17, fitness: 14, notes: 14, voip: 14, industrial: 14, civic: 15, sync: 14,
  },
  generate: benign11Records,
});
