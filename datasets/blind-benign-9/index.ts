/**
 * Blind benign set 9 (session 26): traffic classes the generated families and blind benign sets 1–8 do not draw —
 * identity-provider and directory administration, DNS zones, certificates and resolvers, network devices' web
 * interfaces, localisation files and platforms, image/video/design tooling, form and survey builders, accounting
 * and banking interchange, mobile apps' SDK and store traffic, game backends and server panels, and search
 * engines as their operators and front ends drive them. Written by hand from knowledge of these products, names
 * and addresses invented, no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-9/index.ts --out datasets/blind-probes/benign-9.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { dns, identity, network } from './access.js';
import { finance, games, mobile } from './apps.js';
import { forms, l10n, media } from './content.js';
import { search } from './search.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_9_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['identity', identity], ['dns', dns], ['network', network], ['l10n', l10n], ['media', media], ['forms', forms],
  ['finance', finance], ['mobile', mobile], ['games', games], ['search', search],
];

export function benign9Records(): RequestRecord[] {
  return blindSetRecords(9, BENIGN_9_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign9Records());
