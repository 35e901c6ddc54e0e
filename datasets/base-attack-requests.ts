/**
 * The attack requests shipped with the base material (`<model>/base/attack-requests.ndjson.gz`): the
 * repository's own generators only — every attack family of `datasets/attack-families.ts` and every
 * exploit template of `datasets/exploits.ts` (never a held-out set: those are blind evaluation sets) —
 * at a seed the model was not trained on (the recipe draws seed 1), so `warden promote` can judge a
 * candidate's full pipeline on attack requests as it judges it on the shipped benign ones. The per-text
 * checks alone passed a candidate that lost 16 blind-probe and 24 held-out exploit requests (session 29).
 *
 *   npx tsx datasets/base-attack-requests.ts [--model models/payload-v1] [--seed 61] [--per-family 100] [--per-template 20]
 *
 * Adds (or replaces) the file and its `attackRequests` entry in an existing `base.json`, leaving every
 * other file as it is; `datasets/base-material.ts` writes it too. Same seed and counts, same bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { BASE_DIR, BASE_MANIFEST, type BaseManifest } from '../src/retrain/base-material.js';
import { ATTACK_FAMILIES } from '../src/model/training-data/attack-families/index.js';
import { generateAttackRecords } from './attack-families.js';
import { EXPLOIT_TEMPLATES, generateExploitRecords, hasVisiblePayload } from './exploits/index.js';
import { writeGzipped } from './base-requests.js';

export const BASE_ATTACK_REQUESTS_FILE = 'attack-requests.ndjson.gz';
export const BASE_ATTACK_REQUESTS_SEED = 61;
/**
 * 23 families × 100 + 69 templates × 20 = 3,680 requests: promote runs them through both pipelines in
 * about 10 s. The 5 templates without a visible payload (an auth bypass, a serialized cookie no model
 * reads) are left out: no pipeline's model can block them, so they would only cost time.
 */
export const BASE_ATTACK_PER_FAMILY = 100;
export const BASE_ATTACK_PER_TEMPLATE = 20;

export async function writeBaseAttackRequests(
  dir: string,
  seed = BASE_ATTACK_REQUESTS_SEED,
  perFamily = BASE_ATTACK_PER_FAMILY,
  perTemplate = BASE_ATTACK_PER_TEMPLATE,
): Promise<NonNullable<BaseManifest['attackRequests']>> {
  const records = [...generateAttackRecords(seed, perFamily, ATTACK_FAMILIES.map((f) => f.name)), ...generateExploitRecords(seed, perTemplate, undefined, EXPLOIT_TEMPLATES.filter(hasVisiblePayload))];
  const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
  return {
    file: BASE_ATTACK_REQUESTS_FILE,
    texts: records.length,
    attacks: records.length,
    benign: 0,
    sha256: await writeGzipped(dir, BASE_ATTACK_REQUESTS_FILE, text),
    built: `npx tsx datasets/base-attack-requests.ts --seed ${seed} --per-family ${perFamily} --per-template ${perTemplate} (every attack family of datasets/attack-families.ts, every exploit template of datasets/exploits.ts with a visible payload; no held-out set)`,
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    name: 'datasets/base-attack-requests.ts',
    maxPositionals: 0,
    flags: { model: { kind: 'string' }, seed: { kind: 'integer', min: 0 }, 'per-family': { kind: 'integer', min: 1 }, 'per-template': { kind: 'integer', min: 1 } },
  });
  if (args.flags.has('help')) {
    console.log('npx tsx datasets/base-attack-requests.ts [--model models/payload-v1] [--seed 61] [--per-family 100] [--per-template 20]');
    return 0;
  }
  const dir = join(stringFlag(args, 'model') ?? 'models/payload-v1', BASE_DIR);
  const manifestPath = join(dir, BASE_MANIFEST);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BaseManifest;
  const entry = await writeBaseAttackRequests(
    dir,
    Number(stringFlag(args, 'seed') ?? BASE_ATTACK_REQUESTS_SEED),
    Number(stringFlag(args, 'per-family') ?? BASE_ATTACK_PER_FAMILY),
    Number(stringFlag(args, 'per-template') ?? BASE_ATTACK_PER_TEMPLATE),
  );
  const { recorded, ...rest } = manifest;
  await writeFile(manifestPath, JSON.stringify({ ...rest, attackRequests: entry, recorded }, null, 2) + '\n');
  console.log(`wrote ${join(dir, entry.file)}: ${entry.texts} attack requests`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
