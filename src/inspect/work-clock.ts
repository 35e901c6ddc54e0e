import { cpuUsage } from 'node:process';

/**
 * Work that can pause: a generator that yields (nothing) when its clock says the slice is used up,
 * and returns its result at the end. Run it to the end in one go (`finishNow`) offline, or in slices
 * with the event loop turning in between (`finishInSlices`) on the proxy's hot path.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * One request's share of the event loop. `due()` is asked often (per field, per rule) and answers
 * from a counter most of the time, so asking costs nothing; `spent()` says the request's CPU budget
 * is gone, after which the inspection stops walking fields and fails closed (inspection.cpuBudgetMs).
 */
export interface WorkClock {
  /** The running slice has used its time: yield at the next safe point. Reads the time every few calls: for steps of microseconds. */
  due(): boolean;
  /** `due()` reading the time now: for steps that may take milliseconds each (a rule's pcre over a body, a piece of a scan). */
  dueNow(): boolean;
  /** The request's CPU budget is spent. */
  spent(): boolean;
  /** The budget, in ms, for the finding and the log line (Infinity when none). */
  readonly budgetMs: number;
}

/** The clock of offline work (CLI, tests, eval): never pauses, no budget, so results never depend on timing. */
export const UNTIMED: WorkClock = Object.freeze({ due: () => false, dueNow: () => false, spent: () => false, budgetMs: Infinity });

/** `due()` reads the time once per this many calls: a field or a rule costs microseconds, a slice milliseconds. */
const CHECK_EVERY = 8;

/**
 * Slices of `sliceMs` of wall time, and a budget of `budgetMs` of process CPU time summed over the
 * request's own slices (process.cpuUsage around each slice once the request has waited for a turn:
 * time it waited for the loop, or was preempted by another process on a loaded machine, is not
 * charged to it). Until its first wait a request is charged wall time, which is never less: a small
 * request then makes no cpuUsage call (~3 µs each) at all.
 */
export class SliceClock implements WorkClock {
  private calls = 0;
  private sliceStart = 0;
  private sliceCpu: NodeJS.CpuUsage | null = null;
  private running = false;
  private waited = false;
  private usedMs = 0;
  /** Slices run so far, and the most CPU time one of them took (ms), for the benches and tests. */
  slices = 0;
  longestSliceMs = 0;

  constructor(
    readonly sliceMs: number,
    readonly budgetMs: number,
  ) {}

  /** Starts (or resumes after a pause) a slice. */
  resume(): void {
    this.sliceStart = performance.now();
    this.sliceCpu = this.waited ? cpuUsage() : null;
    this.running = true;
    this.slices++;
  }

  /** Ends the running slice: its CPU time (before the first wait: its wall time) is charged to the request. */
  pause(): void {
    if (!this.running) return;
    this.running = false;
    let ms: number;
    if (this.sliceCpu === null) ms = performance.now() - this.sliceStart;
    else {
      const d = cpuUsage(this.sliceCpu);
      ms = (d.user + d.system) / 1000;
      this.sliceCpu = null;
    }
    this.usedMs += ms;
    if (ms > this.longestSliceMs) this.longestSliceMs = ms;
  }

  /** The request is about to wait for a turn: from now on its slices are charged CPU time. */
  willWait(): void {
    this.waited = true;
  }

  /**
   * Before the next phase of a request (walk, rules, model): one that already waited for a turn (a
   * big one) starts it on a turn of its own, since its previous phase's last slice just ran in this one.
   */
  async nextPhase(): Promise<void> {
    if (this.waited) await turns.next();
  }

  /** CPU time charged so far, in ms (the running slice counted by wall time). */
  get cpuMs(): number {
    return this.running ? this.usedMs + (performance.now() - this.sliceStart) : this.usedMs;
  }

  due(): boolean {
    if (++this.calls < CHECK_EVERY) return false;
    this.calls = 0;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  dueNow(): boolean {
    this.calls = 0;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  spent(): boolean {
    return this.cpuMs > this.budgetMs;
  }

  /** For async work that is not a generator (the model gate): ends the slice, waits for the request's next turn, starts the next slice. */
  async turn(): Promise<void> {
    this.pause();
    this.waited = true;
    await turns.next();
    this.resume();
  }
}

/** Runs work to its end without pausing (its clock never says due: UNTIMED). */
export function finishNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Paused work takes turns: one slice per event-loop turn across all requests, in arrival order. With
 * every paused request resuming on its own setImmediate, N big bodies would run N slices between two
 * polls, and a small request needing a few loop turns (read, upstream write, upstream read) would wait
 * N slices at each; with turns it waits one.
 */
class SliceTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /** Resolves at this work's next turn (a check phase after a poll phase). */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.runOne);
  }

  private readonly runOne = (): void => {
    this.scheduled = false;
    const resume = this.waiting.shift();
    // Scheduled now, so it runs on the next loop turn: the resumed slice (a microtask after this) is the only one in this turn.
    if (this.waiting.length > 0) this.schedule();
    resume?.();
  };
}

const turns = new SliceTurns();

/** Runs work slice by slice, letting the event loop serve other requests between slices. */
export async function finishInSlices<T>(steps: Steps<T>, clock: SliceClock): Promise<T> {
  await clock.nextPhase();
  for (;;) {
    clock.resume();
    let r: IteratorResult<void, T>;
    try {
      r = steps.next();
    } finally {
      clock.pause();
    }
    if (r.done) return r.value;
    clock.willWait();
    await turns.next();
  }
}

/**
 * Big inspections (a body the rules evaluate in steps) go through one at a time, in arrival order;
 * small ones never wait for it. Interleaving N of them bought nothing (one event loop does the work
 * either way, and each finishes later), but kept N sets of ~17,000 targets alive at once, which every
 * young-generation GC pause copies: with one at a time the pause other requests meet is one
 * inspection's, and so is the heap the walks hold at a time (issue 17).
 */
export class InspectionLane {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  /** Resolves when the lane is this caller's; true when it had to wait for it. */
  async enter(): Promise<boolean> {
    if (!this.busy) {
      this.busy = true;
      return false;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  /** Hands the lane to the next waiting inspection (it stays busy), or frees it. */
  leave(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.busy = false;
  }

  /** Inspections waiting for the lane, for tests and metrics. */
  get queued(): number {
    return this.waiting.length;
  }
}
