/**
 * Blind benign set 11 (session 28): traffic classes the generated families and blind benign sets 1–10 draw thinly or
 * not at all — genomics and bioinformatics formats, scholarly metadata and library protocols, aviation weather and
 * flight plans, product catalogues with feet and inch marks, real estate and insurance, QR-code payloads, charging,
 * transit and vehicle APIs, social posts with emoticons and kaomoji, music and notation, workouts and recipes, personal
 * knowledge bases, telephony, factory engineering tools, government open data and services, and file sync, backup and
 * password vaults. Written by hand from knowledge of these products, names and addresses invented, no captured
 * traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-11/index.ts --out datasets/blind-probes/benign-11.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { catalog, mobility, property, qr } from './commerce.js';
import { civic, industrial, sync, voip } from './ops.js';
import { audio, fitness, notes, social } from './people.js';
import { aviation, bio, scholarly } from './science.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_11_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['bio', bio], ['scholarly', scholarly], ['aviation', aviation], ['catalog', catalog], ['property', property],
  ['qr', qr], ['mobility', mobility], ['social', social], ['audio', audio], ['fitness', fitness], ['notes', notes],
  ['voip', voip], ['industrial', industrial], ['civic', civic], ['sync', sync],
];

export function benign11Records(): RequestRecord[] {
  return blindSetRecords(11, BENIGN_11_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign11Records());
