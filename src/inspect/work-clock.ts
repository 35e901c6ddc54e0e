import { recordSlice, threadCpuMs, type GcRefundable } from './slice-charge.js';

/**
 * Work that can pause: a generator that yields (nothing) when its clock says the slice is used up,
 * and returns its result at the end. Run it to the end in one go (`finishNow`) offline, or in slices
 * with the event loop turning in between (`finishInSlices`) on the proxy's hot path.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Longest a request's inspection holds the event loop at a stretch (ms of wall time): a 1 MiB body of
 * 10⁴–10⁵ fields takes 30–150 ms to walk, and every other request would wait that long behind it.
 */
export const INSPECTION_SLICE_MS = 1;

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
 * Slices of `sliceMs` of wall time, and a budget of `budgetMs` of CPU time summed over the request's
 * own turns: the event-loop thread's CPU time at the start and the end of each turn once the request
 * has waited for one (time it waited for the loop, or was preempted by another process on a loaded
 * machine, is not charged to it, nor other threads' work), less the GC pauses inside its pieces of
 * work (slice-charge.ts). Until its first wait a request is charged wall time, which is never less: a
 * small request then reads no CPU clock (~3-7 µs each) at all. A turn may hold several
 * pieces of work (phases that follow a short slice continue in its turn, see `nextPhase`): each piece
 * is charged its wall time, and the turn's CPU time replaces their sum when the turn ends with a wait.
 */
export class SliceClock implements WorkClock, GcRefundable {
  private calls = 0;
  /** When the turn's slice began (what `due` measures), and when the running piece of it began. */
  private sliceStart = 0;
  private runStart = 0;
  /** CPU usage at the start of the turn (null before the first wait, or once the turn is closed), and the wall time its pieces were charged. */
  private turnCpu: number | null = null;
  private turnWallMs = 0;
  private running = false;
  private waited = false;
  /** The next piece continues the turn's slice (`nextPhase` took no turn). */
  private carry = false;
  private usedMs = 0;
  /** Turns begun so far, and the one in which the charge was first seen over the budget (see spent()); -1 while within it. */
  private turnsBegun = 0;
  private overAtTurn = -1;
  /** Pieces of work run so far, and the most time one turn took (ms; CPU time once it has waited), for the benches and tests. */
  slices = 0;
  longestSliceMs = 0;

  constructor(
    readonly sliceMs: number,
    readonly budgetMs: number,
  ) {}

  /** Starts a slice on a new turn, or a piece of the turn's slice after a phase change that took no turn. */
  resume(): void {
    this.runStart = performance.now();
    if (this.carry) this.carry = false;
    else {
      this.sliceStart = this.runStart;
      this.turnsBegun++;
      this.turnCpu = this.waited ? threadCpuMs() : null;
      this.turnWallMs = 0;
    }
    this.running = true;
    this.slices++;
  }

  /** Ends the running piece, charged its wall time; when the turn's slice is half used or more a turn follows, so the turn is closed. */
  pause(): void {
    if (!this.running) return;
    this.running = false;
    const now = performance.now();
    const ms = now - this.runStart;
    this.usedMs += ms;
    this.turnWallMs += ms;
    if (this.turnWallMs > this.longestSliceMs) this.longestSliceMs = this.turnWallMs;
    recordSlice(this, this.runStart, now, ms);
    if (this.turnCpu !== null && now - this.sliceStart >= this.sliceMs / 2) this.closeTurn();
  }

  /** A GC pause of `ms` fell in one of this request's pieces of work: it is not the request's work (slice-charge.ts). */
  refundGc(ms: number): void {
    this.usedMs = Math.max(0, this.usedMs - ms);
  }

  /** The turn's CPU time replaces the wall time charged for its pieces. */
  private closeTurn(): void {
    if (this.turnCpu === null) return;
    const cpuMs = threadCpuMs() - this.turnCpu;
    this.usedMs += cpuMs - this.turnWallMs;
    this.turnCpu = null;
    this.turnWallMs = 0;
    if (cpuMs > this.longestSliceMs) this.longestSliceMs = cpuMs;
  }

  /** The request is about to wait for a turn: from now on its turns are charged CPU time. */
  willWait(): void {
    this.closeTurn();
    this.waited = true;
  }

  /**
   * Before the next phase of a request (walk, rules, model). One that already waited for a turn (a big
   * one, or any request preempted past a slice on a loaded machine) starts the phase on a turn of its
   * own only when this turn's slice has used half its time: the turn is what bounds a long slice, and
   * a short one continues in the same turn, its slice still timed from where it started (a macrotask
   * per phase, and a cpuUsage pair around each, cost a small request 29-59 µs of CPU, as much as both
   * gates). A phase that continues is bounded by what is left of the slice, so no turn runs longer
   * than one slice and a step.
   */
  async nextPhase(): Promise<void> {
    if (!this.waited) return;
    if (!this.running && this.turnCpu !== null && performance.now() - this.sliceStart < this.sliceMs / 2) {
      this.carry = true;
      return;
    }
    this.closeTurn();
    await turns.next();
  }

  /** CPU time charged so far, in ms (the running slice counted by wall time). */
  get cpuMs(): number {
    return this.running ? this.usedMs + (performance.now() - this.runStart) : this.usedMs;
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

  /**
   * Over the budget, and still over two turns later: a GC pause's refund arrives with its performance
   * entry a loop turn or two after the piece of work it fell in, so a pause in the last turns must not
   * cut the walk. A request really over its budget walks at most two slices more.
   */
  spent(): boolean {
    if (this.cpuMs <= this.budgetMs) {
      this.overAtTurn = -1;
      return false;
    }
    if (this.overAtTurn < 0) this.overAtTurn = this.turnsBegun;
    return this.turnsBegun >= this.overAtTurn + 2;
  }

  /** For async work that is not a generator (the model gate): ends the slice, waits for the request's next turn, starts the next slice. */
  async turn(): Promise<void> {
    this.pause();
    this.willWait();
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
