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
import { writeFileSync } from 'node:fs';
import type { RequestRecord } from '../../src/eval/record.js';
import { Rng } from '../lib/rng.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { dns, identity, network } from './access.js';
import { finance, games, mobile } from './apps.js';
import { forms, l10n, media } from './content.js';
import { search } from './search.js';

const SEED = 9;
export const SOURCE = 'blind-benign-9';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_9_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['identity', identity], ['dns', dns], ['network', network], ['l10n', l10n], ['media', media], ['forms', forms],
  ['finance', finance], ['mobile', mobile], ['games', games], ['search', search],
];

export function benign9Records(): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const [category, make] of BENIGN_9_CLASSES) {
    make(Rng.derive(SEED, category)).forEach((d, n) => out.push({ id: `bb9/${category}/${n}`, source: SOURCE, label: 'benign', category, ...d }));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const records = benign9Records();
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (i < 0) process.stdout.write(text);
  else writeFileSync(process.argv[i + 1], text);
}
