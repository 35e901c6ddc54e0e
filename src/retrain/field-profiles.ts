/**
 * Per-endpoint learning: for each route and field, the structural tokens (value-shape.ts) its benign
 * values carry. A token enters a field's profile when an operator labelled a value carrying it benign,
 * or when weak-benign values from at least `minSources` distinct sources carried it — so one source,
 * however many requests it sends, cannot teach a field a new shape. Stored as `profiles.json` beside
 * the candidate model; it holds token shapes and counts, never values.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inspection, Target } from '../inspect/types.js';
import { formsToScore } from '../model/scored-forms.js';
import { secretField, type RedactionPolicy } from '../log/redact.js';
import { inspectionRoute, targetKey } from './route-key.js';
import { structuralTokens } from './value-shape.js';
import { candidateInvalid } from './errors.js';

export const PROFILES_FILE = 'profiles.json';
const PROFILES_FORMAT = 'warden-field-profiles';

export interface FieldProfile {
  /** Benign values learned from. */
  values: number;
  /** Distinct sources those values came from. */
  sources: number;
  tokens: string[];
}

export interface FieldProfiles {
  format: typeof PROFILES_FORMAT;
  formatVersion: 1;
  /** A fitting target's model score is multiplied by this. */
  discount: number;
  fields: Record<string, FieldProfile>;
}

export interface ProfileLearnOptions {
  /** Distinct sources a weak-benign token needs (default 3). */
  minSources: number;
  /** Benign values a field needs before it gets a profile (default 3). */
  minValues: number;
  /** Score multiplier for fitting values (default 0.25: a 0.99 becomes 0.25, below any operating point). */
  discount: number;
}

export const DEFAULT_PROFILE_OPTIONS: ProfileLearnOptions = { minSources: 3, minValues: 3, discount: 0.25 };

/** Decoded forms per target, as the model gate scores them by default. */
const FORMS = 4;

function targetTokens(target: Target): Set<string> {
  const tokens = new Set<string>();
  for (const form of formsToScore(target.raw, target.decoded, FORMS)) structuralTokens(form, tokens);
  return tokens;
}

export function fieldKeyOf(inspection: Inspection, target: Target): string {
  return targetKey(inspectionRoute(inspection), target.location, target.name);
}

interface FieldStats {
  values: number;
  sources: Set<string>;
  /** token → sources that carried it in weak-benign values; `trusted` when an operator vouched for it. */
  tokens: Map<string, { sources: Set<string>; trusted: boolean }>;
}

export class ProfileLearner {
  private readonly fields = new Map<string, FieldStats>();

  constructor(
    private readonly redaction: RedactionPolicy,
    private readonly options: ProfileLearnOptions = DEFAULT_PROFILE_OPTIONS,
  ) {}

  /** Learns from one benign request; `trusted` for operator labels. */
  add(inspection: Inspection, source: string, trusted: boolean): void {
    for (const target of inspection.targets) {
      if (target.role !== 'value' || target.raw === '' || secretField(target.name, this.redaction)) continue;
      const key = fieldKeyOf(inspection, target);
      let f = this.fields.get(key);
      if (!f) this.fields.set(key, (f = { values: 0, sources: new Set(), tokens: new Map() }));
      f.values++;
      f.sources.add(source);
      for (const t of targetTokens(target)) {
        let s = f.tokens.get(t);
        if (!s) f.tokens.set(t, (s = { sources: new Set(), trusted: false }));
        s.sources.add(source);
        if (trusted) s.trusted = true;
      }
    }
  }

  build(): FieldProfiles {
    const fields: Record<string, FieldProfile> = {};
    for (const [key, f] of [...this.fields].sort(([a], [b]) => a.localeCompare(b))) {
      if (f.values < this.options.minValues) continue;
      const tokens = [...f.tokens]
        .filter(([, s]) => s.trusted || s.sources.size >= this.options.minSources)
        .map(([t]) => t)
        .sort();
      fields[key] = { values: f.values, sources: f.sources.size, tokens };
    }
    return { format: PROFILES_FORMAT, formatVersion: 1, discount: this.options.discount, fields };
  }
}

/** The profile of a target, when its value fits it (every structural token was learned); null otherwise. */
export function fittingProfile(profiles: FieldProfiles, inspection: Inspection, target: Target, tokenSets: Map<string, Set<string>>): FieldProfile | null {
  const profile = profiles.fields[fieldKeyOf(inspection, target)];
  if (profile === undefined) return null;
  let known = tokenSets.get(fieldKeyOf(inspection, target));
  if (!known) tokenSets.set(fieldKeyOf(inspection, target), (known = new Set(profile.tokens)));
  for (const t of targetTokens(target)) if (!known.has(t)) return null;
  return profile;
}

export async function writeProfiles(dir: string, profiles: FieldProfiles): Promise<void> {
  await writeFile(join(dir, PROFILES_FILE), JSON.stringify(profiles, null, 1) + '\n');
}

/** Reads `<dir>/profiles.json`; null when the model has none. */
export async function readProfiles(dir: string): Promise<FieldProfiles | null> {
  let text: string;
  try {
    text = await readFile(join(dir, PROFILES_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let v: Partial<FieldProfiles>;
  try {
    v = JSON.parse(text) as Partial<FieldProfiles>;
  } catch {
    throw candidateInvalid(dir, `${PROFILES_FILE} is not JSON`);
  }
  if (v.format !== PROFILES_FORMAT || v.formatVersion !== 1) throw candidateInvalid(dir, `${PROFILES_FILE} is not a ${PROFILES_FORMAT} v1 file`);
  if (typeof v.discount !== 'number' || !(v.discount >= 0 && v.discount <= 1)) throw candidateInvalid(dir, `${PROFILES_FILE} "discount" must be in [0,1]`);
  if (typeof v.fields !== 'object' || v.fields === null) throw candidateInvalid(dir, `${PROFILES_FILE} "fields" is missing`);
  return v as FieldProfiles;
}
