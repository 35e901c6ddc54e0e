/**
 * The benign requests shipped with the base material (`<model>/base/requests.ndjson.gz`): every generated
 * benign family at a small scale and a seed the model was not trained on (the recipe draws seed 1), so
 * `warden train --from-logs` and `warden promote` can judge a candidate on whole requests through both
 * full pipelines on a clean install, not only on texts one by one.
 *
 *   npx tsx datasets/base-requests.ts [--model models/payload-v1] [--seed 61] [--scale 0.05]
 *
 * Adds (or replaces) the file and its `requests` entry in an existing `base.json`, leaving the text files
 * as they are; `datasets/base-material.ts` writes it too. Same seed and scale, same bytes.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { BASE_DIR, BASE_MANIFEST, type BaseManifest } from '../src/retrain/base-material.js';
import { iterateFamily, selectFamilies } from './engine.js';

export const BASE_REQUESTS_FILE = 'requests.ndjson.gz';
export const BASE_REQUESTS_SEED = 61;
export const BASE_REQUESTS_SCALE = 0.05;

/** Writes `text` gzip'd to `dir/file` and returns the SHA-256 of the file's bytes (the base manifest's). */
export async function writeGzipped(dir: string, file: string, text: string): Promise<string> {
  // Node writes mtime 0 in the gzip header: the bytes depend on the content only.
  const bytes = gzipSync(text, { level: 9 });
  await writeFile(join(dir, file), bytes);
  return createHash('sha256').update(bytes).digest('hex');
}

export async function writeBaseRequests(dir: string, seed = BASE_REQUESTS_SEED, scale = BASE_REQUESTS_SCALE): Promise<NonNullable<BaseManifest['requests']>> {
  let text = '';
  let n = 0;
  for (const family of selectFamilies()) {
    for (const r of iterateFamily(family, seed, scale)) {
      text += `${JSON.stringify(r)}\n`;
      n++;
    }
  }
  return {
    file: BASE_REQUESTS_FILE,
    texts: n,
    attacks: 0,
    benign: n,
    sha256: await writeGzipped(dir, BASE_REQUESTS_FILE, text),
    built: `npx tsx datasets/base-requests.ts (npm run datasets -- --seed ${seed} --scale ${scale}, every family)`,
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    name: 'datasets/base-requests.ts',
    maxPositionals: 0,
    flags: { model: { kind: 'string' }, seed: { kind: 'integer', min: 0 }, scale: { kind: 'number', min: 0 } },
  });
  if (args.flags.has('help')) {
    console.log('npx tsx datasets/base-requests.ts [--model models/payload-v1] [--seed 61] [--scale 0.05]');
    return 0;
  }
  const dir = join(stringFlag(args, 'model') ?? 'models/payload-v1', BASE_DIR);
  const manifestPath = join(dir, BASE_MANIFEST);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BaseManifest;
  const entry = await writeBaseRequests(dir, Number(stringFlag(args, 'seed') ?? BASE_REQUESTS_SEED), Number(stringFlag(args, 'scale') ?? BASE_REQUESTS_SCALE));
  const { recorded, ...rest } = manifest;
  await writeFile(manifestPath, JSON.stringify({ ...rest, requests: entry, recorded }, null, 2) + '\n');
  console.log(`wrote ${join(dir, entry.file)}: ${entry.texts} benign requests`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
