/**
 * Runs families: each family draws from its own stream derived from (seed, family name), so a
 * family's records do not change when other families are added, removed or selected.
 */
import type { RequestRecord } from '../src/eval/record.js';
import { FAMILIES, familyByName } from './families/index.js';
import type { Family, GenContext } from './lib/family.js';
import { FakerPool } from './lib/people.js';
import { Rng } from './lib/rng.js';
import { loadTextCorpus } from './lib/text.js';
import { lowerCaseHeaders } from './lib/wire.js';

export const SOURCE = 'warden-gen';
export const DEFAULT_SEED = 1;

export interface GenerateOptions {
  seed?: number;
  /** Multiplies every family's per-scale count; 1 gives the default corpus. */
  scale?: number;
  /** Family names to generate; all when absent. */
  families?: readonly string[];
}

export function familyCount(family: Family, scale: number): number {
  return family.count ? family.count(scale) : Math.max(1, Math.round(family.perScale * scale));
}

export function selectFamilies(names?: readonly string[]): Family[] {
  if (!names || names.length === 0) return [...FAMILIES];
  return names.map((n) => {
    const f = familyByName(n);
    if (!f) throw new Error(`unknown family "${n}" (known: ${FAMILIES.map((x) => x.name).join(', ')})`);
    return f;
  });
}

/** Yields one family's records in order; constant memory, for writing large corpora. */
export function* iterateFamily(family: Family, seed: number, scale: number): Generator<RequestRecord> {
  const fakers = new FakerPool(seed, family.name);
  const ctx: GenContext = { rng: Rng.derive(seed, family.name), fakers, en: fakers.get('en_US'), text: loadTextCorpus(), seed };
  // Header-case choice uses a separate stream so families stay free to draw as they like.
  const h2 = Rng.derive(seed, `${family.name}:h2`);
  const n = familyCount(family, scale);
  const width = Math.max(6, String(n).length);
  for (let i = 0; i < n; i++) {
    const w = family.make(ctx, i);
    const record: RequestRecord = {
      id: `${SOURCE}/${family.name}/${String(i + 1).padStart(width, '0')}`,
      source: SOURCE,
      label: 'benign',
      category: family.name,
      method: w.method,
      path: w.path,
      query: w.query,
      headers: h2.chance(0.2) ? lowerCaseHeaders(w.headers) : w.headers,
    };
    if (w.body !== undefined) record.body = w.body;
    yield record;
  }
}

/** Generates benign records in-process (for training without writing files). */
export function generateBenign(opts: GenerateOptions = {}): RequestRecord[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  const out: RequestRecord[] = [];
  for (const family of selectFamilies(opts.families)) for (const r of iterateFamily(family, seed, scale)) out.push(r);
  return out;
}
