import { benign14Records } from '../../datasets/blind-benign-14/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 14"). */
testBlindBenignSet({
  set: 14,
  classes: {
    cart: 14, insurance: 12, food: 13, events: 12, nonprofit: 12, etl: 13, edge: 13, itam: 12, moderation: 12,
    weather: 12, charging: 11, maritime: 11, photo: 11, parking: 11,
  },
  generate: benign14Records,
});
