/**
 * In-memory counters for `threshold` and `detection_filter`, per process (not shared between cluster
 * workers or hosts). Windows are fixed: they start at the first event and last `seconds`.
 * by_src keys on the client address; by_dst has one key (Warden is the destination); by_rule too.
 * detection_filter: the rule matches only once the count is exceeded within the window.
 * threshold limit: at most `count` alerts per window; threshold: every `count`-th event;
 * both: one alert per window once `count` events were seen.
 */
import type { RateFilter } from '../rule.js';

interface Window {
  start: number;
  events: number;
}

/** Bound on tracked keys so a scan from many addresses cannot grow memory without limit. */
const MAX_KEYS = 100_000;

export class RateFilterState {
  private readonly windows = new Map<string, Window>();

  /** Records one event for `ruleIndex`; returns whether it passes the filter. */
  pass(ruleIndex: number, filter: RateFilter, sourceIp: string, nowMs: number): boolean {
    const key = `${ruleIndex}|${filter.type}|${filter.track === 'by_src' ? sourceIp : ''}`;
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= filter.seconds * 1000) {
      if (this.windows.size >= MAX_KEYS) this.windows.clear();
      w = { start: nowMs, events: 0 };
      this.windows.set(key, w);
    }
    w.events++;
    switch (filter.type) {
      case 'detection':
        return w.events > filter.count;
      case 'limit':
        return w.events <= filter.count;
      case 'threshold':
        return w.events % filter.count === 0;
      case 'both':
        return w.events === filter.count;
    }
  }
}
