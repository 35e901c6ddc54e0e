/**
 * Evaluates one rule's detection options against a request with Snort semantics: options ANDed left
 * to right; a cursor per buffer (switching buffers starts again at 0); offset/depth absolute,
 * distance/within relative to the end of the previous match; negated contents never move the cursor
 * and are never retried. Backtracking: when a later relative option fails, the earlier content is
 * searched again from one byte past its previous match (so `content:"a"; content:"b"; distance:0;
 * within:1;` matches "axab"). A step budget bounds the retries, as Snort's match limits do.
 */
import type { CompiledContent, CompiledOption, CompiledPcre, CompiledRule } from '../compile/compiled-rule.js';
import type { RequestBuffers } from './request-buffers.js';

/** Upper bound on content searches and regex runs for one rule on one request. */
const STEP_BUDGET = 4096;

export interface MatchLocation {
  slot: number;
  offset: number;
  length: number;
}

/** Reusable scratch state: where each option matched on the current path. */
export class RuleEvaluator {
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  private steps = 0;
  private buffers!: RequestBuffers;
  private rule!: CompiledRule;

  /** Returns where the rule's last positive content/pcre matched, or null when the rule does not match. */
  evaluate(rule: CompiledRule, buffers: RequestBuffers): MatchLocation | null {
    this.rule = rule;
    this.buffers = buffers;
    this.steps = 0;
    if (rule.options.length > this.starts.length) {
      this.starts = new Int32Array(rule.options.length * 2);
      this.lengths = new Int32Array(rule.options.length * 2);
    }
    this.starts.fill(-1, 0, rule.options.length);
    if (!this.matchFrom(0, -1, 0)) return null;
    for (let k = rule.options.length - 1; k >= 0; k--) {
      const o = rule.options[k];
      if ((o.kind === 'content' || o.kind === 'pcre') && !o.negated && this.starts[k] >= 0) {
        return { slot: o.slot, offset: this.starts[k], length: this.lengths[k] };
      }
    }
    return { slot: 0, offset: 0, length: 0 };
  }

  private matchFrom(k: number, slot: number, cursor: number): boolean {
    const options = this.rule.options;
    if (k === options.length) return true;
    if (++this.steps > STEP_BUDGET) return false;
    const option: CompiledOption = options[k];
    const base = option.slot === slot ? cursor : 0;
    switch (option.kind) {
      case 'content':
        return this.matchContent(k, option, slot, cursor, base);
      case 'pcre':
        return this.matchPcre(k, option, slot, cursor, base);
      case 'length': {
        const len = this.buffers.text(option.slot).length;
        return len >= option.min && len <= option.max && this.matchFrom(k + 1, slot, cursor);
      }
      case 'isdataat': {
        const len = this.buffers.text(option.slot).length;
        const at = option.relative ? base + option.position : option.position;
        const present = at < len;
        if (present === option.negated) return false;
        return this.matchFrom(k + 1, slot, cursor);
      }
    }
  }

  private matchContent(k: number, c: CompiledContent, slot: number, cursor: number, base: number): boolean {
    const text = c.nocase ? this.buffers.lower(c.slot) : this.buffers.text(c.slot);
    const len = text.length;
    const plen = c.pattern.length;
    let start: number;
    let end: number;
    if (c.relative) {
      start = base + c.distance;
      end = c.within >= 0 ? start + c.within : len;
    } else {
      start = c.offset;
      end = c.depth >= 0 ? start + c.depth : len;
    }
    if (start < 0) start = 0;
    if (end > len) end = len;
    if (c.endsWith) {
      const at = len - plen;
      const found = at >= start && at + plen <= end && text.startsWith(c.pattern, at);
      if (c.negated) return !found && this.matchFrom(k + 1, slot, cursor);
      if (!found) return false;
      this.starts[k] = at;
      this.lengths[k] = plen;
      return this.matchFrom(k + 1, c.slot, len);
    }
    let at = start + plen <= end ? text.indexOf(c.pattern, start) : -1;
    if (at >= 0 && at + plen > end) at = -1;
    if (c.negated) return at < 0 && this.matchFrom(k + 1, slot, cursor);
    if (c.presenceOnly) return at >= 0 && this.matchFrom(k + 1, slot, cursor);
    const retry = this.rule.laterRelative[k];
    while (at >= 0) {
      this.starts[k] = at;
      this.lengths[k] = plen;
      if (this.matchFrom(k + 1, c.slot, at + plen)) return true;
      if (!retry || this.steps > STEP_BUDGET) return false;
      this.steps++;
      at = text.indexOf(c.pattern, at + 1);
      if (at >= 0 && at + plen > end) at = -1;
    }
    return false;
  }

  private matchPcre(k: number, p: CompiledPcre, slot: number, cursor: number, base: number): boolean {
    const full = this.buffers.text(p.slot);
    const from = p.relative ? base : 0;
    // A relative pcre sees the buffer from the cursor on, so `^` and `A` anchor at the cursor, as in Snort.
    const subject = from > 0 ? full.slice(from) : full;
    const found = p.regex.exec(subject, from === 0 ? this.buffers.utf8(p.slot) : undefined);
    if (p.negated) return found === null && this.matchFrom(k + 1, slot, cursor);
    if (found === null) return false;
    const at = from + found.start;
    const end = from + found.end;
    this.starts[k] = at;
    this.lengths[k] = end - at;
    return this.matchFrom(k + 1, p.slot, end);
  }
}
