/**
 * Blind benign set 13 (session 30): traffic classes the generated families and blind benign sets 1–12 draw thinly or
 * not at all — ad tech, CRM, ERP, bank files, e-invoices, workflow automation, virtualisation consoles, 3D printing
 * and print servers, crash reporting, library systems, marketing automation, design tools, streaming and conversational bots. Written by
 * hand from knowledge of these products, names and addresses invented, no captured traffic, and committed before it
 * was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-13/index.ts --out datasets/blind-probes/benign-13.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { adtech, bankfiles, crm, einvoice, erp } from './commerce.js';
import { bots, design, library, marketing, streaming } from './media.js';
import { automation, crash, printing, virt } from './ops.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_13_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['adtech', adtech], ['crm', crm], ['erp', erp], ['bankfiles', bankfiles], ['einvoice', einvoice],
  ['automation', automation], ['virt', virt], ['printing', printing], ['crash', crash], ['library', library],
  ['marketing', marketing], ['design', design], ['streaming', streaming], ['bots', bots],
];

export function benign13Records(): RequestRecord[] {
  return blindSetRecords(13, BENIGN_13_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign13Records());
