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
import { writeFileSync } from 'node:fs';
import type { RequestRecord } from '../../src/eval/record.js';
import { Rng } from '../lib/rng.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { logsearch, secops, sqlconsole } from './data.js';
import { configsave, gitops } from './ops.js';
import { support, wiki } from './people.js';
import { apitools, beacons, cmsadmin } from './web.js';

const SEED = 7;
export const SOURCE = 'blind-benign-7';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_7_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['configsave', configsave], ['gitops', gitops], ['logsearch', logsearch], ['sqlconsole', sqlconsole], ['secops', secops],
  ['support', support], ['wiki', wiki], ['beacons', beacons], ['cmsadmin', cmsadmin], ['apitools', apitools],
];

export function benign7Records(): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const [category, make] of BENIGN_7_CLASSES) {
    make(Rng.derive(SEED, category)).forEach((d, n) => out.push({ id: `bb7/${category}/${n}`, source: SOURCE, label: 'benign', category, ...d }));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const records = benign7Records();
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (i < 0) process.stdout.write(text);
  else writeFileSync(process.argv[i + 1], text);
}
