import { createHash } from 'node:crypto';

/**
 * What each built gate was built from, so a reload whose inputs did not change keeps the gate it has.
 * Compiling the bundled rules costs about 0.9 s of CPU and loading the model about 0.2 s, all on the
 * event loop: every reload stalled every request for that long although most reloads change something
 * else (a key, a limit, a certificate). Keyed by the gate object itself, so two Wardens in one process
 * never share a gate (a rule's threshold counts are per gate).
 */
export class BuildMemo<V> {
  private readonly built = new WeakMap<object, { digest: string; value: V }>();

  /** `previous` and what it was built with, when it was built from exactly `digest`. */
  reuse<G extends object>(previous: G | null | undefined, digest: string): { gate: G; value: V } | null {
    if (previous === null || previous === undefined) return null;
    const entry = this.built.get(previous);
    return entry !== undefined && entry.digest === digest ? { gate: previous, value: entry.value } : null;
  }

  remember(gate: object, digest: string, value: V): void {
    this.built.set(gate, { digest, value });
  }
}

/** A digest of build inputs: JSON with object keys sorted, so equal settings give equal digests. */
export function digestOf(inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(inputs, (_key, value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value)))
    .digest('hex');
}

/**
 * A digest of a text, for inputs too large to go through JSON: the ET Open and Snort 3 packs are
 * ~9.4 M chars, which JSON.stringify escaped into one string on every reload (300-700 ms, on the loop)
 * before hashing; hashed as they are, 15-50 ms. UTF-8, not latin1: any string, one digest per text.
 */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
