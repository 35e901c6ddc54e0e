import { benign20Records } from '../../datasets/blind-benign-20/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 20"). */
testBlindBenignSet({
  set: 20,
  classes: {
    boardgames: 13, fandom: 13, flashcards: 13, gamedev: 13, adblock: 13, pkm: 13, docsites: 13, webarchive: 13,
    fediverse: 13, dotfiles: 13, vectordb: 13, graphdb: 13, hpc: 13, desktopauto: 13,
  },
  generate: benign20Records,
});
