/**
 * What one automaton's scan of a header line reports, remembered per line. A request's head is
 * mostly lines the proxy has seen before (a browser sends the same User-Agent, Accept, Accept-Language
 * and Host lines on every request; an API client its fixed set), and scanning them through the raw
 * request's table costs a cache line per char with the table out of the caches, as it is in the proxy
 * between two requests: the bench's browser GET spends ~14 µs in raw's scan, most of it on its header
 * lines (issue 14). A line seen before costs one map lookup and a replay of its occurrences instead.
 *
 * Exact: a line's occurrences depend on the line and on the state the automaton enters it in (the
 * literals that began before it), so an entry is used only when the scan reaches the line in the same
 * state; the occurrences are replayed at their positions in the text being scanned, to the same
 * callback, in the order one scan reports them. Bounded: lines up to MAX_LINE_CHARS, at most
 * MAX_LINES entries (emptied when full), keys copied out of the request's text so an entry keeps no
 * request alive.
 */
import type { AhoCorasick } from './aho-corasick.js';

/** Lines longer than this (a big cookie, a JWT) are scanned as they come. */
const MAX_LINE_CHARS = 512;
/** Entries kept; a flood of distinct lines empties the memo when it fills (a scan per line, as without it). */
const MAX_LINES = 1024;

interface LineScan {
  /** The automaton's state at the line's first char. */
  readonly from: number;
  /** Its state after the line's last char (the line's `\r\n` included). */
  readonly to: number;
  /** Occurrences as pairs: pattern, end offset relative to the line's start. */
  readonly occurrences: Int32Array;
}

type OnMatch = (pattern: number, end: number) => void;
const NO_MATCH_CALLBACK: OnMatch = () => undefined;

export class LineScanMemo {
  private readonly lines = new Map<string, LineScan>();
  /** The occurrences of the line being scanned on a miss, pattern and relative end in turn. */
  private recorded: number[] = [];
  private lineStart = 0;
  private forward: OnMatch = NO_MATCH_CALLBACK;
  private readonly record: OnMatch = (pattern, end) => {
    this.recorded.push(pattern, end - this.lineStart);
    this.forward(pattern, end);
  };

  constructor(private readonly automaton: AhoCorasick) {}

  get size(): number {
    return this.lines.size;
  }

  /**
   * Reports what `automaton.scanUnordered(text, onMatch, to)` would: text[0, linesFrom) is scanned as
   * it is, then each `\r\n`-ended line from there up to the first empty one (the end of a head) comes
   * from the memo when it was seen in the same state, and the rest is scanned from the state reached.
   */
  scan(text: string, onMatch: OnMatch, linesFrom: number, to = text.length): void {
    const automaton = this.automaton;
    let at = Math.min(linesFrom, to);
    let state = at > 0 ? automaton.scanRange(text, 0, at, 0, onMatch) : 0;
    while (at < to) {
      const lineEnd = text.indexOf('\r\n', at);
      // The blank line ending a head, a line cut by `to`, or none left: the rest in one scan.
      if (lineEnd <= at || lineEnd + 2 > to) break;
      const next = lineEnd + 2;
      if (next - at > MAX_LINE_CHARS) {
        state = automaton.scanRange(text, at, next, state, onMatch);
        at = next;
        continue;
      }
      const line = text.slice(at, next);
      const known = this.lines.get(line);
      if (known !== undefined && known.from === state) {
        const o = known.occurrences;
        for (let k = 0; k < o.length; k += 2) onMatch(o[k], at + o[k + 1]);
        state = known.to;
      } else {
        state = this.scanLine(text, at, next, state, onMatch, line);
      }
      at = next;
    }
    if (at < to) automaton.scanRange(text, at, to, state, onMatch);
  }

  private scanLine(text: string, start: number, end: number, state: number, onMatch: OnMatch, line: string): number {
    this.recorded.length = 0;
    this.lineStart = start;
    this.forward = onMatch;
    const after = this.automaton.scanRange(text, start, end, state, this.record);
    this.forward = NO_MATCH_CALLBACK;
    // A copy, not a slice: a slice of the request's text would keep all of it (its body too) alive.
    // Request text is latin1 (one char per byte); a line that is not is scanned each time.
    const key = Buffer.from(line, 'latin1').toString('latin1');
    if (key !== line) return after;
    if (this.lines.size >= MAX_LINES) this.lines.clear();
    this.lines.set(key, { from: state, to: after, occurrences: Int32Array.from(this.recorded) });
    return after;
  }
}
