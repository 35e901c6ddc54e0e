import { randomFillSync } from 'node:crypto';

/** Crockford base32 in ASCII order, so ids compare as strings in time order; no I, L, O, U to misread. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10; // 50 bits: milliseconds until the year 37000
const RANDOM_CHARS = 8; // 40 bits from the CSPRNG: not guessable from a neighbouring id

// One crypto call per 4 KiB of ids instead of one per request.
const pool = new Uint8Array(4096);
let poolAt = pool.length;

/**
 * An incident id: 10 chars of time + 8 random chars, e.g. `01hq3k5d2m7x9c4b8r`. Sortable by creation
 * time (ms), short enough to read over the phone, and operators grep it in the decision log.
 */
export function newIncidentId(now: number = Date.now()): string {
  let out = '';
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  if (poolAt + RANDOM_CHARS > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  for (let i = 0; i < RANDOM_CHARS; i++) out += ALPHABET[pool[poolAt++] & 31];
  return out;
}

/** The creation time encoded in an id, or null when the text is not one. */
export function incidentIdTime(id: string): number | null {
  if (id.length !== TIME_CHARS + RANDOM_CHARS) return null;
  let t = 0;
  for (let i = 0; i < TIME_CHARS; i++) {
    const v = ALPHABET.indexOf(id[i]);
    if (v < 0) return null;
    t = t * 32 + v;
  }
  return t;
}
