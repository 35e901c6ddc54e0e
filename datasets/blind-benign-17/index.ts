/**
 * Blind benign set 17 (session 34): traffic classes the generated families and blind benign sets 1–16 draw thinly or
 * not at all — BI tools, dbt projects, policy as code, CI editors, infrastructure-as-code editors, API design tools,
 * ticketing with code pasted, online judges, directory administration, e-commerce admin, non-Latin locales, clinical
 * genomics, mathematics tools and patent search. Written by hand from knowledge of these products, names and addresses
 * invented, no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-17/index.ts --out datasets/blind-probes/benign-17.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { bi, dbt, iacedit, pipelines, policy } from './data.js';
import { apidesign, directory, judge, ticketing } from './dev.js';
import { genomics, locales, mathtools, patents, shopadmin } from './people.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_17_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['bi', bi], ['dbt', dbt], ['policy', policy], ['pipelines', pipelines], ['iacedit', iacedit],
  ['apidesign', apidesign], ['ticketing', ticketing], ['judge', judge], ['directory', directory],
  ['shopadmin', shopadmin], ['locales', locales], ['genomics', genomics], ['mathtools', mathtools], ['patents', patents],
];

export function benign17Records(): RequestRecord[] {
  return blindSetRecords(17, BENIGN_17_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign17Records());
