import { openSync, readSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { PerformanceObserver } from 'node:perf_hooks';

/**
 * What a slice of a request's inspection is charged against `inspection.cpuBudgetMs` (work-clock.ts):
 * the CPU time of the thread that ran it, without the garbage collector's pauses inside it.
 *
 * Process CPU time (process.cpuUsage) also counts every other thread while the slice runs: V8's
 * parallel and concurrent GC helpers, the libuv pool inflating another request's gzip body, a pino
 * transport. GC pauses land in whichever slice allocates when the young generation is full, and
 * what they cost depends on everything the process holds (other requests, the lane's big walk), not
 * on this request's body; what a walk builds is held to inspection.memoryBudgetMb instead. Charged
 * both, a benign 1 MiB multipart under load was cut by the budget (403) that it stays far inside
 * alone (issue 17).
 */

/**
 * The event-loop thread's CPU time in ms, from /proc/thread-self/schedstat (Linux; its first field is
 * the thread's time on a CPU in ns). Node 20 has no per-thread CPU call; reading this kernel-generated
 * file is a syscall of a few µs like getrusage, no disk I/O. Elsewhere: the process's CPU time.
 * The kernel brings the figure up to date at each scheduler tick (1-4 ms) and context switch, so one
 * reading may lag by up to a tick (a 1 ms turn reads 0-4 ms): the lags of a turn's two readings have
 * the same spread, so over the tens of turns a big walk takes they cancel out, within the default
 * 200 ms budget by a few ms; process.cpuUsage is exact to the µs but charged a 150 ms sleep 70-117 ms
 * of other threads' work (test/inspect/slice-charge.test.ts).
 */
const SCHEDSTAT = openThreadSchedstat();
const schedstatBytes = Buffer.alloc(64);

function openThreadSchedstat(): number {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    readSync(fd, Buffer.alloc(64), 0, 64, 0);
    return fd;
  } catch {
    return -1;
  }
}

/** True when slices are charged the thread's own CPU time (Linux), false when the process's. */
export const THREAD_CPU_TIME = SCHEDSTAT >= 0;

export function threadCpuMs(): number {
  if (SCHEDSTAT < 0) {
    const u = cpuUsage();
    return (u.user + u.system) / 1000;
  }
  const n = readSync(SCHEDSTAT, schedstatBytes, 0, 64, 0);
  let ns = 0;
  for (let i = 0; i < n; i++) {
    const d = schedstatBytes[i] - 0x30;
    if (d < 0 || d > 9) break;
    ns = ns * 10 + d;
  }
  return ns / 1e6;
}

/** What can be given back the part of its charge a GC pause took. */
export interface GcRefundable {
  refundGc(ms: number): void;
}

/** The last slices run (one thread runs them, so they never overlap), to find the one a GC pause fell in. */
const RECENT = 64;
const owners: Array<GcRefundable | null> = new Array<GcRefundable | null>(RECENT).fill(null);
const starts = new Float64Array(RECENT);
const ends = new Float64Array(RECENT);
/** What each slice was charged and may still be refunded (a refund never makes a slice cost less than nothing). */
const refundable = new Float64Array(RECENT);
let next = 0;
let observer: PerformanceObserver | null = null;

/**
 * Records a slice (`start`..`end` on performance.now()'s clock, charged `chargedMs`). When the GC's
 * performance entries arrive (a loop turn or two later) each pause inside it is refunded to `owner`.
 */
export function recordSlice(owner: GcRefundable, start: number, end: number, chargedMs: number): void {
  observer ??= watchGc();
  owners[next] = owner;
  starts[next] = start;
  ends[next] = end;
  refundable[next] = chargedMs;
  next = (next + 1) % RECENT;
}

function watchGc(): PerformanceObserver {
  const o = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) refundPause(entry.startTime, entry.duration);
  });
  o.observe({ entryTypes: ['gc'] });
  return o;
}

function refundPause(at: number, durationMs: number): void {
  for (let k = 1; k <= RECENT; k++) {
    const i = (next - k + RECENT) % RECENT;
    const owner = owners[i];
    if (owner === null) return;
    if (ends[i] < at) return; // slices are recorded in time order: every older one ended before this pause too
    if (starts[i] > at) continue;
    const ms = Math.min(durationMs, refundable[i]);
    if (ms <= 0) return;
    refundable[i] -= ms;
    owner.refundGc(ms);
    return;
  }
}
