/**
 * Size/time rotation for the traffic log: when the live file reaches `maxBytes`, or has been open for
 * `maxAgeMs`, it is renamed to `<name>.<UTC timestamp>.ndjson` and the writer reopens the live name.
 * The oldest rotated files beyond `keep` are deleted. Checked on each write (a quiet log rotates at its
 * next line), so there is no timer to leak. Rotated names sort in time order, which `warden train
 * --from-logs` and `warden replay` rely on.
 */
import { readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface RotationPolicy {
  /** Rotate when the live file reaches this many bytes (0 = never by size). */
  maxBytes: number;
  /** Rotate when the live file has been written for this long (0 = never by age). */
  maxAgeMs: number;
  /** Rotated files to keep (0 = keep all). */
  keep: number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}

function stem(file: string): string {
  const name = basename(file);
  return name.endsWith('.ndjson') ? name.slice(0, -'.ndjson'.length) : name;
}

/** Rotated siblings of `file`, oldest first. */
export function rotatedFiles(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${stem(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.ndjson') && /^\d{8}T\d{9}Z/.test(n.slice(prefix.length)))
    .sort()
    .map((n) => join(dir, n));
}

export class TrafficRotation {
  private bytes: number;
  private openedAt: number;

  constructor(
    private readonly file: string,
    private readonly policy: RotationPolicy,
    private readonly now: () => number = Date.now,
  ) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // No live file yet: the writer creates it.
    }
    this.bytes = size;
    this.openedAt = now();
  }

  /** Counts a written line; true when the file should be rotated now. */
  wrote(bytes: number): boolean {
    this.bytes += bytes;
    if (this.bytes === 0) return false;
    if (this.policy.maxBytes > 0 && this.bytes >= this.policy.maxBytes) return true;
    return this.policy.maxAgeMs > 0 && this.now() - this.openedAt >= this.policy.maxAgeMs;
  }

  /** Renames the live file aside and prunes old ones; the caller then reopens its writer. Returns the new name (null: nothing on disk yet). */
  rotate(): string | null {
    const t = this.now();
    const base = join(dirname(this.file), `${stem(this.file)}.${stamp(t)}`);
    let target = `${base}.ndjson`;
    for (let n = 1; existsAlready(target); n++) target = `${base}-${n}.ndjson`;
    try {
      renameSync(this.file, target);
    } catch (err) {
      // An asynchronous writer may not have (re)created the file yet: retried at the next write.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    this.bytes = 0;
    this.openedAt = t;
    if (this.policy.keep > 0) {
      const rotated = rotatedFiles(this.file);
      for (const old of rotated.slice(0, Math.max(0, rotated.length - this.policy.keep))) unlinkSync(old);
    }
    return target;
  }
}

function existsAlready(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
