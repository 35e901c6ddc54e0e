/**
 * Derives a prefilter from a regex, the way RE2's prefilter and Hyperscan do: small sets of literals,
 * each with at least one literal that occurs (case-insensitively) in every string the regex matches.
 * A pcre-only rule can then sit in the Aho-Corasick prefilter instead of running its regex on every
 * request, and its other sets are second-level conditions (prefilter.ts).
 * Works on the RE2-dialect pattern from pcre-translate.ts; anything it does not understand yields
 * "no literal" (the rule is evaluated always), never a wrong literal.
 */

import { usableLiteral, literalWeight } from './literal-weight.js';
import { shrinkLiterals } from './shrink-literals.js';

export { literalWeight, usableLiteral } from './literal-weight.js';

interface Info {
  /** Every string the node can match (lower-cased), when that set is small. */
  exact: string[] | null;
  /** Any match contains one of these (lower-cased); null when unknown. */
  required: string[] | null;
  /** Further necessary sets besides `required` (a sequence's other parts), best first. */
  others: string[][];
  /** Every match starts with one of these (null: unknown); lets a neighbour on the left be glued on. */
  prefix: string[] | null;
  /** Every match ends with one of these (null: unknown). */
  suffix: string[] | null;
  /** Fewest characters any match spans. */
  min: number;
  /**
   * Every non-empty match starts with a char that is no ASCII letter, digit or `_` (`\s`, `(`, `%28`):
   * a literal right before such a part, in every match, is followed by a non-word char (9000194's
   * `chr` before `(`, which "Chrome" is not). Undefined: unknown.
   */
  startsNonWord?: boolean;
}

/**
 * A latin1 char that is no ASCII letter, digit or `_` (a word character for `\b` in RE2, PCRE and V8,
 * and for the prefilter). Chars past latin1 are left out: caseless, RE2 matches `k` for the Kelvin sign.
 */
function isNonWordChar(c: string): boolean {
  return c.charCodeAt(0) < 0x100 && !/^[a-z0-9_]$/i.test(c);
}

const MAX_EXACT = 64;
const MAX_EXACT_LENGTH = 24;
const MAX_REQUIRED = 64;
const MAX_CLASS = 10;
/** Necessary sets kept per node besides the best. */
const MAX_OTHERS = 16;
class Unsupported extends Error {}
/**
 * What a one-character literal weighs when such literals are allowed: below any usable literal's
 * weight or score (>= 0.2, everyday text counting a tenth), and a set of 64 of them still scores above 0.
 */
export const SINGLE_CHARACTER_WEIGHT = 0.1;

/** Which literals a set may hold: `usableLiteral` (two characters, or one rare punctuation character) unless told otherwise. */
export interface LiteralSetOptions {
  /**
   * Any one-character literal is usable too (a quote, `;`, a newline): for pcres on the URI, where the
   * prefilter may use such a set as a second-level condition (prefilter.ts), never on the raw request.
   */
  singleCharacters?: boolean;
}

/** A necessary set, and whether each of its literals is followed by a word boundary wherever a match holds it (`(?:cat|id)\b`). */
export interface LiteralSet {
  literals: string[];
  /**
   * Every match holds one of the literals with a word boundary right after it: an occurrence followed
   * by an ASCII letter, digit or `_` ("id" in "ridge") cannot be that one, for RE2, PCRE and V8 alike.
   */
  wordEnd: boolean;
}

/** Sets the parser found ending at a `\b` (identity-tagged copies, private to this module). */
const WORD_END = new WeakSet<string[]>();

/** `weigh` scores one literal (default: literalWeight); the parser keeps the set whose weakest literal scores best. */
export function requiredLiterals(pattern: string, weigh: (literal: string) => number = literalWeight): string[] | null {
  return necessaryLiteralSets(pattern, weigh)[0] ?? null;
}

/**
 * Every necessary literal set found (each must have a literal in any match), the best first: the
 * best is the prefilter's trigger candidate, the others its second-level conditions. Empty when none.
 */
export function necessaryLiteralSets(pattern: string, weigh: (literal: string) => number = literalWeight, options: LiteralSetOptions = {}): string[][] {
  return literalSets(pattern, weigh, options).map((set) => set.literals);
}

/** The same sets as `necessaryLiteralSets`, each with whether its literals end at a word boundary. */
export function literalSets(pattern: string, weigh: (literal: string) => number = literalWeight, options: LiteralSetOptions = {}): LiteralSet[] {
  const singles = options.singleCharacters === true;
  const usable = singles ? (literal: string) => literal.length > 0 : usableLiteral;
  // A set that needs a one-character literal ranks below every other set: it is kept for the
  // prefilter's conditions, and must not displace a set that could trigger the rule.
  const ranked = singles ? (literal: string) => (usableLiteral(literal) ? weigh(literal) : SINGLE_CHARACTER_WEIGHT) : weigh;
  try {
    const parser = new PatternParser(pattern, ranked, usable);
    const info = parser.parseAlternation();
    if (parser.pos < pattern.length) return [];
    const sets = [info.required ?? toRequired(info.exact), ...info.others];
    const out: LiteralSet[] = [];
    const seen = new Map<string, LiteralSet>();
    for (const set of sets) {
      if (!set || set.length === 0 || set.length > MAX_REQUIRED || !set.every(usable)) continue;
      const unique = [...new Set(set)];
      const key = unique.join('\0');
      const earlier = seen.get(key);
      // The same literals found twice, once before a `\b`: one set, that says the more.
      if (earlier !== undefined) {
        if (WORD_END.has(set)) earlier.wordEnd = true;
        continue;
      }
      const kept = { literals: unique, wordEnd: WORD_END.has(set) };
      seen.set(key, kept);
      out.push(kept);
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * Fewest characters any match of the RE2-dialect pattern spans (0 when unsure), so a subject
 * shorter than that is ruled out without running the regex. Backreferences are refused: one to an
 * empty group matches nothing.
 */
export function minMatchLength(pattern: string): number {
  if (/\\[1-9]/.test(pattern)) return 0;
  try {
    // The length does not depend on which literal sets are kept: no literal is weighed or usable, so
    // the parse skips set scoring and shrinking (a third of a pack set's literal-parsing time).
    const parser = new PatternParser(pattern, NOTHING_WEIGHS, NOTHING_USABLE);
    const info = parser.parseAlternation();
    return parser.pos === pattern.length && Number.isFinite(info.min) ? info.min : 0;
  } catch {
    return 0;
  }
}

const NOTHING_WEIGHS = (): number => 0;
const NOTHING_USABLE = (): boolean => false;

function toRequired(exact: string[] | null): string[] | null {
  if (!exact || exact.length === 0 || exact.some((s) => s.length === 0)) return null;
  return exact;
}

function score(set: string[] | null, weigh: (literal: string) => number, usable: (literal: string) => boolean): number {
  if (!set || set.length === 0 || set.length > MAX_REQUIRED) return -1;
  let min = Infinity;
  for (const s of set) {
    if (!usable(s)) return -1;
    min = Math.min(min, weigh(s));
  }
  // Weight first, fewer literals on ties; never below 0 for a usable set (weights of usable literals are >= 0.2, sets <= 64).
  return min * 1000 - set.length;
}

/** Whether the set says something: null, or only the empty string, says nothing. */
function informative(set: string[] | null): set is string[] {
  return set !== null && set.some((s) => s.length > 0);
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) {
    const s = x + y;
    if (s.length > MAX_EXACT_LENGTH) return null;
    out.push(s);
  }
  return [...new Set(out)];
}

/** The product of the run's last pieces and `after` (the next atom's prefix), as many pieces as fit; null when not even the last does. */
function glueTail(run: readonly string[][], after: string[]): string[] | null {
  let tail: string[] | null = null;
  let next = after;
  for (let k = run.length - 1; k >= 0; k--) {
    const longer = cross(run[k], next);
    if (!longer) break;
    tail = next = longer;
  }
  return tail;
}

/**
 * The necessary sets every branch of an alternation has, literal for literal (branches that share a
 * part: 9000528's two URL shapes both need a scheme's `://`, in one of its encodings, before the
 * host): any match of the alternation holds one of their literals too. `required` (the union of the
 * branches' best sets) is left out. Untagged copies: a `\b` after a literal in one branch is not in all.
 */
function setsEveryBranchHas(branches: readonly Info[], required: string[] | null): string[][] {
  const keyOf = (set: readonly string[]): string => [...new Set(set)].sort().join('\0');
  const setsOf = (b: Info): string[][] => [b.required ?? toRequired(b.exact), ...b.others].filter((set): set is string[] => set !== null && set.length > 0);
  const others = branches.slice(1).map((b) => new Set(setsOf(b).map(keyOf)));
  const skip = new Set(required === null ? [] : [keyOf(required)]);
  const out: string[][] = [];
  for (const set of setsOf(branches[0])) {
    const key = keyOf(set);
    if (skip.has(key) || !others.every((keys) => keys.has(key))) continue;
    skip.add(key);
    out.push([...new Set(set)]);
    if (out.length >= MAX_OTHERS) break;
  }
  return out;
}

const EMPTY: Info = { exact: [''], required: null, others: [], prefix: [''], suffix: [''], min: 0, startsNonWord: true };
/** Anything, possibly nothing (a quantifier allowing zero repeats). */
const ANY: Info = { exact: null, required: null, others: [], prefix: null, suffix: null, min: 0 };
/** `\b`: matches no character, but what ends right before it ends at a word boundary. */
const WORD_BOUNDARY: Info = { ...EMPTY };
/** One character of a set too wide to enumerate. */
const ONE: Info = { exact: null, required: null, others: [], prefix: null, suffix: null, min: 1 };
/** Repeats, possibly none, of a part whose matches start with a non-word char (`(?:\s|%20|\+)*`). */
const ANY_NON_WORD: Info = { ...ANY, startsNonWord: true };
/** `\s` as any engine may read it (RE2, PCRE with VT, V8 on latin1 with NBSP and NEL): a superset is still necessary. */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const SPACE_CHARS = [' ', '\t', '\n', '\v', '\f', '\r', '\xa0', '\x85'];

/** A node matching exactly one of `strings`. */
function exactInfo(strings: string[], min: number): Info {
  return { exact: strings, required: null, others: [], prefix: strings, suffix: strings, min, startsNonWord: strings.every((x) => x === '' || isNonWordChar(x[0])) };
}

class PatternParser {
  pos = 0;
  /** `weigh`, remembered per literal: a pack set's parse weighs the same literals many times over. */
  private readonly weigh: (literal: string) => number;

  constructor(
    private readonly src: string,
    weigh: (literal: string) => number,
    private readonly usable: (literal: string) => boolean,
  ) {
    const weights = new Map<string, number>();
    this.weigh = (literal) => {
      let w = weights.get(literal);
      if (w === undefined) {
        w = weigh(literal);
        weights.set(literal, w);
      }
      return w;
    };
  }

  parseAlternation(): Info {
    const branches: Info[] = [this.parseSequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.parseSequence());
    }
    if (branches.length === 1) return branches[0];
    let exact: string[] | null = [];
    let required: string[] | null = [];
    let prefix: string[] | null = [];
    let suffix: string[] | null = [];
    let min = Infinity;
    let startsNonWord = true;
    for (const b of branches) {
      min = Math.min(min, b.min);
      startsNonWord &&= b.startsNonWord === true;
      exact = exact && b.exact ? [...exact, ...b.exact] : null;
      const r = b.required ?? toRequired(b.exact);
      required = required && r ? [...required, ...r] : null;
      prefix = prefix && b.prefix ? [...prefix, ...b.prefix] : null;
      suffix = suffix && b.suffix ? [...suffix, ...b.suffix] : null;
    }
    if (exact && exact.length > MAX_EXACT) exact = null;
    if (required) required = [...new Set(required)];
    // Many branches, each with its own literals (a list of commands, each in several encodings): the
    // union is cut down to a size the prefilter takes rather than given up.
    if (required && required.length > MAX_REQUIRED) required = shrinkLiterals(required, MAX_REQUIRED, this.weigh, (set) => score(set, this.weigh, this.usable));
    const small = (set: string[] | null): string[] | null => (set && set.length <= MAX_EXACT ? [...new Set(set)] : null);
    return { exact: exact ? [...new Set(exact)] : null, required, others: setsEveryBranchHas(branches, required), prefix: small(prefix), suffix: small(suffix), min, startsNonWord };
  }

  private parseSequence(): Info {
    let current: string[] | null = [''];
    // Once the run of exact atoms breaks (an atom too wide, or a product too big), `current` only
    // holds the exact strings of the sequence's tail: still required, but no longer every string the
    // whole sequence matches. Reporting the tail as the sequence's `exact` made an enclosing sequence
    // glue it to its prefix: `spring\.datasource\.(?:hikari\.connection-test-query|data)` required
    // "spring.datasource.uery", which no request holds, so the rule never ran.
    let whole = true;
    // Every set collected here is necessary; the best is `required`, a few more are kept as `others`.
    const sets: string[][] = [];
    const collect = (set: string[] | null): void => {
      if (set && score(set, this.weigh, this.usable) >= 0) sets.push(set);
    };
    let prefix: string[] | null = null;
    let min = 0;
    // The exact pieces whose product is `current`, so a product grown too big can drop its first pieces.
    let run: string[][] = [];
    // Whether `current`'s strings end at a `\b` (9000302's command names: "id" in "ridge" is not one).
    let wordEnd = false;
    const ended = (set: string[] | null): string[] | null => {
      if (!wordEnd || set === null) return set;
      const tagged = [...set];
      WORD_END.add(tagged);
      return tagged;
    };
    // Runs whose end waits on the atoms after them: tagged as ending before a non-word char once an
    // atom that cannot match nothing is reached with every atom up to it starting with one.
    const pending: Array<{ set: string[]; nonWord: boolean }> = [];
    const follow = (atom: Info): void => {
      for (let k = pending.length - 1; k >= 0; k--) {
        const p = pending[k];
        p.nonWord &&= atom.startsNonWord === true;
        if (atom.min > 0 || !p.nonWord) {
          if (p.nonWord) WORD_END.add(p.set);
          pending.splice(k, 1);
        }
      }
    };
    // Whether every non-empty match of the sequence starts with a non-word char (settled at its first atom that cannot match nothing).
    let startsNonWord = true;
    let startSettled = false;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.parseQuantified();
      if (!startSettled) {
        startsNonWord &&= atom.startsNonWord === true;
        startSettled = atom.min > 0;
      }
      follow(atom);
      min += atom.min;
      collect(atom.required);
      for (const o of atom.others) collect(o);
      if (current && atom.exact) {
        const joined = cross(current, atom.exact);
        if (joined) {
          current = joined;
          run.push(atom.exact);
          // What ended before a `\b` still does after a zero-width atom (`$`, a lookbehind).
          wordEnd = atom === WORD_BOUNDARY || (wordEnd && atom.exact.length === 1 && atom.exact[0] === '');
          continue;
        }
      }
      // Too many strings for the whole run (a separator class, then 11 field names, then `=` or `%3d`):
      // the product of its last pieces and this atom is still necessary, and may fit (9000316's 22
      // `name=` strings rather than the bare names "run" and "sh", which "running shoes" holds).
      let tail: string[] | null = null;
      let kept = run.length;
      if (current && atom.exact) {
        tail = atom.exact;
        for (let k = run.length - 1; k >= 0; k--) {
          const longer = cross(run[k], tail);
          if (!longer) break;
          tail = longer;
          kept = k;
        }
        if (kept === run.length) tail = null;
      }
      // The run breaks here, but the atom's matches still start with its prefix and end with its
      // suffix (`sh\s+-i` holds "sh" + a space, and a space + "-i"): the run is glued to the prefix,
      // and the next run starts from the suffix.
      const glued = current && atom.prefix ? cross(current, atom.prefix) : null;
      collect(glued);
      // Too many strings to glue the whole run on: its last pieces glued on are still necessary, and
      // say more than either side alone (9000321's `sh` + a space: `sh` alone is in "push", "shoes").
      if (!glued && current && atom.prefix) collect(glueTail(run, atom.prefix));
      const runSet = ended(toRequired(current));
      if (runSet !== null && !wordEnd) {
        // What follows the run is this atom and the ones after it: a copy, tagged if they start with a non-word char.
        const copy = [...runSet];
        collect(copy);
        pending.push({ set: copy, nonWord: true });
        follow(atom);
      } else collect(runSet);
      wordEnd = false;
      if (whole) prefix = informative(glued) ? glued : informative(current) ? current : null;
      if (tail) {
        current = tail;
        run = [...run.slice(kept), atom.exact!];
      } else {
        current = atom.exact ?? atom.suffix;
        run = current ? [current] : [];
      }
      whole = false;
    }
    collect(ended(toRequired(current)));
    if (whole) return { exact: current, required: ended(toRequired(current)), others: [], prefix: current, suffix: current, min, startsNonWord };
    const scores = new Map(sets.map((set) => [set, score(set, this.weigh, this.usable)]));
    sets.sort((a, b) => scores.get(b)! - scores.get(a)!);
    return { exact: null, required: sets[0] ?? null, others: sets.slice(1, 1 + MAX_OTHERS), prefix, suffix: informative(current) ? current : null, min, startsNonWord };
  }

  private parseQuantified(): Info {
    const atom = this.parseAtom();
    const c = this.src[this.pos];
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(this.src.slice(this.pos));
      if (m) {
        this.pos += m[0].length;
        min = Number(m[1]);
        max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    } else return atom;
    if (this.src[this.pos] === '?' || this.src[this.pos] === '+') this.pos++;
    if (min === 0) {
      if (max === 1 && atom.exact) return exactInfo([...new Set(['', ...atom.exact])], 0);
      return atom.startsNonWord === true ? ANY_NON_WORD : ANY;
    }
    const required = atom.required ?? toRequired(atom.exact);
    if (min === max && atom.exact && min <= 4) {
      let exact: string[] | null = [''];
      for (let i = 0; i < min && exact; i++) exact = cross(exact, atom.exact);
      if (exact) return { ...exactInfo(exact, atom.min * min), required };
    }
    // At least one repeat: the first starts every match and the last ends it.
    return { exact: null, required, others: atom.others, prefix: atom.exact ?? atom.prefix, suffix: atom.exact ?? atom.suffix, min: atom.min * min, startsNonWord: atom.startsNonWord };
  }

  private parseAtom(): Info {
    const c = this.src[this.pos];
    if (c === '(') return this.parseGroup();
    if (c === '[') return this.parseClass();
    if (c === '\\') return this.parseEscape();
    this.pos++;
    if (c === '.') return ONE;
    if (c === '^' || c === '$') return EMPTY;
    return exactInfo([c.toLowerCase()], 1);
  }

  private parseGroup(): Info {
    this.pos++;
    let discard = false;
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos);
      const flagsOnly = /^\?[a-zA-Z-]*\)/.exec(rest);
      if (flagsOnly) {
        this.pos += flagsOnly[0].length;
        return EMPTY;
      }
      const head = /^\?(?:[a-zA-Z-]*:|P?<[A-Za-z_]\w*>|<=|<!)/.exec(rest);
      if (!head) throw new Unsupported();
      discard = head[0] === '?<=' || head[0] === '?<!';
      this.pos += head[0].length;
    }
    const inner = this.parseAlternation();
    if (this.src[this.pos] !== ')') throw new Unsupported();
    this.pos++;
    return discard ? EMPTY : inner;
  }

  private parseClass(): Info {
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const chars = new Set<string>();
    let wide = false;
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== ']' || first)) {
      first = false;
      let ch: string | null = this.src[this.pos];
      if (ch === '[' && this.src[this.pos + 1] === ':') {
        const end = this.src.indexOf(':]', this.pos);
        if (end < 0) throw new Unsupported();
        this.pos = end + 2;
        wide = true;
        continue;
      }
      if (ch === '\\') {
        ch = this.classEscape();
        if (ch === null) {
          wide = true;
          continue;
        }
      } else this.pos++;
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        let to: string | null = this.src[this.pos];
        if (to === '\\') to = this.classEscape();
        else this.pos++;
        if (to === null) throw new Unsupported();
        const span = to.charCodeAt(0) - ch.charCodeAt(0);
        if (span < 0 || span > MAX_CLASS) wide = true;
        else for (let k = 0; k <= span; k++) chars.add(String.fromCharCode(ch.charCodeAt(0) + k).toLowerCase());
        continue;
      }
      chars.add(ch.toLowerCase());
    }
    if (this.src[this.pos] !== ']') throw new Unsupported();
    this.pos++;
    if (negated || wide || chars.size > MAX_CLASS) return ONE;
    return exactInfo([...chars], 1);
  }

  /** An escape inside a class: the char, or null for a multi-char class (\d, \w, \s...). */
  private classEscape(): string | null {
    const e = this.src[this.pos + 1];
    if (e === undefined) throw new Unsupported();
    if ('dDwWsSpP'.includes(e)) {
      this.skipClassEscape(e);
      return null;
    }
    return this.simpleEscape();
  }

  private parseEscape(): Info {
    const e = this.src[this.pos + 1];
    if (e === undefined) throw new Unsupported();
    if ('bBAzZG'.includes(e)) {
      this.pos += 2;
      return e === 'b' ? WORD_BOUNDARY : EMPTY;
    }
    if (e === 's') {
      this.pos += 2;
      return exactInfo(SPACE_CHARS, 1);
    }
    if (e === 'd') {
      // As `[0-9]` is (RE2, PCRE and V8 alike read \d as the ASCII digits): a digit glued to its
      // neighbours (`=1`, `"-2`) says more than either alone.
      this.pos += 2;
      return exactInfo(DIGITS, 1);
    }
    if ('DwWSpPCX'.includes(e)) {
      this.skipClassEscape(e);
      return ONE;
    }
    if (e === 'Q') {
      const end = this.src.indexOf('\\E', this.pos + 2);
      const text = this.src.slice(this.pos + 2, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.src.length : end + 2;
      const lower = text.toLowerCase();
      return text.length <= MAX_EXACT_LENGTH ? exactInfo([lower], text.length) : { exact: null, required: [lower], others: [], prefix: null, suffix: null, min: text.length };
    }
    const ch = this.simpleEscape();
    return exactInfo([ch.toLowerCase()], 1);
  }

  /** Steps over `\d`-style escapes, including `\pL` and `\p{Greek}` (one character each). */
  private skipClassEscape(e: string): void {
    this.pos += 2;
    if (e !== 'p' && e !== 'P') return;
    if (this.src[this.pos] === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw new Unsupported();
      this.pos = end + 1;
    } else this.pos++;
  }

  /** \xHH, \x{H..}, \n \r \t \f \v \a \e, octal \0, or an escaped punctuation char. */
  private simpleEscape(): string {
    const e = this.src[this.pos + 1];
    if (e === 'x') {
      const braced = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.pos));
      const plain = /^\\x([0-9a-fA-F]{1,2})/.exec(this.src.slice(this.pos));
      const m = braced ?? plain;
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      return String.fromCharCode(parseInt(m[1], 16));
    }
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', a: '\x07', e: '\x1b' };
    if (named[e] !== undefined) {
      this.pos += 2;
      return named[e];
    }
    if (/[0-7]/.test(e)) {
      const m = /^\\([0-7]{1,3})/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      return String.fromCharCode(parseInt(m[1], 8));
    }
    if (/[A-Za-z0-9]/.test(e)) throw new Unsupported();
    this.pos += 2;
    return e;
  }
}
