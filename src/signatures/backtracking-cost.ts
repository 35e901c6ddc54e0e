/**
 * A conservative bound on the work V8's backtracking engine can do for a pattern, used to decide
 * whether a pcre may run on V8 directly for a given subject (~100x faster than re2js) or must run on
 * RE2 (linear, safe for anything). Nested quantifiers, or a quantified group holding an
 * alternation, can go exponential: those always run on RE2. Otherwise each start position
 * can cost at most the product of the quantifiers' ranges and alternatives, an unbounded quantifier
 * counting as the subject length.
 */

export interface BacktrackingShape {
  /** A quantifier applies to a group that itself holds a quantifier or an alternation. */
  nested: boolean;
  /** Number of unbounded quantifiers (`*`, `+`, `{n,}`). */
  unbounded: number;
  /** Product of (max + 1) over bounded quantifiers. */
  boundedProduct: number;
}

export function backtrackingShape(source: string): BacktrackingShape {
  const shape: BacktrackingShape = { nested: false, unbounded: 0, boundedProduct: 1 };
  // Per open group: does it contain a quantifier or alternation?
  const groups: boolean[] = [];
  let lastGroupRisky = false;
  let lastWasGroup = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      lastWasGroup = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastWasGroup = false;
      continue;
    }
    if (c === '(') {
      groups.push(false);
      lastWasGroup = false;
      continue;
    }
    if (c === ')') {
      lastGroupRisky = groups.pop() ?? false;
      if (lastGroupRisky && groups.length > 0) groups[groups.length - 1] = true;
      lastWasGroup = true;
      continue;
    }
    if (c === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true;
      // Each alternative is another path to try from every position (2^(k-1) >= k: conservative).
      shape.boundedProduct = Math.min(shape.boundedProduct * 2, Number.MAX_SAFE_INTEGER);
      continue;
    }
    let max: number | null = null;
    let quantifier = false;
    if (c === '*' || c === '+') {
      quantifier = true;
    } else if (c === '?') {
      // `??`, `*?`, `+?` are laziness markers, not a new quantifier.
      const prev = source[i - 1];
      if (prev === '*' || prev === '+' || prev === '?' || prev === '}') continue;
      quantifier = true;
      max = 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(source.slice(i));
      if (m) {
        quantifier = true;
        max = m[2] === '' ? Number(m[1]) : m[3] === '' ? null : Number(m[3]);
        i += m[0].length - 1;
      }
    }
    if (!quantifier) {
      lastWasGroup = false;
      continue;
    }
    if (lastWasGroup && lastGroupRisky) shape.nested = true;
    if (groups.length > 0) groups[groups.length - 1] = true;
    if (max === null) shape.unbounded++;
    else shape.boundedProduct = Math.min(shape.boundedProduct * (max + 1), Number.MAX_SAFE_INTEGER);
    lastWasGroup = false;
  }
  return shape;
}

/** Steps a direct (un-timed) backtracking run may take on one subject. */
export const DIRECT_STEP_BUDGET = 2_000_000;

export function directRunIsBounded(shape: BacktrackingShape, subjectLength: number): boolean {
  if (shape.nested) return false;
  const n = Math.max(1, subjectLength);
  return n ** (1 + shape.unbounded) * shape.boundedProduct <= DIRECT_STEP_BUDGET;
}
