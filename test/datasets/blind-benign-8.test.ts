import { benign8Records } from '../../datasets/blind-benign-8/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 8"). */
testBlindBenignSet({
  set: 8,
  classes: { cicd: 20, obsquery: 20, flags: 20, ide: 20, chatops: 19, sheets: 19, templating: 20, docs: 20, sci: 20, filters: 20, patterns: 20 },
  generate: benign8Records,
});
