import { benign19Records } from '../../datasets/blind-benign-19/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 19"). */
testBlindBenignSet({
  set: 19,
  classes: {
    tabletop: 13, fiction: 13, retro: 13, modding: 13, codegolf: 13, fabrication: 13, modelrail: 13, robotics: 13,
    drones: 13, kidcode: 13, earthdata: 13, linguistics: 13, imaging: 13, screenplay: 13,
  },
  generate: benign19Records,
});
