/**
 * Blind benign set 19 (session 36): traffic classes the generated families and blind benign sets 1–18 draw thinly or
 * not at all — tabletop role-playing, interactive fiction, retro computing, game modding, code golf, 3D printing and
 * CNC, model railways, robotics, drones, children's block coding, earth and ocean data services, linguistics, medical
 * imaging and screenwriting. Written by hand from knowledge of these products, names and addresses invented, no
 * captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-19/index.ts --out datasets/blind-probes/benign-19.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { codegolf, fiction, modding, retro, tabletop } from './play.js';
import { drones, fabrication, kidcode, modelrail, robotics } from './makers.js';
import { earthdata, imaging, linguistics, screenplay } from './science.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_19_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['tabletop', tabletop], ['fiction', fiction], ['retro', retro], ['modding', modding], ['codegolf', codegolf],
  ['fabrication', fabrication], ['modelrail', modelrail], ['robotics', robotics], ['drones', drones], ['kidcode', kidcode],
  ['earthdata', earthdata], ['linguistics', linguistics], ['imaging', imaging], ['screenplay', screenplay],
];

export function benign19Records(): RequestRecord[] {
  return blindSetRecords(19, BENIGN_19_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign19Records());
