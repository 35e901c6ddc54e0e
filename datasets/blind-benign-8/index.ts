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
import { writeFileSync } from 'node:fs';
import type { RequestRecord } from '../../src/eval/record.js';
import { Rng } from '../lib/rng.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { docs, sci, templating } from './content.js';
import { cicd, flags, obsquery } from './devops.js';
import { filters, patterns } from './settings.js';
import { chatops, ide, sheets } from './tools.js';

const SEED = 8;
export const SOURCE = 'blind-benign-8';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_8_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['cicd', cicd], ['obsquery', obsquery], ['flags', flags], ['ide', ide], ['chatops', chatops], ['sheets', sheets],
  ['templating', templating], ['docs', docs], ['sci', sci], ['filters', filters], ['patterns', patterns],
];

export function benign8Records(): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const [category, make] of BENIGN_8_CLASSES) {
    make(Rng.derive(SEED, category)).forEach((d, n) => out.push({ id: `bb8/${category}/${n}`, source: SOURCE, label: 'benign', category, ...d }));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const records = benign8Records();
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (i < 0) process.stdout.write(text);
  else writeFileSync(process.argv[i + 1], text);
}
