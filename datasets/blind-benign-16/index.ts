/**
 * Blind benign set 16 (session 33): traffic classes the generated families and blind benign sets 1–15 draw thinly or
 * not at all — alerting and dashboards, lakehouse notebooks, automation platforms' expressions, network automation,
 * diagrams as code, FHIR servers, pharmacy, e-signature, real estate, building information modelling, email
 * templates, translation management, scientific writing and music. Written by hand from knowledge of these
 * products, names and addresses invented, no captured traffic, and committed before it was measured
 * (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-16/index.ts --out datasets/blind-probes/benign-16.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { bim, esign, fhir, pharmacy, realestate } from './care.js';
import { alerting, automate, diagrams, lakehouse, netauto } from './ops.js';
import { emailtpl, music, sciwrite, tms } from './words.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_16_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['alerting', alerting], ['lakehouse', lakehouse], ['automate', automate], ['netauto', netauto], ['diagrams', diagrams],
  ['fhir', fhir], ['pharmacy', pharmacy], ['esign', esign], ['realestate', realestate], ['bim', bim],
  ['emailtpl', emailtpl], ['tms', tms], ['sciwrite', sciwrite], ['music', music],
];

export function benign16Records(): RequestRecord[] {
  return blindSetRecords(16, BENIGN_16_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign16Records());
