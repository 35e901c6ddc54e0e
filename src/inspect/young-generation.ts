import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A young-generation collection (scavenge) run on purpose, just before a big body's walk starts.
 *
 * Why: a scavenge pauses the one event loop for as long as it takes to copy every young object still
 * alive, and a 1 MiB body's walk keeps ~17,000 targets alive while it runs (2–4 MiB of small objects;
 * 9–13 MiB allocated per request, walk and gates). Left to V8, the scavenge comes when the young
 * generation fills, most often in the middle of a walk or while a judged body is still being
 * forwarded, and copies all of it (up to ~9 MiB, 15–30 ms on a quiet 2-core machine): the pause every
 * other request beside a big body waits for. Run here, with only the in-flight small requests' objects
 * alive, it copies little (~0.5 MiB), and the walk that follows starts with the whole young
 * generation (16 MiB semi-spaces by default) free, so it mostly finishes before the next one; the
 * proxy also lets go of a judged big body's targets before forwarding it (server.ts), so the next
 * forced scavenge finds them dead. Measured in bench/worst-case-mix.ts --gc-trace (BENCHMARKS.md).
 *
 * V8 exposes its collector to JavaScript only with `--expose-gc`; setting the flag at run time makes
 * `gc` a global of contexts created afterwards, so it is read from a fresh `vm` context once and the
 * process's own globals are left as they are.
 */
type GcFunction = (options: { type: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let collector: GcFunction | null | undefined;

function gcFunction(): GcFunction | null {
  if (collector !== undefined) return collector;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collector = typeof gc === 'function' ? (gc as GcFunction) : null;
  } catch {
    collector = null; // a runtime without it: V8 collects when it would have anyway
  }
  return collector;
}

/** Bodies from this size (bytes, as inspected) get a scavenge before their walk: below it a walk keeps too little alive to matter. */
export const SCAVENGE_BEFORE_WALK_BYTES = 262_144;

/** Runs a scavenge now (synchronously); false when the runtime offers none. */
export function scavengeNow(): boolean {
  const gc = gcFunction();
  if (gc === null) return false;
  gc({ type: 'minor' });
  return true;
}
