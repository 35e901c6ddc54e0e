/**
 * Preloaded into a bench's `warden serve` (`node --import <this file>`, see startWarden's `probe`):
 * what the event loop of the process under test went through, phase by phase. On each SIGUSR2 it
 * appends one JSON line to $WARDEN_LOOP_PROBE_FILE with what it saw since the previous one and starts
 * over: the longest the loop was blocked (monitorEventLoopDelay's max, i.e. the longest task or GC
 * pause with nothing else running) and its p99, and the garbage collector's pauses (count, total,
 * longest; scavenges apart), the heap in use and the process's CPU time at the phase's end. Plain JS so it loads in any checkout, with or without tsx.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { getHeapSpaceStatistics } from 'node:v8';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.WARDEN_LOOP_PROBE_FILE;
if (file !== undefined && file !== '') {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0, scavenges: 0, scavengeMs: 0, scavengeMaxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.totalMs += entry.duration;
      if (entry.duration > gc.maxMs) gc.maxMs = entry.duration;
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.scavenges++;
        gc.scavengeMs += entry.duration;
        if (entry.duration > gc.scavengeMaxMs) gc.scavengeMaxMs = entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // The main thread's time waiting on a run queue (ms, /proc/thread-self/schedstat's second field; Linux):
  // how long the loop was ready to run and had no core. Read from the signal handler, i.e. the main thread.
  const runQueueMs = () => {
    try {
      return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
    } catch {
      return Number.NaN;
    }
  };
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  process.on('SIGUSR2', () => {
    const line = {
      loopMaxMs: delay.max / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
      ...gc,
      // Where the heap stands at the phase's end (growth from phase to phase: something kept across
      // requests), and the CPU time so far, every thread (V8's compiler and GC threads included).
      heapUsedMiB: process.memoryUsage().heapUsed / 1_048_576,
      oldSpaceUsedMiB: (getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0) / 1_048_576,
      cpuMs: cpuMs(),
      runQueueMs: runQueueMs(),
      at: Date.now(),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0, scavenges: 0, scavengeMs: 0, scavengeMaxMs: 0 };
  });
}
