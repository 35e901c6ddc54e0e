import { benign4Records } from '../../datasets/blind-benign-4/index.js';
import type { RequestRecord } from '../../src/eval/record.js';
import { bodyProblem } from './body-check.js';
import { testBlindBenignSet } from './blind-benign-set.js';

/** The counts written before the set was measured (datasets/README.md, "Blind benign set 4"). */
testBlindBenignSet({
  set: 4,
  classes: { payment: 41, maps: 51, video: 40, chat: 37, cms: 37, cloud: 36, graphql: 35, oauth: 37, search: 48, i18n: 51 },
  generate: benign4Records,
  // Algolia's client sends JSON typed as a form to skip the CORS preflight.
  bodyCheck: (r: RequestRecord) => {
    if (r.path !== '/1/indexes/*/queries') return bodyProblem(r);
    try {
      JSON.parse(r.body ?? '');
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  },
  bodyNote: " (Algolia's client sends JSON typed as a form to skip the CORS preflight)",
});
