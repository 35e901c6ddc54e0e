/**
 * Derives a prefilter from a regex, the way RE2's prefilter and Hyperscan do: a small set of literals
 * at least one of which occurs (case-insensitively) in every string the regex matches. A pcre-only
 * rule can then sit in the Aho-Corasick prefilter instead of running its regex on every request.
 * Works on the RE2-dialect pattern from pcre-translate.ts; anything it does not understand yields
 * "no literal" (the rule is evaluated always), never a wrong literal.
 */

interface Info {
  /** Every string the node can match (lower-cased), when that set is small. */
  exact: string[] | null;
  /** Any match contains one of these (lower-cased); null when unknown. */
  required: string[] | null;
  /** Fewest characters any match spans. */
  min: number;
}

const MAX_EXACT = 64;
const MAX_EXACT_LENGTH = 24;
const MAX_REQUIRED = 64;
const MAX_CLASS = 10;
/** Literals shorter than this are too common to be worth a prefilter entry. */
export const MIN_LITERAL = 2;

class Unsupported extends Error {}

/** `weigh` scores one literal (default: its length); the parser keeps the set whose weakest literal scores best. */
export function requiredLiterals(pattern: string, weigh: (literal: string) => number = (l) => l.length): string[] | null {
  try {
    const parser = new PatternParser(pattern, weigh);
    const info = parser.parseAlternation();
    if (parser.pos < pattern.length) return null;
    const required = info.required ?? toRequired(info.exact);
    if (!required || required.length === 0 || required.length > MAX_REQUIRED) return null;
    if (required.some((s) => s.length < MIN_LITERAL)) return null;
    return [...new Set(required)];
  } catch {
    return null;
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
    const parser = new PatternParser(pattern, (l) => l.length);
    const info = parser.parseAlternation();
    return parser.pos === pattern.length && Number.isFinite(info.min) ? info.min : 0;
  } catch {
    return 0;
  }
}

function toRequired(exact: string[] | null): string[] | null {
  if (!exact || exact.length === 0 || exact.some((s) => s.length === 0)) return null;
  return exact;
}

function score(set: string[] | null, weigh: (literal: string) => number): number {
  if (!set || set.length === 0) return -1;
  let min = Infinity;
  for (const s of set) {
    if (s.length < MIN_LITERAL) return -1;
    min = Math.min(min, weigh(s));
  }
  return min * 100 - set.length;
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

const EMPTY: Info = { exact: [''], required: null, min: 0 };
/** Anything, possibly nothing (a quantifier allowing zero repeats). */
const ANY: Info = { exact: null, required: null, min: 0 };
/** One character of a set too wide to enumerate. */
const ONE: Info = { exact: null, required: null, min: 1 };

class PatternParser {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly weigh: (literal: string) => number,
  ) {}

  private better(a: string[] | null, b: string[] | null): string[] | null {
    return score(b, this.weigh) > score(a, this.weigh) ? b : a;
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
    let min = Infinity;
    for (const b of branches) {
      min = Math.min(min, b.min);
      exact = exact && b.exact ? [...exact, ...b.exact] : null;
      const r = b.required ?? toRequired(b.exact);
      required = required && r ? [...required, ...r] : null;
    }
    if (exact && exact.length > MAX_EXACT) exact = null;
    if (required && required.length > MAX_REQUIRED) required = null;
    return { exact: exact ? [...new Set(exact)] : null, required: required ? [...new Set(required)] : null, min };
  }

  private parseSequence(): Info {
    let current: string[] | null = [''];
    // Once the run of exact atoms breaks (an atom too wide, or a product too big), `current` only
    // holds the exact strings of the sequence's tail: still required, but no longer every string the
    // whole sequence matches. Reporting the tail as the sequence's `exact` made an enclosing sequence
    // glue it to its prefix: `spring\.datasource\.(?:hikari\.connection-test-query|data)` required
    // "spring.datasource.uery", which no request holds, so the rule never ran.
    let whole = true;
    let best: string[] | null = null;
    let min = 0;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.parseQuantified();
      min += atom.min;
      best = this.better(best, atom.required);
      if (current && atom.exact) {
        const joined = cross(current, atom.exact);
        if (joined) {
          current = joined;
          continue;
        }
      }
      best = this.better(best, toRequired(current));
      current = atom.exact;
      whole = false;
    }
    best = this.better(best, toRequired(current));
    return { exact: whole ? current : null, required: best, min };
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
      if (max === 1 && atom.exact) return { exact: [...new Set(['', ...atom.exact])], required: null, min: 0 };
      return ANY;
    }
    const required = atom.required ?? toRequired(atom.exact);
    if (min === max && atom.exact && min <= 4) {
      let exact: string[] | null = [''];
      for (let i = 0; i < min && exact; i++) exact = cross(exact, atom.exact);
      if (exact) return { exact, required, min: atom.min * min };
    }
    return { exact: null, required, min: atom.min * min };
  }

  private parseAtom(): Info {
    const c = this.src[this.pos];
    if (c === '(') return this.parseGroup();
    if (c === '[') return this.parseClass();
    if (c === '\\') return this.parseEscape();
    this.pos++;
    if (c === '.') return ONE;
    if (c === '^' || c === '$') return EMPTY;
    return { exact: [c.toLowerCase()], required: null, min: 1 };
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
    return { exact: [...chars], required: null, min: 1 };
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
      return EMPTY;
    }
    if ('dDwWsSpPCX'.includes(e)) {
      this.skipClassEscape(e);
      return ONE;
    }
    if (e === 'Q') {
      const end = this.src.indexOf('\\E', this.pos + 2);
      const text = this.src.slice(this.pos + 2, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.src.length : end + 2;
      const lower = text.toLowerCase();
      return text.length <= MAX_EXACT_LENGTH ? { exact: [lower], required: null, min: text.length } : { exact: null, required: [lower], min: text.length };
    }
    const ch = this.simpleEscape();
    return { exact: [ch.toLowerCase()], required: null, min: 1 };
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
