/**
 * Blind benign set 14 (session 31): traffic classes the generated families and blind benign sets 1–13 draw thinly or
 * not at all — storefront carts and checkouts, insurance, food (recipes, delivery, menus), event ticketing,
 * non-profits, data pipelines, edge/CDN configuration, IT asset management, trust & safety, weather, EV charging,
 * maritime, photography and parking. Written by hand from knowledge of these products, names and addresses invented,
 * no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-14/index.ts --out datasets/blind-probes/benign-14.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { cart, events, food, insurance, nonprofit } from './commerce.js';
import { charging, maritime, parking, photo, weather } from './field.js';
import { edge, etl, itam, moderation } from './ops.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_14_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['cart', cart], ['insurance', insurance], ['food', food], ['events', events], ['nonprofit', nonprofit],
  ['etl', etl], ['edge', edge], ['itam', itam], ['moderation', moderation],
  ['weather', weather], ['charging', charging], ['maritime', maritime], ['photo', photo], ['parking', parking],
];

export function benign14Records(): RequestRecord[] {
  return blindSetRecords(14, BENIGN_14_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign14Records());
