/**
 * The sidecar `warden rules tune --write` produces and the rule loader applies: per-rule effects keyed
 * by `gid:sid`. Two maps, so a rewrite never loses an operator's decision: `rules` is what the last
 * tune measured and proposed (replaced on every write), `pinned` is the operator's (kept on every
 * write, and it wins over `rules`). A rule's `weight` is its calibrated evidence (calibrate-weight.ts),
 * with `source` saying what it was learned from; a pin is an effect, or a number: the operator's weight.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { RuleEffect } from '../types.js';
import { tuningFileInvalid } from './errors.js';
import type { RuleWeight } from '../compile/compile-rules.js';
import { replaceFile } from '../../config/replace-file.js';

export type TunedEffect = RuleEffect | 'disabled';

export interface TunedRule {
  effect: TunedEffect;
  /** Benign requests the rule matched, of `benign.requests`. */
  hits: number;
  reason: string;
  /** Calibrated evidence of one hit, in [0,1], for a suspicious rule. */
  weight?: number;
  /** Attack requests the rule matched, of `attack.requests`. */
  attackHits?: number;
  /** What the weight was learned from: counts, shape, likelihood ratio. */
  source?: string;
}

/** A pin: an effect, or the operator's own weight for a suspicious rule. */
export type PinnedRule = TunedEffect | number;

export interface TuningFile {
  format: 'warden-rule-tuning';
  version: 1;
  generatedAt: string;
  benign: { requests: number; sources: Record<string, number> };
  /** The attack material the weights were learned from (absent when tune had none). */
  attack?: { requests: number; sources: Record<string, number> };
  rules: Record<string, TunedRule>;
  pinned: Record<string, PinnedRule>;
}

const EFFECTS: ReadonlySet<string> = new Set(['suspicious', 'block', 'allow', 'disabled']);
const RULE_KEY = /^[0-9]+:[0-9]+$/;

function effectProblem(key: string, value: unknown, weightAllowed = false): string | null {
  if (!RULE_KEY.test(key)) return `"${key}" is not a gid:sid rule key`;
  if (weightAllowed && typeof value === 'number') return value >= 0 && value <= 1 ? null : `${key}: a weight must be a number in [0, 1]`;
  if (typeof value !== 'string' || !EFFECTS.has(value)) return `${key}: effect must be one of suspicious, block, allow, disabled${weightAllowed ? ', or a weight in [0, 1]' : ''}`;
  return null;
}

/** Validates a parsed sidecar; every problem names its path. */
export function parseTuningFile(value: unknown, file: string): TuningFile {
  const fail = (problem: string): never => {
    throw tuningFileInvalid(file, problem);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== 'warden-rule-tuning') fail('"format" must be "warden-rule-tuning"');
  if (v.version !== 1) fail('"version" must be 1');
  const rules = v.rules ?? {};
  const pinned = v.pinned ?? {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail('"rules" must be an object keyed by gid:sid');
  if (typeof pinned !== 'object' || pinned === null || Array.isArray(pinned)) fail('"pinned" must be an object keyed by gid:sid');
  for (const [key, entry] of Object.entries(rules as Record<string, unknown>)) {
    const effect = typeof entry === 'object' && entry !== null ? (entry as { effect?: unknown }).effect : undefined;
    const problem = effectProblem(key, effect);
    if (problem !== null) fail(`rules.${problem}`);
    const weight = (entry as { weight?: unknown }).weight;
    if (weight !== undefined && (typeof weight !== 'number' || !(weight >= 0 && weight <= 1))) fail(`rules.${key}.weight: must be a number in [0, 1]`);
  }
  for (const [key, effect] of Object.entries(pinned as Record<string, unknown>)) {
    const problem = effectProblem(key, effect, true);
    if (problem !== null) fail(`pinned.${problem}`);
  }
  const benign = (v.benign ?? { requests: 0, sources: {} }) as TuningFile['benign'];
  return {
    format: 'warden-rule-tuning',
    version: 1,
    generatedAt: typeof v.generatedAt === 'string' ? v.generatedAt : '',
    benign,
    ...(v.attack === undefined ? {} : { attack: v.attack as TuningFile['attack'] }),
    rules: rules as Record<string, TunedRule>,
    pinned: pinned as Record<string, PinnedRule>,
  };
}

export async function readTuningFile(file: string): Promise<TuningFile> {
  return parseTuningText(await readTuningBytes(file), file);
}

async function readTuningBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw tuningFileInvalid(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message);
  }
}

/** The proxy's last read of its sidecar: the bytes, what they parsed to, and their digest. */
let lastLoaded: { file: string; bytes: Buffer; tuning: TuningFile; digest: string } | null = null;

/**
 * `readTuningFile` for the proxy's start-up and reloads, with a digest of the file's bytes: a reload
 * whose sidecar did not change (its bytes compared with the last read's) gets the same object back,
 * without parsing and checking the ~3 MB a pack set's sidecar holds again (25-85 ms on the event loop at load 13).
 * The object is shared between reloads: callers do not change it.
 */
export async function loadTuningFile(file: string): Promise<{ tuning: TuningFile; digest: string }> {
  const bytes = await readTuningBytes(file);
  if (lastLoaded !== null && lastLoaded.file === file && lastLoaded.bytes.equals(bytes)) return lastLoaded;
  const tuning = parseTuningText(bytes, file);
  lastLoaded = { file, bytes, tuning, digest: createHash('sha256').update(bytes).digest('hex') };
  return lastLoaded;
}

function parseTuningText(bytes: Buffer, file: string): TuningFile {
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw tuningFileInvalid(file, `not JSON (${(err as Error).message})`);
  }
  return parseTuningFile(parsed, file);
}

/** The sidecar read, or null when it does not exist yet (a first tune). Other problems throw. */
export async function readTuningFileIfPresent(file: string): Promise<TuningFile | null> {
  try {
    return await readTuningFile(file);
  } catch (err) {
    if (tuningFileInvalid.is(err) && err.message.endsWith(': not found')) return null;
    throw err;
  }
}

export async function writeTuningFile(file: string, tuning: TuningFile): Promise<void> {
  await replaceFile(file, `${JSON.stringify(tuning, null, 2)}\n`);
}

/** tunedEffects and tunedWeights by sidecar object: a reload with the same sidecar (loadTuningFile) does not walk its ~10,000 rules again. */
const effectsOf = new WeakMap<TuningFile, Record<string, TunedEffect>>();
const weightsOf = new WeakMap<TuningFile, Record<string, RuleWeight>>();

/** The effect per rule key the sidecar imposes: the operator's pins over the measured proposals (a weight pin means suspicious). Shared: do not change it. */
export function tunedEffects(tuning: TuningFile): Record<string, TunedEffect> {
  const known = effectsOf.get(tuning);
  if (known !== undefined) return known;
  const out: Record<string, TunedEffect> = {};
  for (const [key, rule] of Object.entries(tuning.rules)) out[key] = rule.effect;
  for (const [key, pin] of Object.entries(tuning.pinned)) out[key] = typeof pin === 'number' ? 'suspicious' : pin;
  effectsOf.set(tuning, out);
  return out;
}

export const PINNED_WEIGHT_SOURCE = 'pinned by the operator';

/**
 * The weight per rule key: the measured weights of suspicious rules, unless the operator pinned the
 * rule (a pinned effect weighs by priority again; a pinned number is the operator's weight). Shared: do not change it.
 */
export function tunedWeights(tuning: TuningFile): Record<string, RuleWeight> {
  const known = weightsOf.get(tuning);
  if (known !== undefined) return known;
  const out: Record<string, RuleWeight> = {};
  for (const [key, rule] of Object.entries(tuning.rules)) {
    if (rule.effect === 'suspicious' && rule.weight !== undefined && tuning.pinned[key] === undefined) out[key] = { weight: rule.weight, source: rule.source ?? 'rules tune', firesOnBenign: rule.hits > 0 };
  }
  for (const [key, pin] of Object.entries(tuning.pinned)) if (typeof pin === 'number') out[key] = { weight: pin, source: PINNED_WEIGHT_SOURCE };
  weightsOf.set(tuning, out);
  return out;
}
