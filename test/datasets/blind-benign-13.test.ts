import { benign13Records } from '../../datasets/blind-benign-13/index.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 13"). */
testBlindBenignSet({
  set: 13,
  classes: {
    adtech: 14, crm: 14, erp: 14, bankfiles: 13, einvoice: 14, automation: 14, virt: 13, printing: 15, crash: 14,
    library: 14, marketing: 14, design: 14, streaming: 14, bots: 15,
  },
  generate: benign13Records,
});
