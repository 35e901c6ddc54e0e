/**
 * Blind benign set 7 (session 24): traffic classes the generated families and blind benign sets 1–6 sample
 * thinly or not at all — server configuration saved through hosting panels and control-plane APIs,
 * infrastructure files committed through a forge's API, log and hunting searches in ten more languages, SQL
 * consoles and BI tools, security tooling whose records describe attacks, support and chat messages quoting
 * commands and errors, wiki runbooks, product-analytics/player/maps/payment beacons, CMS saves with code and
 * template directives, and API tools' collections, mocks and gateway definitions. Written by hand from knowledge
 * of these products, names and addresses invented, no captured traffic, and committed before it was measured
 * (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-7/index.ts --out datasets/blind-probes/benign-7.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { logsearch, secops, sqlconsole } from './data.js';
import { configsave, gitops } from './ops.js';
import { support, wiki } from './people.js';
import { apitools, beacons, cmsadmin } from './web.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_7_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['configsave', configsave], ['gitops', gitops], ['logsearch', logsearch], ['sqlconsole', sqlconsole], ['secops', secops],
  ['support', support], ['wiki', wiki], ['beacons', beacons], ['cmsadmin', cmsadmin], ['apitools', apitools],
];

export function benign7Records(): RequestRecord[] {
  return blindSetRecords(7, BENIGN_7_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign7Records());
