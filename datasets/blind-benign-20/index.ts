/**
 * Blind benign set 20 (session 37): traffic classes the generated families and blind benign sets 1–19 draw thinly or
 * not at all — board game servers, fan fiction and fan wikis, flashcards and quiz formats, game engines and shaders,
 * content blockers and userscripts, personal knowledge bases, documentation sites, web archives, the fediverse,
 * dotfiles, vector databases, graph and time-series consoles, HPC portals and desktop automation. Written by hand from
 * knowledge of these products, names and addresses invented, no captured traffic, and committed before it was measured
 * (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-20/index.ts --out datasets/blind-probes/benign-20.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { adblock, boardgames, fandom, flashcards, gamedev } from './play.js';
import { docsites, dotfiles, fediverse, pkm, webarchive } from './knowledge.js';
import { desktopauto, graphdb, hpc, vectordb } from './data.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_20_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['boardgames', boardgames], ['fandom', fandom], ['flashcards', flashcards], ['gamedev', gamedev], ['adblock', adblock],
  ['pkm', pkm], ['docsites', docsites], ['webarchive', webarchive], ['fediverse', fediverse], ['dotfiles', dotfiles],
  ['vectordb', vectordb], ['graphdb', graphdb], ['hpc', hpc], ['desktopauto', desktopauto],
];

export function benign20Records(): RequestRecord[] {
  return blindSetRecords(20, BENIGN_20_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign20Records());
