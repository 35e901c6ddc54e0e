/**
 * What decoded views (src/signatures/match/decoded-views.ts) cost the signature gate, A/B in one
 * process: each benign record's inspection is evaluated as is and as a copy whose targets carry no
 * decoded form (the gate as it was before rules saw decoded forms), interleaved, median of 5 each.
 * Reported over all records and split by whether the request has any decoded form (a request without
 * one gets no view: the two arms should agree there).
 * Run: npx tsx bench/signature-decoded-views.ts --benign FILE.ndjson ... [--rules DIR ...] [--every N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { Inspection } from '../src/inspect/types.js';
import { loadRuleSet } from '../src/signatures/index.js';
import { recordToRawRequest } from '../src/eval/record-request.js';
import { hasDecodedForms } from '../src/signatures/match/decoded-views.js';
import { listAfter as listOf } from './lib/list-flags.js';

const argv = process.argv.slice(2);
const listAfter = (flag: string): string[] => listOf(argv, flag);
const every = Number(listAfter('--every')[0] ?? 1);
const benignFiles = listAfter('--benign');
if (benignFiles.length === 0) {
  console.error('usage: npx tsx bench/signature-decoded-views.ts --benign FILE.ndjson ... [--rules DIR ...] [--every N]');
  process.exit(2);
}
const { gate } = await loadRuleSet([fileURLToPath(new URL('../signatures', import.meta.url)), ...listAfter('--rules')]);

// Before rules saw decoded forms: no target carries one, and no JSON body is shown whole (keyed on bodyKind).
const withoutForms = (inspection: Inspection): Inspection => ({
  ...inspection,
  bodyKind: inspection.bodyKind === 'json' ? 'text' : inspection.bodyKind,
  targets: inspection.targets.map((t) => ({ location: t.location, name: t.name, role: t.role, raw: t.raw, decoded: [], decodedVia: [] })),
});

const median5 = (f: () => void): number => {
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    f();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2] * 1000;
};

const arms = { all: { views: [] as number[], none: [] as number[] }, withForms: { views: [] as number[], none: [] as number[] }, noForms: { views: [] as number[], none: [] as number[] } };
let newHits = 0;
let n = 0;
for (const file of benignFiles) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || n++ % every !== 0) continue;
    const inspection = buildInspection(recordToRawRequest(JSON.parse(line)));
    const plain = withoutForms(inspection);
    const hasForms = hasDecodedForms(inspection);
    // Alternate which arm runs first, so neither gets the other's warm caches every time.
    const first = n % 2 === 0;
    const b0 = first ? 0 : median5(() => gate.evaluate(plain));
    const a = median5(() => gate.evaluate(inspection));
    const b = first ? median5(() => gate.evaluate(plain)) : b0;
    if (gate.evaluate(inspection).hits.length > gate.evaluate(plain).hits.length) newHits++;
    for (const arm of [arms.all, hasForms ? arms.withForms : arms.noForms]) {
      arm.views.push(a);
      arm.none.push(b);
    }
  }
}
const q = (xs: number[], p: number): string => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0 ? '-' : s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
};
console.log(`rules: ${gate.ruleCount}; records with a new hit from decoded views: ${newHits}`);
for (const [name, arm] of Object.entries(arms)) {
  console.log(`${name.padEnd(10)} ${String(arm.views.length).padStart(6)} records   views median ${q(arm.views, 0.5)} / p90 ${q(arm.views, 0.9)} / p99 ${q(arm.views, 0.99)} µs   no forms median ${q(arm.none, 0.5)} / p90 ${q(arm.none, 0.9)} / p99 ${q(arm.none, 0.99)} µs`);
}
