import { benign18Records } from '../../datasets/blind-benign-18/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 18"). */
testBlindBenignSet({
  set: 18,
  classes: {
    mainframe: 13, telecom: 13, instruments: 13, automotive: 13, satops: 13, quantum: 13, stats: 13, clinres: 13,
    fonts: 13, wikitext: 13, livecode: 13, crafts: 13, scripture: 13, puzzles: 13,
  },
  generate: benign18Records,
});
