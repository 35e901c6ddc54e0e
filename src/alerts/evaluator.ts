import type { Alert } from './alert.js';
import { chatLine } from './alert.js';
import type { AlertKind, AlertSeverity, AlertsConfig } from './config.js';
import type { CountSnapshot } from './recorder.js';
import { conditionRules, DEFAULT_SEVERITY, type Condition, type ConditionRule, type KeyTally, type MergedSecond } from './rules.js';

/** A process's model (or rate-limit store) state older than this is stale (the process is gone or stopped reporting). */
const MODEL_STATE_TTL_MS = 5_000;
/** Throttle entries kept for their suppressed counts; past it the oldest are forgotten. */
const MAX_THROTTLE_KEYS = 10_000;

interface KeyState {
  active: boolean;
  /** When the last alert of this rule and key was sent (ms), or null. */
  sentAt: number | null;
  suppressed: number;
  /** Start of the current episode (ms). */
  since: number;
}

export interface AlertOutput {
  send(alert: Alert): void;
}

export interface EvaluatorMetrics {
  fired: { inc(labels: { rule: string }): void };
  suppressed: { inc(labels: { rule: string }): void };
}

/**
 * Turns counts into alerts, once per instance: in a single process it reads the process's recorder;
 * with workers it runs in the primary and reads every worker's counts (sent over IPC each second), so
 * rates and shares are the instance's, not one worker's.
 *
 * Each second every rule says which keys its condition holds for. A key whose condition starts to hold
 * (an episode) triggers; so does an event (a failed reload). A key still holding when `throttleSeconds`
 * have passed since its last alert triggers again. A trigger sends an alert unless this rule and key
 * sent one less than `throttleSeconds` ago: then it is suppressed, and counted in the next alert.
 */
export class AlertEvaluator {
  private rules: ConditionRule[];
  private readonly keys = new Map<string, KeyState>();
  private pending: CountSnapshot[] = [];
  private readonly modelStates = new Map<string, { code: string | null; at: number }>();
  private readonly storeStates = new Map<string, { store: string | null; at: number }>();

  constructor(
    private config: AlertsConfig,
    private readonly output: AlertOutput,
    private readonly metrics: EvaluatorMetrics,
    private readonly host: string,
  ) {
    this.rules = conditionRules(config.rules, config.examples);
  }

  /** New rules (a reload changed `alerts`): windows, baselines and throttling start again. */
  reconfigure(config: AlertsConfig): void {
    this.config = config;
    this.rules = conditionRules(config.rules, config.examples);
    this.keys.clear();
  }

  /** One process's counts for the interval just ended (`origin`: which process, for its model state). */
  ingest(origin: string, snapshot: CountSnapshot, now = Date.now()): void {
    this.pending.push(snapshot);
    this.modelStates.set(origin, { code: snapshot.modelUnavailable, at: now });
    this.storeStates.set(origin, { store: snapshot.rateLimitStoreDown ?? null, at: now });
  }

  /** Closes the current second: merges what arrived, evaluates every rule. */
  tick(now = Date.now()): void {
    const merged: MergedSecond = {
      second: Math.floor(now / 1000),
      requests: 0,
      blocks: 0,
      blockExamples: [],
      sources: mergeTallies(this.pending.map((p) => p.sources)),
      modelFailures: 0,
      modelUnavailable: new Map(),
      limited: mergeTallies(this.pending.map((p) => p.limited)),
      rateLimitStoreDown: new Map(),
    };
    for (const s of this.pending) {
      merged.requests += s.requests;
      merged.blocks += s.blocks;
      merged.modelFailures += s.modelFailures;
      for (const id of s.blockExamples) merged.blockExamples.push(id);
    }
    this.pending = [];
    for (const [origin, st] of this.modelStates) {
      if (now - st.at > MODEL_STATE_TTL_MS) this.modelStates.delete(origin);
      else if (st.code !== null) merged.modelUnavailable.set(st.code, (merged.modelUnavailable.get(st.code) ?? 0) + 1);
    }
    for (const [origin, st] of this.storeStates) {
      if (now - st.at > MODEL_STATE_TTL_MS) this.storeStates.delete(origin);
      else if (st.store !== null) merged.rateLimitStoreDown!.set(st.store, (merged.rateLimitStoreDown!.get(st.store) ?? 0) + 1);
    }
    for (const rule of this.rules) {
      const holding = new Set<string>();
      for (const c of rule.evaluate(merged)) {
        holding.add(c.key);
        this.holds(rule.id, rule.when, rule.severity, c, now);
      }
      for (const [k, st] of this.keys) {
        if (st.active && k.startsWith(`${rule.id}\u0000`) && !holding.has(k.slice(rule.id.length + 1))) st.active = false;
      }
    }
    this.prune(now);
  }

  /** An event rule's trigger (reload-failed): no episode, every event counts. */
  event(when: AlertKind, key: string, counts: Record<string, number>, summary: string, now = Date.now()): void {
    for (const r of this.config.rules) {
      if (r.when !== when) continue;
      const condition: Condition = { key, counts, examples: [], summary: `${summary} (rule ${r.id})`, windowSeconds: 0 };
      const st = this.stateOf(r.id, key, now);
      st.since = now;
      this.trigger(r.id, when, r.severity ?? DEFAULT_SEVERITY[when], condition, st, now);
    }
  }

  private stateOf(rule: string, key: string, now: number): KeyState {
    const k = `${rule}\u0000${key}`;
    let st = this.keys.get(k);
    if (st === undefined) {
      if (this.keys.size >= MAX_THROTTLE_KEYS) this.keys.delete(this.keys.keys().next().value as string);
      st = { active: false, sentAt: null, suppressed: 0, since: now };
      this.keys.set(k, st);
    }
    return st;
  }

  private holds(rule: string, when: AlertKind, severity: AlertSeverity, c: Condition, now: number): void {
    const st = this.stateOf(rule, c.key, now);
    const throttleMs = this.config.throttleSeconds * 1000;
    if (!st.active) {
      st.active = true;
      st.since = now;
      this.trigger(rule, when, severity, c, st, now);
    } else if (st.sentAt !== null && now - st.sentAt >= throttleMs) {
      // Still holding a whole throttle window after its alert: say so again.
      this.trigger(rule, when, severity, c, st, now);
    }
  }

  private trigger(rule: string, when: AlertKind, severity: AlertSeverity, c: Condition, st: KeyState, now: number): void {
    if (st.sentAt !== null && now - st.sentAt < this.config.throttleSeconds * 1000) {
      st.suppressed++;
      this.metrics.suppressed.inc({ rule });
      return;
    }
    const windowMs = c.windowSeconds > 0 ? c.windowSeconds * 1000 : now - st.since;
    const suppressed = { count: st.suppressed, since: st.sentAt === null ? null : new Date(st.sentAt).toISOString() };
    const at = new Date(now).toISOString();
    const alert: Alert = {
      type: 'warden.alert',
      version: 1,
      rule,
      when,
      severity,
      key: c.key,
      window: { from: new Date(now - windowMs).toISOString(), to: at, seconds: Math.round(windowMs / 1000) },
      counts: c.counts,
      suppressed,
      examples: c.examples.slice(-this.config.examples),
      summary: chatLine(suppressed.count > 0 ? `${c.summary}; ${suppressed.count} more since the last alert` : c.summary),
      host: this.host,
      at,
    };
    st.sentAt = now;
    st.suppressed = 0;
    this.metrics.fired.inc({ rule });
    this.output.send(alert);
  }

  /** Keys with nothing to remember (not holding, nothing suppressed, their throttle window over) are forgotten. */
  private prune(now: number): void {
    const throttleMs = this.config.throttleSeconds * 1000;
    for (const [k, st] of this.keys) {
      if (!st.active && st.suppressed === 0 && (st.sentAt === null || now - st.sentAt >= throttleMs)) this.keys.delete(k);
    }
  }
}

/**
 * One tally per key over several processes' snapshots. The snapshots are the evaluator's own (flushed
 * in process, or parsed from IPC), so their tallies are adopted and added to in place: one process
 * (a single Warden) costs no copy at all.
 */
function mergeTallies(lists: KeyTally[][]): Iterable<KeyTally> {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0];
  const into = new Map<string, KeyTally>();
  for (const list of lists) {
    for (const tally of list) {
      const cur = into.get(tally[0]);
      if (cur === undefined) into.set(tally[0], tally);
      else {
        cur[1] += tally[1];
        for (const id of tally[2]) cur[2].push(id);
      }
    }
  }
  return into.values();
}
