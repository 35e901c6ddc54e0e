/**
 * Blind benign set 10 (session 27): traffic classes the generated families and blind benign sets 1–9 draw thinly or
 * not at all — device check-ins and firmware updates, CAD/BIM/3D models and viewers, tills and kitchen printers,
 * freight and warehouses, clinical systems, learning platforms, hiring tools, accessibility audits, e-signature and
 * legal work, trading, travel distribution, consumer messaging and the fediverse, mail administration, GIS servers
 * and machine-learning platforms. Written by hand from knowledge of these products, names and addresses invented,
 * no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-10/index.ts --out datasets/blind-probes/benign-10.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { legal, mailops, messaging, trading, travel } from './business.js';
import { a11y, health, hr, lms } from './care.js';
import { gis, mlops } from './data.js';
import { cad, iot, logistics, pos } from './things.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_10_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['iot', iot], ['cad', cad], ['pos', pos], ['logistics', logistics], ['health', health], ['lms', lms], ['hr', hr],
  ['a11y', a11y], ['legal', legal], ['trading', trading], ['travel', travel], ['messaging', messaging],
  ['mailops', mailops], ['gis', gis], ['mlops', mlops],
];

export function benign10Records(): RequestRecord[] {
  return blindSetRecords(10, BENIGN_10_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign10Records());
