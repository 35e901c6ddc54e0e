/**
 * Blind benign set 15 (session 32): traffic classes the generated families and blind benign sets 1–14 draw thinly or
 * not at all — home automation, game servers, digital signage, video surveillance, church and club management,
 * accounting, payroll, hotel property management, sports betting, podcast hosting, fleet telematics, municipal
 * permits, laboratory information systems and legal e-discovery. Written by hand from knowledge of these products,
 * names and addresses invented, no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-15/index.ts --out datasets/blind-probes/benign-15.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { accounting, betting, hotel, payroll, podcast } from './business.js';
import { ediscovery, fleet, lims, permits } from './field.js';
import { church, gameserver, homeauto, nvr, signage } from './home.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_15_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['homeauto', homeauto], ['gameserver', gameserver], ['signage', signage], ['nvr', nvr], ['church', church],
  ['accounting', accounting], ['payroll', payroll], ['hotel', hotel], ['betting', betting], ['podcast', podcast],
  ['fleet', fleet], ['permits', permits], ['lims', lims], ['ediscovery', ediscovery],
];

export function benign15Records(): RequestRecord[] {
  return blindSetRecords(15, BENIGN_15_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign15Records());
