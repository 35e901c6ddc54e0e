import type { AlertsConfig } from './config.js';
import type { KeyTally } from './rules.js';

/**
 * What the request path tells alerting. Every call is a few integer increments and at most one Map
 * lookup on a string the request already has: no timers, no promises, no per-request objects.
 */
export interface AlertHooks {
  /** A request arrived from this client address (before any gate, so a flood refused early still counts). */
  request(source: string, incidentId: string): void;
  /** A decision, as counted in warden_requests_total (allow, monitor, block). */
  verdict(action: 'allow' | 'block' | 'monitor', incidentId: string): void;
  /** A gate threw (pipeline failures); only the model's count for model-unavailable. */
  gateFailure(gate: string): void;
  /**
   * A rate limit refused a request (429). The hook for the rate limiter (`rateLimits`): it calls this
   * with its rule id once per refusal, and `when: rate-limited` rules count it.
   */
  rateLimited(limit: string, incidentId: string): void;
}

/** One process's counts over one flush interval (about a second), as sent to the evaluator (in process, or over IPC to the primary). */
export interface CountSnapshot {
  /** Decisions, and those that were blocks (or would have been: monitor in detect mode). */
  requests: number;
  blocks: number;
  blockExamples: string[];
  /** Requests per client address: [address, count, first incident ids]. */
  sources: KeyTally[];
  /** Requests from addresses past the per-interval cap (not attributed). */
  sourcesUntracked: number;
  modelFailures: number;
  /** The error code of a model that failed to load (signatures-only in force), else null. */
  modelUnavailable: string | null;
  /** Rate-limit refusals per limit rule: [rule id, count, first incident ids]. */
  limited: KeyTally[];
  /** The rate limiter's shared store this process cannot reach (`redis`, `cluster primary`), else null or absent. */
  rateLimitStoreDown?: string | null;
}

/** Distinct addresses counted per interval; past it a flood of spoofed-looking sources costs nothing more. */
export const MAX_SOURCES_PER_INTERVAL = 10_000;


/**
 * The hot-path half of alerting: counts in plain fields and two Maps that are swapped out once per
 * interval. What it counts depends on the rules in force (no source-rate rule: addresses are not
 * counted at all; no rules: every hook returns at once).
 */
export class AlertRecorder implements AlertHooks {
  private enabled = false;
  private countSources = false;
  private countDecisions = false;
  private countLimited = false;
  private examples = 0;
  private requests = 0;
  private blocks = 0;
  private blockRing: string[] = [];
  private blockAt = 0;
  private sources = new Map<string, KeyTally>();
  private untracked = 0;
  private modelFailures = 0;
  private limited = new Map<string, KeyTally>();
  private model: string | null = null;
  private rateLimitStore: string | null = null;

  constructor(config: AlertsConfig) {
    this.configure(config);
  }

  configure(config: AlertsConfig): void {
    const kinds = new Set(config.rules.map((r) => r.when));
    this.enabled = config.rules.length > 0;
    this.countSources = kinds.has('source-rate');
    this.countDecisions = kinds.has('block-rate');
    this.countLimited = kinds.has('rate-limited');
    this.examples = config.examples;
  }

  /** Whether any rule is configured (without one, flushes and their IPC messages are skipped). */
  get active(): boolean {
    return this.enabled;
  }

  request(source: string, incidentId: string): void {
    if (!this.countSources) return;
    const tally = this.sources.get(source);
    if (tally !== undefined) {
      tally[1]++;
      if (tally[2].length < this.examples) tally[2].push(incidentId);
    } else if (this.sources.size < MAX_SOURCES_PER_INTERVAL) {
      this.sources.set(source, [source, 1, this.examples > 0 ? [incidentId] : []]);
    } else this.untracked++;
  }

  verdict(action: 'allow' | 'block' | 'monitor', incidentId: string): void {
    if (!this.countDecisions) return;
    this.requests++;
    if (action === 'allow') return;
    this.blocks++;
    if (this.examples === 0) return;
    // The newest ids, in a ring of `examples` slots.
    this.blockRing[this.blockAt % this.examples] = incidentId;
    this.blockAt++;
  }

  gateFailure(gate: string): void {
    if (this.enabled && gate === 'model') this.modelFailures++;
  }

  rateLimited(limit: string, incidentId: string): void {
    if (!this.countLimited) return;
    const tally = this.limited.get(limit);
    if (tally !== undefined) {
      tally[1]++;
      if (tally[2].length < this.examples) tally[2].push(incidentId);
    } else this.limited.set(limit, [limit, 1, this.examples > 0 ? [incidentId] : []]);
  }

  /** The model in force failed to load (its error code), or is back (null). */
  modelState(code: string | null): void {
    this.model = code;
  }

  /** The rate limiter's shared store went down (its name), or answers again (null). */
  rateLimitStoreState(store: string | null): void {
    this.rateLimitStore = store;
  }

  /** The counts since the last flush; starts the next interval. */
  flush(): CountSnapshot {
    const n = Math.min(this.blockAt, this.examples);
    const blockExamples: string[] = [];
    for (let i = this.blockAt - n; i < this.blockAt; i++) blockExamples.push(this.blockRing[i % this.examples]);
    const snapshot: CountSnapshot = {
      requests: this.requests,
      blocks: this.blocks,
      blockExamples,
      // The tallies themselves: one array per interval, no copy per source.
      sources: [...this.sources.values()],
      sourcesUntracked: this.untracked,
      modelFailures: this.modelFailures,
      modelUnavailable: this.model,
      limited: [...this.limited.values()],
      rateLimitStoreDown: this.rateLimitStore,
    };
    this.requests = 0;
    this.blocks = 0;
    this.blockAt = 0;
    this.untracked = 0;
    this.modelFailures = 0;
    if (this.sources.size > 0) this.sources = new Map();
    if (this.limited.size > 0) this.limited = new Map();
    return snapshot;
  }
}
