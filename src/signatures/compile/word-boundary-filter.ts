/**
 * Which of an automaton's occurrences count only at a word boundary, by output state, so a scan drops the
 * others before any callback (aho-corasick.ts `report`): a pcre's literal that every match ends at a `\b`
 * with (`id` in "ridge", fast-pattern.ts `wordEnd`), or the leading literal of a `\b`-anchored word (the
 * model's prose scan: `or` in "morning"). The prefilter's scan of the bench's 4.5 KB multipart body reported
 * ~100 occurrences of such literals inside words, and the prose scan of it ~140 injection-word leads inside
 * words, each a call into a callback that then discarded it (issue 14).
 */

/** By pattern: the occurrence counts only before a non-word char (or the text's end). */
export const WORD_END = 1;
/** By pattern: the occurrence counts only after a non-word char (or at the text's start). */
export const WORD_START = 2;

/** By output state: every output is a WORD_END pattern (a word char after it drops the whole report). */
export const STATE_END = 1;
/** Some outputs are marked: judged pattern by pattern. */
export const STATE_MIXED = 2;
/** Every output is a WORD_START pattern of one length (`startLength`). */
export const STATE_START = 3;

export interface WordEndFilter {
  /** By pattern: WORD_END | WORD_START, or 0. */
  readonly patterns: Uint8Array;
  /** By output state, from `stateBase` (a narrow table numbers the output states last): 0, STATE_END, STATE_MIXED or STATE_START. */
  readonly states: Uint8Array;
  readonly stateBase: number;
  /** Null when no pattern is WORD_START (the prefilter's); else each pattern's length, and by output state the length of a STATE_START state's outputs. */
  readonly starts: { readonly patternLength: Int32Array; readonly startLength: Int32Array } | null;
}

/** The output lists of an automaton (aho-corasick.ts AutomatonTables): a state's own outputs, then down its dictionary links. */
export interface OutputLists {
  stateCount: number;
  /** The first state with outputs (a narrow table's `outputBase`, 0 for a wide one). */
  stateBase: number;
  outStart: Int32Array;
  outList: Int32Array;
  outNext: Int32Array;
}

/** The filter of `flags` (by pattern) over `lists`, or null when no pattern is marked; `patternLength` is needed for WORD_START. */
export function buildWordBoundaryFilter(lists: OutputLists, flags: Uint8Array, patternLength?: ArrayLike<number>): WordEndFilter | null {
  if (flags.every((f) => f === 0)) return null;
  const hasStarts = flags.some((f) => (f & WORD_START) !== 0);
  if (hasStarts && patternLength === undefined) throw new Error("wordBoundaryFilter: WORD_START needs the patterns' lengths");
  const { stateCount, stateBase, outStart, outList, outNext } = lists;
  const states = new Uint8Array(stateCount - stateBase);
  const startLength = hasStarts ? new Int32Array(stateCount - stateBase) : null;
  for (let s = stateBase; s < stateCount; s++) {
    let all = 0;
    let marked = 0;
    let ends = 0;
    let starts = 0;
    // The one length of the state's WORD_START outputs, -2 when they differ.
    let length = -1;
    for (let o = s; o >= 0; o = outNext[o]) {
      for (let k = outStart[o]; k < outStart[o + 1]; k++) {
        const f = flags[outList[k]];
        all++;
        if (f !== 0) marked++;
        if (f === WORD_END) ends++;
        if (f === WORD_START) {
          starts++;
          const l = patternLength![outList[k]];
          length = length === -1 || length === l ? l : -2;
        }
      }
    }
    if (marked === 0) continue;
    if (ends === all) states[s - stateBase] = STATE_END;
    else if (starts === all && length >= 0) {
      states[s - stateBase] = STATE_START;
      startLength![s - stateBase] = length;
    } else states[s - stateBase] = STATE_MIXED;
  }
  const starts = hasStarts ? { patternLength: Int32Array.from(patternLength!), startLength: startLength! } : null;
  return { patterns: flags, states, stateBase, starts };
}
