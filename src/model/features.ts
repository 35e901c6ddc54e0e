import { lexPayload } from './tokenize.js';

/**
 * The payload model's features, one implementation for training and serving: hashed token n-grams
 * from the security-aware tokenizer plus (optionally) hashed character n-grams of a shape-normalized
 * form. A text becomes a set of distinct feature indices in [0, dim); the model sums one
 * embedding row per index (a sparse multi-hot input).
 */
export interface FeatureConfig {
  /** Bumped whenever tokenization, normalization or hashing changes: a model only loads with its own version. */
  version: number;
  /** Hash space; a power of two. */
  dim: number;
  /** Longest token n-gram (1 = unigrams only; 0 = no token features). */
  tokenNgrams: number;
  /** Character n-gram lengths over the normalized text ([] = none). */
  charNgrams: number[];
  /** Texts are cut to this many characters before featurizing; the gate scores longer forms in windows. */
  maxChars: number;
  /**
   * Position features (absent or 0 = none): each token unigram and bigram is hashed once more with the
   * bucket of its distance from the start of the text (0, 1, 2, 3–4, 5–8, 9–16, 17+ tokens), so the
   * model can learn that a quote or `;` opening a value is not the same evidence as one in mid-prose.
   * The value is the longest n-gram that gets them (1 or 2).
   */
  positionNgrams?: number;
}

export const FEATURE_VERSION = 2;

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  version: FEATURE_VERSION,
  dim: 1 << 15,
  tokenNgrams: 3,
  charNgrams: [3],
  maxChars: 512,
};

const TOKEN_SEEDS = [0, 0x1b873593, 0x5c6b7d1f, 0x2f6f9b31, 0x7a3d1e4b];
const CHAR_SEED = 0x68e31da4;
const POSITION_SEED = 0x3c6ef372;

/** Token index → distance bucket 0..6 (0, 1, 2, 3–4, 5–8, 9–16, 17+). */
function positionBucket(i: number): number {
  return i < 3 ? i : i <= 4 ? 3 : i <= 8 ? 4 : i <= 16 ? 5 : 6;
}
const MAX_FEATURES = 16_384;

/** Order-sensitive combination of two 32-bit hashes (murmur3 finalizer over the pair). */
function combine(h: number, v: number): number {
  let x = (h ^ Math.imul(v, 0xcc9e2d51)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const START_MARKER = 0x2e5bf271;
const END_MARKER = 0x6c8e9cf5;

/**
 * Character n-grams read normalized codes, which are all ASCII (non-ASCII became `U`), so the hash of
 * the first two characters of an n-gram, combine(combine(seed, c0), c1), takes one of 128 × 128 values:
 * a table of them saves two of the three combines of every 3-gram. Shared by extractors of equal n.
 */
const charPrefixTables = new Map<number, Uint32Array>();
function charPrefixTable(n: number): Uint32Array {
  let table = charPrefixTables.get(n);
  if (table === undefined) {
    const seed = combine(CHAR_SEED, n);
    table = new Uint32Array(n === 1 ? 128 : 128 * 128);
    for (let a = 0; a < 128; a++) {
      const ha = combine(seed, a);
      if (n === 1) table[a] = ha;
      else for (let b = 0; b < 128; b++) table[a * 128 + b] = combine(ha, b);
    }
    charPrefixTables.set(n, table);
  }
  return table;
}

/** Lower-case, digits → `0`, whitespace runs → one space, non-ASCII → `U`: the form char n-grams read. */
export function normalizeForCharNgrams(lower: string): string {
  let out = '';
  let lastSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if (c >= 48 && c <= 57) out += '0';
    else if (c >= 128) out += 'U';
    else out += lower[i];
  }
  return out;
}

const SPACE = 32;
const ZERO = 48;
const U = 85;

/** `normalizeForCharNgrams` into a code buffer, without building a string (hot path). Returns the length. */
function normalizeCodes(lower: string, out: Uint16Array): number {
  let len = 0;
  let lastSpace = false;
  for (let i = 0; i < lower.length && len < out.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      if (!lastSpace) out[len++] = SPACE;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out[len++] = c >= 48 && c <= 57 ? ZERO : c >= 128 ? U : c;
  }
  return len;
}

/**
 * Turns texts into feature-index sets. Holds a scratch buffer, so one extractor serves one caller at a
 * time; `extract` returns a view into it that the next call overwrites.
 */
export class FeatureExtractor {
  private readonly scratch = new Uint32Array(MAX_FEATURES);
  private readonly codes: Uint16Array;
  private readonly seen: Uint32Array;
  private readonly charPrefixes: Uint32Array[];
  private tokenHashes: Uint32Array;
  private generation = 0;
  private readonly mask: number;

  constructor(readonly config: FeatureConfig) {
    if (config.dim <= 0 || (config.dim & (config.dim - 1)) !== 0) throw new Error(`feature dim must be a power of two, got ${config.dim}`);
    this.mask = config.dim - 1;
    // Lower-casing can lengthen a string (İ → i̇), so leave room beyond maxChars.
    this.codes = new Uint16Array(config.maxChars * 3);
    this.seen = new Uint32Array(config.dim);
    this.charPrefixes = config.charNgrams.map(charPrefixTable);
    this.tokenHashes = new Uint32Array(config.maxChars * 2 + 2);
  }

  /** Distinct feature indices of `text`, in first-occurrence order. The view is valid until the next call. */
  extract(text: string): Uint32Array {
    const cfg = this.config;
    const lower = (text.length > cfg.maxChars ? text.slice(0, cfg.maxChars) : text).toLowerCase();
    const buf = this.scratch;
    let count = 0;
    // Distinct indices via a generation stamp per hash slot: O(1) per feature, no sort (a typed-array
    // sort of ~150 indices costs ~10 µs, more than the whole forward pass).
    const seen = this.seen;
    if (++this.generation === 0xffffffff) {
      seen.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;

    if (cfg.tokenNgrams > 0) {
      // Start and end markers let the model tell `' or 1=1` from text that merely contains it.
      if (this.tokenHashes.length < lower.length + 2) this.tokenHashes = new Uint32Array(lower.length + 2);
      const hashes = this.tokenHashes;
      hashes[0] = START_MARKER;
      let len = lexPayload(lower, hashes, 1, null);
      hashes[len++] = END_MARKER;
      for (let n = 1; n <= cfg.tokenNgrams; n++) {
        for (let i = 0; i + n <= len && count < MAX_FEATURES; i++) {
          let h = TOKEN_SEEDS[n];
          for (let k = 0; k < n; k++) h = combine(h, hashes[i + k]);
          const f = h & this.mask;
          if (seen[f] !== gen) {
            seen[f] = gen;
            buf[count++] = f;
          }
        }
      }
      const positional = cfg.positionNgrams ?? 0;
      for (let n = 1; n <= positional; n++) {
        for (let i = 0; i + n <= len && count < MAX_FEATURES; i++) {
          let h = combine(POSITION_SEED + n, positionBucket(i));
          for (let k = 0; k < n; k++) h = combine(h, hashes[i + k]);
          const f = h & this.mask;
          if (seen[f] !== gen) {
            seen[f] = gen;
            buf[count++] = f;
          }
        }
      }
    }

    if (cfg.charNgrams.length > 0) {
      const codes = this.codes;
      const len = normalizeCodes(lower, codes);
      for (let g = 0; g < cfg.charNgrams.length; g++) {
        const n = cfg.charNgrams[g];
        const prefix = this.charPrefixes[g];
        for (let i = 0; i + n <= len && count < MAX_FEATURES; i++) {
          let h = n === 1 ? prefix[codes[i]] : prefix[codes[i] * 128 + codes[i + 1]];
          for (let k = 2; k < n; k++) h = combine(h, codes[i + k]);
          const f = h & this.mask;
          if (seen[f] !== gen) {
            seen[f] = gen;
            buf[count++] = f;
          }
        }
      }
    }

    return buf.subarray(0, count);
  }
}
