/**
 * Blind benign set 18 (session 35): traffic classes the generated families and blind benign sets 1–17 draw thinly or
 * not at all — mainframes, telecom provisioning, laboratory instruments, vehicle diagnostics, satellite operations,
 * quantum computing, statistics packages, clinical research data capture, type design, wikis, live-coded music,
 * crafts, scripture study and puzzles. Written by hand from knowledge of these products, names and addresses
 * invented, no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-18/index.ts --out datasets/blind-probes/benign-18.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { automotive, instruments, mainframe, satops, telecom } from './machines.js';
import { clinres, fonts, quantum, stats, wikitext } from './research.js';
import { crafts, livecode, puzzles, scripture } from './people.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_18_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['mainframe', mainframe], ['telecom', telecom], ['instruments', instruments], ['automotive', automotive],
  ['satops', satops], ['quantum', quantum], ['stats', stats], ['clinres', clinres], ['fonts', fonts],
  ['wikitext', wikitext], ['livecode', livecode], ['crafts', crafts], ['scripture', scripture], ['puzzles', puzzles],
];

export function benign18Records(): RequestRecord[] {
  return blindSetRecords(18, BENIGN_18_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign18Records());
