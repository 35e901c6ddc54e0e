/**
 * Blind benign set 12 (session 29): traffic classes the generated families and blind benign sets 1–11 draw thinly or
 * not at all — astronomy archives, chemistry, electronics design, corpus linguistics, family history, amateur radio,
 * sports and games notation, text in less-sampled scripts, energy and smart meters, farming, endpoint management,
 * publishing sources, subtitles and captions, survey logic, and cultural heritage. Written by hand from knowledge of
 * these products, names and addresses invented, no captured traffic, and committed before it was measured
 * (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-12/index.ts --out datasets/blind-probes/benign-12.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { heritage, subtitles, surveys } from './media.js';
import { agri, endpoint, energy, publishing } from './ops.js';
import { genealogy, hamradio, scripts, sports } from './people.js';
import { astro, chem, corpus, eda } from './science.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_12_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['astro', astro], ['chem', chem], ['eda', eda], ['corpus', corpus], ['genealogy', genealogy], ['hamradio', hamradio],
  ['sports', sports], ['scripts', scripts], ['energy', energy], ['agri', agri], ['endpoint', endpoint],
  ['publishing', publishing], ['subtitles', subtitles], ['surveys', surveys], ['heritage', heritage],
];

export function benign12Records(): RequestRecord[] {
  return blindSetRecords(12, BENIGN_12_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign12Records());
