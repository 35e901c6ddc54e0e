/**
 * Blind benign set 8 (session 25): traffic of the platform's own consoles and of the people who run it, in
 * classes the generated families and blind benign sets 1–7 do not draw — CI/CD consoles and their pipeline
 * definitions, observability query languages, feature-flag, remote-config and policy services, browser IDEs,
 * notebooks and language servers, chat-ops commands and bots, spreadsheet and low-code formulas, template
 * editors, Markdown documents with fenced code, scientific notations, product filter syntaxes, and regular
 * expressions and schedules saved as settings. Written by hand from knowledge of these products, names and
 * addresses invented, no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-8/index.ts --out datasets/blind-probes/benign-8.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { docs, sci, templating } from './content.js';
import { cicd, flags, obsquery } from './devops.js';
import { filters, patterns } from './settings.js';
import { chatops, ide, sheets } from './tools.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_8_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['cicd', cicd], ['obsquery', obsquery], ['flags', flags], ['ide', ide], ['chatops', chatops], ['sheets', sheets],
  ['templating', templating], ['docs', docs], ['sci', sci], ['filters', filters], ['patterns', patterns],
];

export function benign8Records(): RequestRecord[] {
  return blindSetRecords(8, BENIGN_8_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign8Records());
