import { pbkdf2 } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/build-inspection.js';
import { THREAD_CPU_TIME, threadCpuMs } from '../../src/inspect/slice-charge.js';
import { finishInSlices, SliceClock } from '../../src/inspect/work-clock.js';
import { rawRequest } from './raw-request.js';

setFlagsFromString('--expose-gc');
/** A full, forced GC: a pause of the event-loop thread that no request's work caused. */
const gc = runInNewContext('gc') as () => void;

const turns = (n: number): Promise<void> =>
  new Promise((resolve) => {
    const step = (k: number): void => void (k === 0 ? resolve() : setImmediate(() => step(k - 1)));
    step(n);
  });

/** Live objects for a forced GC to mark and move: each pause costs milliseconds on any machine. */
let _heap: Array<{ i: number; o: { j: number } }> = [];
beforeAll(() => {
  _heap = Array.from({ length: 400_000 }, (_, i) => ({ i, o: { j: i } }));
});
afterAll(() => {
  _heap = [];
});

describe('what an inspection slice is charged against cpuBudgetMs', () => {
  it.skipIf(!existsSync('/proc/thread-self/schedstat'))('is the event-loop thread’s CPU time, not the work of other threads meanwhile', async () => {
    expect(THREAD_CPU_TIME).toBe(true);
    // The libuv pool hashes while the slice's thread sleeps: the process burns CPU, the slice's thread none.
    const hashing = Promise.all([0, 1].map(() => new Promise((resolve) => pbkdf2('p', 's', 400_000, 64, 'sha512', resolve))));
    const clock = new SliceClock(1, Infinity);
    clock.willWait();
    const before = cpuUsage();
    clock.resume();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    clock.pause();
    const process = cpuUsage(before);
    await hashing;
    console.log(`slice slept 150 ms: charged ${clock.cpuMs.toFixed(1)} ms, process CPU meanwhile ${((process.user + process.system) / 1000).toFixed(1)} ms`);
    expect(clock.cpuMs).toBeLessThan(15);
  });

  it('leaves out a GC pause inside the slice once its performance entry arrives', async () => {
    const clock = new SliceClock(1, Infinity);
    clock.willWait();
    clock.resume();
    const started = threadCpuMs();
    gc();
    const gcCpuMs = threadCpuMs() - started;
    clock.pause();
    await turns(4);
    console.log(`forced GC of ${gcCpuMs.toFixed(1)} ms of CPU in the slice: charged ${clock.cpuMs.toFixed(2)} ms`);
    expect(gcCpuMs).toBeGreaterThan(2);
    expect(clock.cpuMs).toBeLessThan(gcCpuMs / 2);
  });

  it('lets a benign 1 MiB multipart be inspected in full within 3x its own walk, though other requests’ GC pauses (2x the budget) fall in its slices', async () => {
    const b = 'XyZb';
    const body = `${Array.from({ length: 12_000 }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nhello ${i}\r\n`).join('').slice(0, 1_048_556)}\r\n--${b}--\r\n`;
    const raw = rawRequest('POST', '/api/import', [['Content-Type', `multipart/form-data; boundary=${b}`]], body);
    const inspect = createInspector();
    const alone: number[] = [];
    for (let r = 0; r < 3; r++) {
      const clock = new SliceClock(1, Infinity);
      clock.willWait();
      await finishInSlices(inspect.steps(raw, clock), clock);
      await turns(4);
      alone.push(clock.cpuMs);
    }
    const budget = 3 * alone.sort((x, y) => x - y)[1];

    /** Another request's young objects fill the heap and the pause lands in this request's slice. */
    class OthersGcInSlices extends SliceClock {
      private asked = 0;
      injectedMs = 0;
      override due(): boolean {
        if (++this.asked % 100 === 0 && this.injectedMs < 2 * budget) {
          const started = performance.now();
          gc();
          this.injectedMs += performance.now() - started;
        }
        return super.due();
      }
    }
    const clock = new OthersGcInSlices(1, budget);
    clock.willWait();
    const inspection = await finishInSlices(inspect.steps(raw, clock), clock);
    console.log(`multipart walk alone ${alone.map((x) => x.toFixed(1)).join('/')} ms CPU; budget ${budget.toFixed(1)} ms; GC pauses in its slices ${clock.injectedMs.toFixed(1)} ms; charged ${clock.cpuMs.toFixed(1)} ms`);
    expect(clock.injectedMs).toBeGreaterThan(budget);
    expect(inspection.limits?.uncovered ?? []).toEqual([]);
    expect(inspection.targets.filter((t) => t.location === 'body').length).toBeGreaterThan(11_000);
  }, 60_000);

  it('still cuts a walk that is over its budget by its own work', async () => {
    const form = Array.from({ length: 90_000 }, (_, i) => `f${i}=hello+${i}`).join('&').slice(0, 1_048_576);
    const raw = rawRequest('POST', '/api/import', [['Content-Type', 'application/x-www-form-urlencoded']], form);
    const clock = new SliceClock(1, 2);
    clock.willWait();
    const inspection = await finishInSlices(createInspector().steps(raw, clock), clock);
    expect(inspection.limits?.uncovered).toContain('cpuBudgetMs');
  });
});
