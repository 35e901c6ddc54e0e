import { benign12Records } from '../../datasets/blind-benign-12/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 12"). */
testBlindBenignSet({
  set: 12,
  classes: {
    astro: 15, chem: 15, eda: 14, corpus: 15, genealogy: 14, hamradio: 14, sports: 15, scripts: 15,
    energy: 14, agri: 14, endpoint: 15, publishing: 14, subtitles: 14, surveys: 14, heritage: 15,
  },
  generate: benign12Records,
});
