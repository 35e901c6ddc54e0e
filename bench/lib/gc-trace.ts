/**
 * V8's `--trace-gc-nvp` lines (one per GC, `name=value` pairs) read back from a bench process's log:
 * what each young-generation collection (scavenge) paused for and copied. The bytes a scavenge copies
 * (`new_space_survived` + `promoted`: young objects still alive) are what its pause is made of, and
 * unlike the pause they do not depend on the machine's load.
 */
import { percentile } from './load-result.js';

export interface ScavengeTrace {
  pauseMs: number;
  /** Bytes copied within the young generation plus bytes promoted to the old one. */
  copiedBytes: number;
}

const PAIR = /(\w[\w.]*)=(\S+)/g;

/** The scavenges of a `--trace-gc-nvp` log, in order; other lines (mark-compacts, the process's own output) are skipped. */
export function scavengesOf(log: string): ScavengeTrace[] {
  const out: ScavengeTrace[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes(' gc=s ')) continue;
    const fields = new Map<string, string>();
    for (const m of line.matchAll(PAIR)) fields.set(m[1], m[2]);
    const pause = Number(fields.get('pause'));
    const copied = Number(fields.get('new_space_survived')) + Number(fields.get('promoted'));
    if (Number.isFinite(pause) && Number.isFinite(copied)) out.push({ pauseMs: pause, copiedBytes: copied });
  }
  return out;
}

/** One line: count and total, then p50 / p90 / max of the pauses and of the MiB each copied. */
export function scavengeSummary(scavenges: readonly ScavengeTrace[]): string {
  if (scavenges.length === 0) return 'no scavenge traced';
  const pauses = scavenges.map((s) => s.pauseMs).sort((a, b) => a - b);
  const copied = scavenges.map((s) => s.copiedBytes / 1_048_576).sort((a, b) => a - b);
  const three = (xs: number[], digits: number): string => [0.5, 0.9, 1].map((q) => percentile(xs, q).toFixed(digits)).join(' / ');
  const total = pauses.reduce((a, b) => a + b, 0);
  return `${scavenges.length} scavenges, ${total.toFixed(0)} ms in all; pause p50 / p90 / max ${three(pauses, 1)} ms; copied p50 / p90 / max ${three(copied, 2)} MiB`;
}
