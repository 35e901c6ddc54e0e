/**
 * Evaluates one rule's detection options against a request with Snort semantics: options ANDed left
 * to right; a cursor per buffer (switching buffers starts again at 0); offset/depth absolute,
 * distance/within relative to the end of the previous match; negated contents never move the cursor
 * and are never retried. Backtracking: when a later relative option fails, the earlier content is
 * searched again from one byte past its previous match (so `content:"a"; content:"b"; distance:0;
 * within:1;` matches "axab"). A step budget bounds the retries, as Snort's match limits do.
 *
 * A buffer with a decoded view (decoded-views.ts) is the buffer followed by its decoded forms, each a
 * segment of its own. Positions are virtual: the buffer is 0..len, view position x is len + 1 + x. An
 * absolute search (offset/depth, startswith/endswith, or a relative one whose buffer has no cursor yet)
 * runs in every segment, the buffer first, with its window counted from each segment's start; a relative
 * one stays in the segment of the cursor. A negated content or pcre is checked in the cursor's segment (the
 * buffer itself when the rule has not matched in that buffer yet), so a rule that matched the buffer before
 * decoded views existed still does; urilen/bufferlen and absolute isdataat measure the buffer itself.
 */
import { NAMED_BUFFERS, type CompiledBase64Decode, type CompiledContent, type CompiledOption, type CompiledPcre, type CompiledRule } from '../compile/compiled-rule.js';
import { decodeBase64Run } from './base64-run.js';
import type { RequestBuffers } from './request-buffers.js';
import type { DecodedView } from './decoded-views.js';
import type { RegexMatch } from '../safe-regex.js';
import { namesOwnHost } from '../options/foreign-host.js';
import { namesLookalikeHost } from '../options/lookalike-host.js';

const RAW_SLOT = NAMED_BUFFERS.indexOf('raw');

/** Upper bound on content searches and regex runs for one rule on one request. */
const STEP_BUDGET = 4096;
/**
 * Further matches a pcre is tried at, per buffer or decoded form, when a later option rules its match
 * out: each is a regex run over the rest of the text, so fewer than a content's retries.
 */
const MAX_PCRE_RETRIES = 64;

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
    buffers.readTextView(rule.readsTextView);
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
        let at = option.relative ? base + option.position : option.position;
        let end = len;
        if (option.relative && base > len) {
          // The cursor is in a decoded form: the data must be there, before that form's end.
          const view = this.buffers.view(option.slot)!;
          const local = base - len - 1;
          at = local + option.position;
          end = view.ends[view.segmentAt(local)];
        }
        const present = at < end;
        if (present === option.negated) return false;
        return this.matchFrom(k + 1, slot, cursor);
      }
      case 'base64Decode': {
        const decoded = this.decodeBase64(option, base);
        if (decoded === '') return false;
        this.buffers.setBase64Data(decoded);
        return this.matchFrom(k + 1, slot, cursor);
      }
      case 'foreignHost':
        return this.foreignHostFrom(k, option.lookalike) && this.matchFrom(k + 1, slot, cursor);
    }
  }

  /**
   * `warden_foreign_host` at option k: whether the last positive content or pcre before it matched an
   * address naming a host other than the request's own (options/foreign-host.ts). Before a pcre, the
   * pcre's later matches in the same segment are read too (at most 8): an own-host copy of a parameter
   * must not hide a foreign one after it. With `lookalike` (`warden_lookalike_host`) the address must
   * instead name a host that extends the request's own (options/lookalike-host.ts).
   */
  private foreignHostFrom(k: number, lookalike: boolean): boolean {
    const options = this.rule.options;
    let j = k - 1;
    while (j >= 0 && !((options[j].kind === 'content' || options[j].kind === 'pcre') && !(options[j] as CompiledContent | CompiledPcre).negated && this.starts[j] >= 0)) j--;
    if (j < 0) return true;
    const own = this.buffers.requestHost();
    const prior = options[j] as CompiledContent | CompiledPcre;
    const { text, base } = this.buffers.segmentAt(prior.slot, this.starts[j]);
    let at = this.starts[j] - base;
    let end = at + this.lengths[j];
    for (let tries = 0; ; tries++) {
      if (lookalike ? namesLookalikeHost(text.slice(at), own) : !namesOwnHost(text.slice(at), own)) return true;
      if (prior.kind !== 'pcre' || tries >= 8 || ++this.steps > STEP_BUDGET || end >= text.length) return false;
      const from = end > at ? end : at + 1;
      const found = prior.regex.exec(text.slice(from));
      if (found === null) return false;
      at = from + found.start;
      end = from + found.end;
    }
  }

  /** The slot's decoded view for this rule: pkt_data's only for the rules that read it (CompiledRule.readsPacketViews). */
  private viewFor(slot: number): DecodedView | null {
    if (slot === RAW_SLOT && !this.rule.readsPacketViews) return null;
    return this.buffers.view(slot);
  }

  private matchContent(k: number, c: CompiledContent, slot: number, cursor: number, base: number): boolean {
    const view = this.viewFor(c.slot);
    if (view !== null) return this.matchContentWithView(k, c, slot, cursor, view);
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
    const view = this.viewFor(p.slot);
    if (view !== null) return this.matchPcreWithView(k, p, slot, cursor, view);
    const full = this.buffers.text(p.slot);
    const from = p.relative ? base : 0;
    // A relative pcre sees the buffer from the cursor on, so `^` and `A` anchor at the cursor, as in Snort.
    const subject = from > 0 ? full.slice(from) : full;
    const found = p.regex.exec(subject, from === 0 ? this.buffers.utf8(p.slot) : undefined);
    if (p.negated) return found === null && this.matchFrom(k + 1, slot, cursor);
    return this.restMatchesAfterPcre(k, p, subject, from, found);
  }

  /**
   * A positive pcre's match `found` in `subject` (at `from` in the buffer's positions) recorded, then the
   * rule's later options from its end; when they fail and the pcre retries (`retriesPcre`), its next match
   * in the subject, at most MAX_PCRE_RETRIES more and within the step budget.
   */
  private restMatchesAfterPcre(k: number, p: CompiledPcre, subject: string, from: number, found: RegexMatch | null): boolean {
    const retry = this.retriesPcre(k, p);
    for (let tries = 0; found !== null; tries++) {
      this.starts[k] = from + found.start;
      this.lengths[k] = found.end - found.start;
      if (this.matchFrom(k + 1, p.slot, from + found.end)) return true;
      if (!retry || tries >= MAX_PCRE_RETRIES || ++this.steps > STEP_BUDGET) return false;
      found = p.regex.execFrom(subject, found.end > found.start ? found.end : found.end + 1);
    }
    return false;
  }

  /**
   * Whether a positive pcre is searched again, past its match, when a later option that reads the
   * cursor fails, as a content is (and as Snort does): a match whose relative check fails must not
   * hide a later one that passes. 9000314's relative `pcre:!` (a detection rule's text going on after
   * the command in the same value) would otherwise let a first, exempt command in one header shield an
   * injection in the body. Not a relative pcre: its `^` anchors at the cursor.
   */
  private retriesPcre(k: number, p: CompiledPcre): boolean {
    return !p.relative && this.rule.laterRelative[k];
  }

  /** The base64 run `base64_decode` reads: at the buffer's start or the cursor (in its decoded form, when there), plus its offset. */
  private decodeBase64(o: CompiledBase64Decode, base: number): string {
    const text = this.buffers.text(o.slot);
    const from = o.relative ? base : 0;
    if (from <= text.length) return decodeBase64Run(text, from + o.offset, text.length, o.bytes);
    const view = this.buffers.view(o.slot)!;
    const local = from - text.length - 1;
    return decodeBase64Run(view.text, local + o.offset, view.ends[view.segmentAt(local)], o.bytes);
  }

  /**
   * A content in a buffer with a decoded view. Segment -1 is the buffer, 0..count-1 the view's forms;
   * `home` is the segment of the cursor (the buffer when the cursor is in another buffer).
   */
  private matchContentWithView(k: number, c: CompiledContent, slot: number, cursor: number, view: DecodedView): boolean {
    const raw = c.nocase ? this.buffers.lower(c.slot) : this.buffers.text(c.slot);
    const rawLen = raw.length;
    const inBuffer = c.slot === slot;
    const home = inBuffer && cursor > rawLen ? view.segmentAt(cursor - rawLen - 1) : -1;
    const followsCursor = c.relative && inBuffer;
    if (c.negated) {
      const found = this.findInSegment(c, raw, view, home, followsCursor ? cursor : -1, 0) >= 0;
      return !found && this.matchFrom(k + 1, slot, cursor);
    }
    const first = followsCursor ? home : -1;
    const last = followsCursor ? home : view.count - 1;
    const retry = this.rule.laterRelative[k];
    for (let j = first; j <= last; j++) {
      if (j >= 0 && ++this.steps > STEP_BUDGET) return false;
      let from = 0;
      for (;;) {
        const at = this.findInSegment(c, raw, view, j, followsCursor ? cursor : -1, from);
        if (at < 0) break;
        if (c.presenceOnly) return this.matchFrom(k + 1, slot, cursor);
        const plen = c.pattern.length;
        this.starts[k] = at;
        this.lengths[k] = plen;
        if (this.matchFrom(k + 1, c.slot, c.endsWith ? (j < 0 ? rawLen : rawLen + 1 + view.ends[j]) : at + plen)) return true;
        if (!retry || c.endsWith || this.steps > STEP_BUDGET) break;
        this.steps++;
        from = at + 1;
      }
    }
    return false;
  }

  /**
   * The first virtual position >= `from` where `c` matches inside segment `j` (-1: the buffer), its window
   * counted from `cursor` when >= 0 (a relative content following the cursor) or from the segment's start.
   */
  private findInSegment(c: CompiledContent, raw: string, view: DecodedView, j: number, cursor: number, from: number): number {
    const rawLen = raw.length;
    let text: string;
    let segStart: number;
    let segEnd: number;
    let shift: number;
    if (j < 0) {
      text = raw;
      segStart = 0;
      segEnd = rawLen;
      shift = 0;
    } else {
      text = c.nocase ? view.lower() : view.text;
      segStart = view.starts[j];
      segEnd = view.ends[j];
      shift = rawLen + 1;
    }
    const base = cursor >= 0 ? cursor - shift : segStart;
    let start: number;
    let end: number;
    if (c.relative) {
      start = base + c.distance;
      end = c.within >= 0 ? start + c.within : segEnd;
    } else {
      start = segStart + c.offset;
      end = c.depth >= 0 ? start + c.depth : segEnd;
    }
    if (start < segStart) start = segStart;
    if (end > segEnd) end = segEnd;
    const plen = c.pattern.length;
    if (c.endsWith) {
      const at = segEnd - plen;
      return at >= start && at + plen <= end && at + shift >= from && text.startsWith(c.pattern, at) ? at + shift : -1;
    }
    if (from - shift > start) start = from - shift;
    if (start + plen > end) return -1;
    const at = text.indexOf(c.pattern, start);
    return at >= 0 && at + plen <= end ? at + shift : -1;
  }

  /** A pcre in a buffer with a decoded view: the buffer, then each form (or only the cursor's segment when relative). */
  private matchPcreWithView(k: number, p: CompiledPcre, slot: number, cursor: number, view: DecodedView): boolean {
    const full = this.buffers.text(p.slot);
    const rawLen = full.length;
    const inBuffer = p.slot === slot;
    const home = inBuffer && cursor > rawLen ? view.segmentAt(cursor - rawLen - 1) : -1;
    const followsCursor = p.relative && inBuffer;
    const first = p.negated || followsCursor ? home : -1;
    const last = p.negated || followsCursor ? home : view.count - 1;
    for (let j = first; j <= last; j++) {
      if (j >= 0 && ++this.steps > STEP_BUDGET) return false;
      let from: number;
      let subject: string;
      if (j < 0) {
        from = followsCursor ? cursor : 0;
        subject = from > 0 ? full.slice(from) : full;
      } else {
        const segStart = rawLen + 1 + view.starts[j];
        from = followsCursor ? cursor : segStart;
        subject = view.text.slice(from - rawLen - 1, view.ends[j]);
      }
      // A whole segment's bytes are shared by every pcre run over it (DecodedView.segmentUtf8).
      const utf8 = j < 0 ? (from === 0 ? this.buffers.utf8(p.slot) : undefined) : from === rawLen + 1 + view.starts[j] ? view.segmentUtf8(j, subject) : undefined;
      const found = p.regex.exec(subject, utf8);
      if (p.negated) return found === null && this.matchFrom(k + 1, slot, cursor);
      if (this.restMatchesAfterPcre(k, p, subject, from, found)) return true;
    }
    return false;
  }
}
