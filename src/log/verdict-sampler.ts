/**
 * Keeps the decision log's volume bounded under attack: one source hammering one rule would otherwise
 * write a ~2.5 KB line per request (1.5 GB in 10 minutes of a soak). Per key (source, deciding rule,
 * action), the first `perKey` lines of each window are written in full; the rest are counted and
 * summed up in one `verdict-summary` line when the window closes. A new source or a new rule is a new
 * key, so no distinct kind of incident is ever dropped, and every suppressed one is counted.
 */
export interface VerdictSamplingOptions {
  /** Full lines per key and window (0 = no sampling: every line is written). */
  perKey: number;
  windowMs: number;
  /** Keys remembered at most; past it the window closes early for all of them. */
  maxKeys: number;
}

export interface VerdictSummary {
  event: 'verdict-summary';
  key: { source: string; rule: string; action: string };
  /** Lines not written in this window. */
  suppressed: number;
  /** Lines written in full in this window. */
  written: number;
  windowStart: string;
  lastIncidentId: string;
}

interface KeyState {
  source: string;
  rule: string;
  action: string;
  written: number;
  suppressed: number;
  lastIncidentId: string;
}

export class VerdictSampler {
  private keys = new Map<string, KeyState>();
  private windowStart: number;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    private readonly options: VerdictSamplingOptions,
    private readonly emit: (summary: VerdictSummary) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
    // Closes windows even when the attack stops: the last summary is not held back until the next line.
    this.timer = options.perKey > 0 ? setInterval(() => this.flush(), options.windowMs) : null;
    this.timer?.unref();
  }

  /** Whether this verdict's line is written in full; counts it either way. */
  admit(source: string, rule: string, action: string, incidentId: string): boolean {
    if (this.options.perKey <= 0) return true;
    if (this.now() - this.windowStart >= this.options.windowMs) this.flush();
    const id = `${source}\u0000${rule}\u0000${action}`;
    let state = this.keys.get(id);
    if (state === undefined) {
      if (this.keys.size >= this.options.maxKeys) this.flush();
      state = { source, rule, action, written: 0, suppressed: 0, lastIncidentId: incidentId };
      this.keys.set(id, state);
    }
    state.lastIncidentId = incidentId;
    if (state.written < this.options.perKey) {
      state.written++;
      return true;
    }
    state.suppressed++;
    return false;
  }

  /** Writes a summary for every key with suppressed lines and starts a new window. */
  flush(): void {
    const start = new Date(this.windowStart).toISOString();
    for (const s of this.keys.values()) {
      if (s.suppressed === 0) continue;
      this.emit({
        event: 'verdict-summary',
        key: { source: s.source, rule: s.rule, action: s.action },
        suppressed: s.suppressed,
        written: s.written,
        windowStart: start,
        lastIncidentId: s.lastIncidentId,
      });
    }
    this.keys = new Map();
    this.windowStart = this.now();
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.flush();
  }
}
