import { benign16Records } from '../../datasets/blind-benign-16/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 16"). */
testBlindBenignSet({
  set: 16,
  classes: {
    alerting: 13, lakehouse: 13, automate: 12, netauto: 13, diagrams: 13, fhir: 13, pharmacy: 12, esign: 12, realestate: 12,
    bim: 12, emailtpl: 13, tms: 13, sciwrite: 13, music: 13,
  },
  generate: benign16Records,
});
