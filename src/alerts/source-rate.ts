import type { AlertSeverity, SourceRateRule } from './config.js';
import { thresholdNumber } from './config.js';
import type { Condition, ConditionRule, MergedSecond } from './rules.js';

/** Sources tracked per rule; past it idle sources are pruned, then the longest tracked forgotten. 10,000 × a 30 s ring ≈ 0.6 MB. */
export const MAX_TRACKED_SOURCES = 10_000;
const COUNT_MAX = 0xffff;

interface SourceState {
  /** Requests per second over the last `forSeconds` (slot = second % forSeconds). */
  ring: Uint16Array;
  sum: number;
  /** Last second added, and the first (seconds before it never feed the baseline). */
  last: number;
  born: number;
  /** EWMA of the per-second count and its weight (bias correction: baseline = ewma / weight). */
  ewma: number;
  weight: number;
  examples: string[];
}

/**
 * `source-rate`: a client address whose request rate over the last `forSeconds` is above `N` × its
 * own baseline and at least `minRate`.
 *
 * - rate: requests in the last `forSeconds` / `forSeconds` (a ring of per-second counts);
 * - baseline: an exponentially weighted moving average of the source's per-second count with time
 *   constant `baselineSeconds`, fed with each second as it **leaves** the window, so a spike never
 *   raises the baseline it is compared with. It is bias-corrected (divided by the weight of the
 *   seconds fed so far), so a source seen for 2 minutes has the mean of those 2 minutes as baseline,
 *   not a value dragged towards 0 by seconds before it existed; a source with no history has 0;
 * - `minRate` (req/s) keeps small absolute changes quiet: 0.1 → 2 req/s is 20× but under 5 req/s;
 * - warm-up: for `2 × forSeconds` after start (or a reload that changes `alerts`) it only learns, so
 *   every source already busy gets a baseline instead of paging as "new". A source that appears later
 *   with no history is compared with minRate alone: a new source flooding fires.
 * A rise that lasts becomes the baseline as its seconds leave the window (with baselineSeconds 600 a
 * 30× rise stops counting after about 40 s more): one alert per surge, not one per throttle window.
 */
export class SourceRateTracker implements ConditionRule {
  readonly id: string;
  readonly when = 'source-rate' as const;
  readonly severity: AlertSeverity;
  private readonly window: number;
  private readonly multiple: number;
  /** Per-second decay of the EWMA: exp(-1 / baselineSeconds). */
  private readonly decay: number;
  private readonly states = new Map<string, SourceState>();
  private readonly firing = new Set<string>();
  private lastPrune = 0;
  private started = -1;

  constructor(
    private readonly rule: SourceRateRule,
    private readonly exampleCount: number,
  ) {
    this.id = rule.id;
    this.severity = rule.severity ?? 'medium';
    this.window = rule.forSeconds;
    this.multiple = thresholdNumber(rule.above);
    this.decay = Math.exp(-1 / rule.baselineSeconds);
  }

  /** Sources tracked now (for tests and the memory bound). */
  get tracked(): number {
    return this.states.size;
  }

  baselineOf(source: string): number | null {
    const st = this.states.get(source);
    return st === undefined ? null : st.weight > 0 ? st.ewma / st.weight : 0;
  }

  private feed(st: SourceState, x: number): void {
    st.ewma = this.decay * st.ewma + (1 - this.decay) * x;
    st.weight = this.decay * st.weight + (1 - this.decay);
  }

  /** Moves the window to `second`: each second leaving it feeds the baseline. */
  private advance(st: SourceState, second: number): void {
    const gap = second - st.last;
    if (gap <= 0) return;
    const inRing = Math.min(gap, this.window);
    for (let k = 1; k <= inRing; k++) {
      const leaving = st.last + k - this.window;
      const slot = (st.last + k) % this.window;
      if (leaving >= st.born) this.feed(st, st.ring[slot]);
      st.sum -= st.ring[slot];
      st.ring[slot] = 0;
    }
    // Seconds that passed wholly outside the ring were zero: fed in closed form (d^k).
    const idle = gap - inRing;
    if (idle > 0) {
      const dk = this.decay ** idle;
      st.ewma *= dk;
      st.weight = dk * st.weight + (1 - dk);
    }
    st.last = second;
  }

  private stateOf(source: string, second: number): SourceState {
    let st = this.states.get(source);
    if (st !== undefined) return st;
    if (this.states.size >= MAX_TRACKED_SOURCES) {
      // A scan at most once a second, however many new sources a flood of addresses brings.
      if (this.lastPrune !== second) this.prune(second);
      if (this.states.size >= MAX_TRACKED_SOURCES) {
        // Still full of sources that matter: the one tracked longest goes (Map order is insertion order).
        const oldest = this.states.keys().next().value as string;
        this.states.delete(oldest);
        this.firing.delete(oldest);
      }
    }
    st = { ring: new Uint16Array(this.window), sum: 0, last: second, born: second, ewma: 0, weight: 0, examples: [] };
    this.states.set(source, st);
    return st;
  }

  private condition(source: string, st: SourceState): Condition | null {
    const rate = st.sum / this.window;
    const baseline = st.weight > 0 ? st.ewma / st.weight : 0;
    if (rate < this.rule.minRate || !(rate > this.multiple * baseline)) return null;
    const times = baseline > 0 ? rate / baseline : null;
    const r = (n: number): number => Math.round(n * 100) / 100;
    const counts: Record<string, number> = { requests: st.sum, ratePerSecond: r(rate), baselinePerSecond: r(baseline) };
    if (times !== null) counts.multiple = r(times);
    const vs =
      times !== null
        ? `${times.toFixed(1)}x its baseline of ${baseline.toFixed(2)}/s`
        : `no earlier traffic from it (minimum ${this.rule.minRate}/s)`;
    return {
      key: source,
      counts,
      examples: [...st.examples],
      summary: `Source ${source} sent ${st.sum.toLocaleString('en-US')} requests in the last ${this.window} s (${rate.toFixed(1)}/s), ${vs} (rule ${this.id})`,
      windowSeconds: this.window,
    };
  }

  evaluate(s: MergedSecond): Condition[] {
    if (this.started < 0) this.started = s.second;
    const learning = s.second - this.started < 2 * this.window;
    const out: Condition[] = [];
    for (const [source, n, ids] of s.sources) {
      const st = this.stateOf(source, s.second);
      this.advance(st, s.second);
      const slot = s.second % this.window;
      const add = Math.min(n, COUNT_MAX - st.ring[slot]);
      st.ring[slot] += add;
      st.sum += add;
      for (const id of ids) st.examples.push(id);
      if (st.examples.length > this.exampleCount) st.examples.splice(0, st.examples.length - this.exampleCount);
      const c = learning ? null : this.condition(source, st);
      if (c !== null) {
        out.push(c);
        this.firing.add(source);
      } else this.firing.delete(source);
    }
    // A source in breach that sent nothing this second may still be in breach (its window is not empty yet).
    for (const source of this.firing) {
      const st = this.states.get(source);
      if (st === undefined) {
        this.firing.delete(source);
        continue;
      }
      if (st.last === s.second) continue; // evaluated above
      this.advance(st, s.second);
      const c = this.condition(source, st);
      if (c !== null) out.push(c);
      else this.firing.delete(source);
    }
    if (s.second - this.lastPrune >= 60) this.prune(s.second);
    return out;
  }

  /**
   * Forgets sources idle for a whole window whose baseline is under minRate / N: their threshold is
   * minRate either way, so forgetting them changes no decision, and memory follows the active sources.
   */
  private prune(second: number): void {
    this.lastPrune = second;
    const floor = this.rule.minRate / this.multiple;
    for (const [source, st] of this.states) {
      if (second - st.last < this.window || this.firing.has(source)) continue;
      this.advance(st, second);
      if (st.weight === 0 || st.ewma / st.weight < floor) this.states.delete(source);
    }
  }
}
