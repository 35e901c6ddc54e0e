/**
 * Blind benign set 6 (session 22): traffic classes none of the generated families and blind benign sets 1–5
 * cover — LLM and agent APIs, low-code and automation platforms, realtime and server-driven UI frameworks,
 * the older enterprise web frameworks' postbacks, healthcare and B2B interchange, package and container
 * registries with CI's uploads, query-language endpoints, telemetry ingestion, devices on a LAN, document and
 * diagram rendering, web3 JSON-RPC, education platforms, and mail and groupware. Written by hand from
 * knowledge of these protocols and products, names and addresses invented, no captured traffic, and
 * committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-6/index.ts --out datasets/blind-probes/benign-6.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { llm, lowcode, realtime } from './apps.js';
import { dataquery, devices, telemetry } from './data.js';
import { docs, education, mail, web3 } from './docs.js';
import { enterprise, interchange, registry } from './enterprise.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_6_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['llm', llm], ['lowcode', lowcode], ['realtime', realtime], ['enterprise', enterprise], ['interchange', interchange],
  ['registry', registry], ['dataquery', dataquery], ['telemetry', telemetry], ['devices', devices], ['docs', docs],
  ['web3', web3], ['education', education], ['mail', mail],
];

export function benign6Records(): RequestRecord[] {
  return blindSetRecords(6, BENIGN_6_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign6Records());
