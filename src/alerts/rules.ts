import type { AlertKind, AlertRuleConfig, AlertSeverity, BlockRateRule, RateLimitedRule } from './config.js';
import { thresholdNumber } from './config.js';
import { SourceRateTracker } from './source-rate.js';

/** `[key, count, first incident ids]`: one source's (or limit rule's) requests of an interval, as a recorder flushes them. */
export type KeyTally = [key: string, n: number, ids: string[]];

/** Everything the instance counted in one second, merged over its processes. */
export interface MergedSecond {
  /** Whole seconds since the epoch. */
  second: number;
  requests: number;
  blocks: number;
  blockExamples: string[];
  /** One entry per source (the one process's tallies as they came, or merged over several). */
  sources: Iterable<KeyTally>;
  modelFailures: number;
  /** Error code of an unavailable model → processes reporting it. */
  modelUnavailable: Map<string, number>;
  limited: Iterable<KeyTally>;
  /** Rate-limit store that is down → processes reporting it. */
  rateLimitStoreDown?: Map<string, number>;
}

/** A rule's condition holding for one key this second. */
export interface Condition {
  key: string;
  counts: Record<string, number>;
  examples: string[];
  summary: string;
  windowSeconds: number;
}

/** A rule evaluated every second; the evaluator turns conditions into alerts (edges, throttling). */
export interface ConditionRule {
  readonly id: string;
  readonly when: AlertKind;
  readonly severity: AlertSeverity;
  evaluate(s: MergedSecond): Condition[];
}

export const DEFAULT_SEVERITY: Record<AlertKind, AlertSeverity> = {
  'source-rate': 'medium',
  'block-rate': 'high',
  'model-unavailable': 'high',
  'reload-failed': 'high',
  'rate-limited': 'low',
  'ratelimit-store-down': 'high',
};

const round2 = (n: number): number => Math.round(n * 100) / 100;
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Newest `n` ids of a ring that keeps appending. */
function pushExamples(ring: string[], ids: readonly string[], n: number): void {
  for (const id of ids) ring.push(id);
  if (ring.length > n) ring.splice(0, ring.length - n);
}

/**
 * A sum over the last `seconds` seconds in a ring of per-second buckets: adding a second first clears
 * the buckets of the seconds skipped since the last one.
 */
export class SecondsWindow {
  private readonly ring: Float64Array;
  private last = -1;
  total = 0;

  constructor(readonly seconds: number) {
    this.ring = new Float64Array(seconds);
  }

  add(second: number, n: number): void {
    if (this.last < 0) this.last = second;
    const gap = Math.min(second - this.last, this.seconds);
    for (let k = 1; k <= gap; k++) {
      const slot = (this.last + k) % this.seconds;
      this.total -= this.ring[slot];
      this.ring[slot] = 0;
    }
    if (second > this.last) this.last = second;
    this.ring[second % this.seconds] += n;
    this.total += n;
  }
}

/** The share of decisions that were blocks over the last `forSeconds`, once there were `minRequests`. */
export class BlockRateRuleState implements ConditionRule {
  readonly id: string;
  readonly when = 'block-rate' as const;
  readonly severity: AlertSeverity;
  private readonly requests: SecondsWindow;
  private readonly blocks: SecondsWindow;
  private readonly percent: number;
  private readonly examples: string[] = [];

  constructor(
    private readonly rule: BlockRateRule,
    private readonly exampleCount: number,
  ) {
    this.id = rule.id;
    this.severity = rule.severity ?? DEFAULT_SEVERITY['block-rate'];
    this.requests = new SecondsWindow(rule.forSeconds);
    this.blocks = new SecondsWindow(rule.forSeconds);
    this.percent = thresholdNumber(rule.above);
  }

  evaluate(s: MergedSecond): Condition[] {
    this.requests.add(s.second, s.requests);
    this.blocks.add(s.second, s.blocks);
    pushExamples(this.examples, s.blockExamples, this.exampleCount);
    const requests = this.requests.total;
    const blocks = this.blocks.total;
    if (requests < this.rule.minRequests) return [];
    const percent = (blocks / requests) * 100;
    if (!(percent > this.percent)) return [];
    return [
      {
        key: '*',
        counts: { requests, blocks, percent: round2(percent), thresholdPercent: this.percent },
        examples: [...this.examples],
        summary: `${fmt(percent)}% of ${fmt(requests)} requests were blocked in the last ${this.rule.forSeconds} s (threshold ${fmt(this.percent)}%, rule ${this.id})`,
        windowSeconds: this.rule.forSeconds,
      },
    ];
  }
}

/** Rate-limit refusals per limit rule over the last `forSeconds`, more than `above`. */
export class RateLimitedRuleState implements ConditionRule {
  readonly id: string;
  readonly when = 'rate-limited' as const;
  readonly severity: AlertSeverity;
  private readonly windows = new Map<string, { window: SecondsWindow; examples: string[]; last: number }>();

  constructor(
    private readonly rule: RateLimitedRule,
    private readonly exampleCount: number,
  ) {
    this.id = rule.id;
    this.severity = rule.severity ?? DEFAULT_SEVERITY['rate-limited'];
  }

  evaluate(s: MergedSecond): Condition[] {
    for (const [limit, n, ids] of s.limited) {
      if (this.rule.limit !== undefined && limit !== this.rule.limit) continue;
      let w = this.windows.get(limit);
      if (w === undefined) this.windows.set(limit, (w = { window: new SecondsWindow(this.rule.forSeconds), examples: [], last: s.second }));
      w.window.add(s.second, n);
      w.last = s.second;
      pushExamples(w.examples, ids, this.exampleCount);
    }
    const out: Condition[] = [];
    for (const [limit, w] of this.windows) {
      // Limits are few (rule ids of the config); one quiet for a whole window is forgotten.
      if (s.second - w.last >= this.rule.forSeconds) {
        this.windows.delete(limit);
        continue;
      }
      w.window.add(s.second, 0);
      const refused = w.window.total;
      if (refused > this.rule.above) {
        out.push({
          key: limit,
          counts: { refused, threshold: this.rule.above },
          examples: [...w.examples],
          summary: `Rate limit ${limit} refused ${fmt(refused)} requests in the last ${this.rule.forSeconds} s (rule ${this.id})`,
          windowSeconds: this.rule.forSeconds,
        });
      }
    }
    return out;
  }
}

/** The model in force failed to load (any process), or the model gate threw this second. */
export class ModelUnavailableRuleState implements ConditionRule {
  readonly when = 'model-unavailable' as const;
  readonly severity: AlertSeverity;

  constructor(readonly id: string, severity: AlertSeverity | undefined) {
    this.severity = severity ?? DEFAULT_SEVERITY['model-unavailable'];
  }

  evaluate(s: MergedSecond): Condition[] {
    const out: Condition[] = [];
    for (const [code, processes] of s.modelUnavailable) {
      out.push({
        key: code,
        counts: { processes },
        examples: [],
        summary: `The payload model is unavailable (${code}) in ${processes} process(es): requests are judged by signatures and schema only (rule ${this.id})`,
        windowSeconds: 1,
      });
    }
    if (s.modelFailures > 0) {
      out.push({
        key: 'gate-error',
        counts: { failures: s.modelFailures },
        examples: [],
        summary: `The payload model gate failed on ${fmt(s.modelFailures)} request(s) in the last second; they were judged per failure.gateErrors (rule ${this.id})`,
        windowSeconds: 1,
      });
    }
    return out;
  }
}

/** The rate limiter's shared store is unreachable in some process: every check there is answered by `onStoreDown`. */
export class RateLimitStoreDownRuleState implements ConditionRule {
  readonly when = 'ratelimit-store-down' as const;
  readonly severity: AlertSeverity;

  constructor(readonly id: string, severity: AlertSeverity | undefined) {
    this.severity = severity ?? DEFAULT_SEVERITY['ratelimit-store-down'];
  }

  evaluate(s: MergedSecond): Condition[] {
    const out: Condition[] = [];
    for (const [store, processes] of s.rateLimitStoreDown ?? []) {
      out.push({
        key: store,
        counts: { processes },
        examples: [],
        summary: `The rate-limit store (${store}) is unreachable in ${processes} process(es): each limit check there is answered by rateLimits.onStoreDown (rule ${this.id})`,
        windowSeconds: 1,
      });
    }
    return out;
  }
}

/** The rules of the config that are evaluated every second (reload-failed is an event, handled by the evaluator). */
export function conditionRules(rules: readonly AlertRuleConfig[], examples: number): ConditionRule[] {
  const out: ConditionRule[] = [];
  for (const r of rules) {
    if (r.when === 'source-rate') out.push(new SourceRateTracker(r, examples));
    else if (r.when === 'block-rate') out.push(new BlockRateRuleState(r, examples));
    else if (r.when === 'rate-limited') out.push(new RateLimitedRuleState(r, examples));
    else if (r.when === 'model-unavailable') out.push(new ModelUnavailableRuleState(r.id, r.severity));
    else if (r.when === 'ratelimit-store-down') out.push(new RateLimitStoreDownRuleState(r.id, r.severity));
  }
  return out;
}
