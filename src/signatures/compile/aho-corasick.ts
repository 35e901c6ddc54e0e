/**
 * A case-insensitive, byte-level Aho-Corasick automaton compiled to a dense DFA: one Int32Array row
 * per state, one column per byte class (bytes that appear in no pattern share class 0), so the scan
 * loop is a table lookup per byte with no allocation. Patterns are latin1 strings (one char per byte).
 */

export interface AhoCorasick {
  readonly stateCount: number;
  readonly classCount: number;
  /** Approximate heap bytes held by the tables. */
  readonly byteSize: number;
  /** Calls `onMatch(patternIndex, endOffset)` for every occurrence; `endOffset` is one past the last byte. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
  /**
   * The scan of text[from..to) starting in `state` (0 at the start of a text); returns the state to
   * continue from, so a long text scanned piece by piece reports exactly what one scan would.
   */
  scanRange(text: string, from: number, to: number, state: number, onMatch: (pattern: number, end: number) => void): number;
}

/** Case folding shared by the automaton and the matcher's nocase search (String#toLowerCase on latin1). */
export const FOLD: Uint8Array = (() => {
  const fold = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const lower = String.fromCharCode(b).toLowerCase();
    fold[b] = lower.length === 1 && lower.charCodeAt(0) < 256 ? lower.charCodeAt(0) : b;
  }
  return fold;
})();

export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  // Byte classes: each distinct folded byte used by a pattern gets its own class.
  const classOf = new Uint8Array(256);
  let classCount = 1;
  const classOfFolded = new Int16Array(256).fill(-1);
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const f = FOLD[p.charCodeAt(i) & 0xff];
      if (classOfFolded[f] < 0) classOfFolded[f] = classCount++;
    }
  }
  for (let b = 0; b < 256; b++) classOf[b] = Math.max(0, classOfFolded[FOLD[b]]);

  // Trie as sibling lists (first child / next sibling / class per state): a pack set's uri trie has
  // ~72,000 states, and growing a dense table by doubling touched ~4x the final table's memory
  // (1.4 s of the load on a shared 2-core machine, where fresh pages are slow). The dense table is
  // allocated once, at its final size, below.
  let capacity = 1024;
  let firstChild: Int32Array = new Int32Array(capacity).fill(-1);
  let nextSibling: Int32Array = new Int32Array(capacity).fill(-1);
  let label = new Uint8Array(capacity);
  let stateCount = 1;
  const ownOutputs: number[][] = [[]];
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi];
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = classOf[p.charCodeAt(i) & 0xff];
      let t = firstChild[s];
      while (t >= 0 && label[t] !== c) t = nextSibling[t];
      if (t < 0) {
        if (stateCount === capacity) {
          capacity *= 2;
          firstChild = grow(firstChild, capacity, -1);
          nextSibling = grow(nextSibling, capacity, -1);
          const grownLabel = new Uint8Array(capacity);
          grownLabel.set(label);
          label = grownLabel;
        }
        t = stateCount++;
        ownOutputs.push([]);
        label[t] = c;
        nextSibling[t] = firstChild[s];
        firstChild[s] = t;
      }
      s = t;
    }
    ownOutputs[s].push(pi);
  }

  // BFS: each state's row starts as a copy of its failure state's row (already complete: the failure
  // state is shallower), then its own children overwrite their columns. The child's failure state is
  // the column's value before the overwrite.
  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  // Nearest state down the failure chain that has its own outputs (a "dictionary suffix link").
  const outLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let t = firstChild[0]; t >= 0; t = nextSibling[t]) {
    delta[label[t]] = t;
    queue[tail++] = t;
  }
  while (head < tail) {
    const s = queue[head++];
    const f = fail[s];
    outLink[s] = ownOutputs[f].length > 0 ? f : outLink[f];
    const row = s * classCount;
    const failRow = f * classCount;
    for (let c = 0; c < classCount; c++) delta[row + c] = delta[failRow + c];
    for (let t = firstChild[s]; t >= 0; t = nextSibling[t]) {
      fail[t] = delta[row + label[t]];
      delta[row + label[t]] = t;
      queue[tail++] = t;
    }
  }

  // Flatten outputs: outStart[s]..outStart[s+1] in outList.
  const outStart = new Int32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) outStart[s + 1] = outStart[s] + ownOutputs[s].length;
  const outList = new Int32Array(outStart[stateCount]);
  for (let s = 0; s < stateCount; s++) outList.set(ownOutputs[s], outStart[s]);
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = ownOutputs[s].length > 0 || outLink[s] >= 0 ? 1 : 0;

  return {
    stateCount,
    classCount,
    byteSize: delta.byteLength + outStart.byteLength + outList.byteLength + outLink.byteLength + hasOutput.byteLength,
    scan(text, onMatch) {
      scanRange(text, 0, text.length, 0, onMatch);
    },
    scanRange,
  };

  function scanRange(text: string, from: number, to: number, state: number, onMatch: (pattern: number, end: number) => void): number {
    let s = state;
    for (let i = from; i < to; i++) {
      s = delta[s * classCount + classOf[text.charCodeAt(i) & 0xff]];
      if (hasOutput[s] === 0) continue;
      let o = s;
      while (o >= 0) {
        for (let k = outStart[o]; k < outStart[o + 1]; k++) onMatch(outList[k], i + 1);
        o = outLink[o];
      }
    }
    return s;
  }
}

function grow(array: Int32Array, capacity: number, empty: number): Int32Array {
  const grown = new Int32Array(capacity).fill(empty);
  grown.set(array);
  return grown;
}
