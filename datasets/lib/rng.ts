/**
 * Seeded pseudo-random numbers for the generators. Everything random in `datasets/` goes through
 * an `Rng` (never `Math.random` or the clock) so that a seed reproduces the corpus byte for byte.
 */

/** 32-bit FNV-1a of a string, used to derive independent streams from (seed, name). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** sfc32: small, fast, and good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const s = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = s ^ 0xdeadbeef;
    for (let i = 0; i < 15; i++) this.next32();
  }

  /** A new independent stream named `name`, derived from this one's seed material. */
  static derive(seed: number, name: string): Rng {
    return new Rng(hash32(`${seed >>> 0}:${name}`));
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)];
  }

  /** Picks from `[item, weight]` pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.float() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    return pairs[pairs.length - 1][0];
  }

  /** `k` distinct items in random order (all of them when k >= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  shuffle<T>(items: T[]): T[] {
    return this.sample(items, items.length);
  }

  /** Small positive integers skewed toward the low end (ids, page numbers, quantities). */
  skewed(max: number, power = 2.5): number {
    return 1 + Math.floor(Math.pow(this.float(), power) * max);
  }

  hex(len: number, upper = false): string {
    let s = '';
    while (s.length < len) s += this.next32().toString(16).padStart(8, '0');
    s = s.slice(0, len);
    return upper ? s.toUpperCase() : s;
  }

  digits(len: number): string {
    let s = String(this.int(1, 9));
    while (s.length < len) s += String(this.int(0, 9));
    return s;
  }

  alnum(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += ALNUM[this.next32() % 62];
    return s;
  }

  /** Random base64 of `bytes` random bytes (standard alphabet with padding, or url-safe without). */
  base64(bytes: number, url = false): string {
    const alphabet = url ? B64URL : B64;
    const chars = Math.ceil((bytes * 4) / 3);
    let s = '';
    for (let i = 0; i < chars; i++) s += alphabet[this.next32() & 63];
    if (!url) while (s.length % 4 !== 0) s += '=';
    return s;
  }

  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.next32() & 3];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
