/**
 * How often the bundled rules run on ordinary traffic, not only whether they fire: a rule whose
 * prefilter trigger is in most benign requests (`http:`, a lone quote, `-o`) runs its pcre on each of
 * them. On the families below 9000528 was a candidate on 82 % of the requests, 9000309 on 50 %,
 * 9000365 on 48 %, and the whole set on 8.7 rules a request; split so that each part's trigger is
 * specific (rev 2026-12-10u): 1.4 %, 1.5 %, 0.01 % and 7.0. The load bench's benign scenarios run one
 * rule each (bench/scenario-rule-runs), so only traffic like this shows it. Rev 2026-12-10x (fp28): 9000314 (59 %),
 * 9000369 (25 %, `ver` in server/version), 9000117 (23 %, any or/and in a body) split the same way: each part 0.25-3.5 %,
 * the whole set 7.0 -> 6.1. Rev 2026-12-11s (sp30): 9000318 (10.6 %, a lone `|`) and 9001357 (12.2 %, `|` or `dde`) rewritten
 * to match the same strings with a glued trigger: 0.0 % and 1.0 %.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FAMILIES, iterateFamily } from '../../datasets/loaders.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { compileRules, type CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { createInspector } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import type { Rule } from '../../src/signatures/rule.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const SEED = 4242;
const SCALE = 0.05;
/**
 * The rules split in rev 2026-12-10u (9000540 and 9000541 from 9000528, 9000342 from 9000309, 9000343 from 9000365),
 * 2026-12-10v (9000344 from 9000373, a candidate on 82 % as it landed) and 2026-12-10x (9000375, 9000384-9000388 from
 * 9000314; 9000376 from 9000369; 9000183 from 9000117; 9000377 from 9000315, a candidate on 16 % through a lone `>`); and
 * rev 2026-12-10z's destination rules (9000598, 9000599, 9000572, 9000571: 0.16-0.24 % when written), whose URL literals are
 * everywhere unless the address's first digits are glued on; and rev 2026-12-11s's 9000318 and 9001357 (a pipe or quote glued to
 * what follows it).
 */
const WATCHED = [9000528, 9000540, 9000541, 9000309, 9000342, 9000365, 9000343, 9000373, 9000344, 9000314, 9000375, 9000384, 9000385, 9000386, 9000387, 9000388, 9000369, 9000376, 9000117, 9000183, 9000315, 9000377, 9000598, 9000599, 9000572, 9000571, 9000318, 9001357];
/** Share of benign requests a watched rule may be a candidate on (each measured at 2.8 % or less, but 9000117). */
const MAX_SHARE = 0.03;
/**
 * 9000117's word operators trigger on a blank before `or`/`and`, which prose in a body holds: measured 3.5 %.
 * 9000385's separators (`;`, `|`, `&&`, a backtick) are read in a form body's URL-decoded values and a multipart body's
 * fields since session 32 (decoded-views.ts: `%3B` was the form's spelling of `;`): 2.75 -> 3.04 %.
 */
const MAX_SHARE_OF: Record<number, number> = { 9000117: 0.045, 9000385: 0.035 };
/** Mean candidates (rules evaluated) per benign request, the whole bundled set (6.0 at rev 2026-12-10x with 9000315's split, 6.1 before it, 7.0 at 2026-12-10u, 8.7 before): one more rule on a third of the requests fails it. */
const MAX_MEAN_EVALUATIONS = 6.3;

let rules: Rule[];
let whole: CompiledSignatureGate;
const inspections: Inspection[] = [];
beforeAll(async () => {
  const loaded = await loadRuleSet([RULES]);
  rules = loaded.rules;
  whole = loaded.gate;
  const inspect = createInspector();
  for (const family of FAMILIES) for (const record of iterateFamily(family, SEED, SCALE)) inspections.push(inspect(recordToRawRequest(record)));
}, 120_000);

describe(`bundled rules' evaluations on generated benign traffic (seed ${SEED}, scale ${SCALE})`, () => {
  it.each(WATCHED)('%i runs on few benign requests', (sid) => {
    const gate = compileRules(rules.filter((r) => r.sid === sid));
    expect(gate.stats.rules).toBe(1);
    let ran = 0;
    for (const inspection of inspections) if (gate.evaluate(inspection).candidates > 0) ran++;
    expect(inspections.length).toBeGreaterThan(5000);
    expect(ran / inspections.length).toBeLessThanOrEqual(MAX_SHARE_OF[sid] ?? MAX_SHARE);
  });

  it(`the whole set runs at most ${MAX_MEAN_EVALUATIONS} rules per benign request on average`, () => {
    let evaluated = 0;
    for (const inspection of inspections) evaluated += whole.evaluate(inspection).candidates;
    expect(evaluated / inspections.length).toBeLessThanOrEqual(MAX_MEAN_EVALUATIONS);
  });
});
