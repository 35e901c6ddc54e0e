/**
 * Rewrites a Perl/PCRE pattern (as found in Snort rules) into the RE2 dialect, which runs in linear
 * time: a rule file must never be able to stall the proxy with a catastrophic regex (ReDoS).
 * Constructs RE2 lacks are either rewritten exactly (`\Z`, `\h`, `\e`, `x` flag), relaxed to a
 * superset with a warning (atomic groups, possessive quantifiers, lookaheads), or refused
 * (backreferences), never silently dropped.
 */
import { ruleUnsafeRegex } from './errors.js';

export interface TranslatedPattern {
  pattern: string;
  /**
   * A single character, escape or class repeated more than MAX_REPEAT (≤ MAX_NATIVE_REPEAT) times:
   * the overflow checks of Talos/ET rules (`instancename=[^&]{513}`). Only the native RE2 binding runs
   * these in linear time with a small constant; safe-regex.ts refuses the rule without it.
   */
  largeRepeats: boolean;
  /** Human-readable notes on relaxations, shown as import warnings. */
  relaxations: string[];
}

/**
 * Largest counted repetition accepted. RE2 is linear in the input, but the constant grows with the
 * count: measured with re2js, `[^\n]{300}` costs ~15 µs per input byte and `{1000}` ~75 µs, so an
 * overflow-check pcre like `[^\x27]{1075,}` would let one request pin a core for seconds.
 */
export const MAX_REPEAT = 100;

/**
 * Largest repetition of a single character or class accepted, on native RE2 only (RE2's own limit).
 * Measured on 1 MiB subjects (`bench/pcre-overflow-checks.ts`, BENCHMARKS.md): 4–57 ms per pcre, the same order
 * as any pcre on 1 MiB with node-re2 (which first converts the subject to UTF-8). A repeated group
 * stays at MAX_REPEAT: its automaton grows with the group (`(?:\s*[a-z]+\s*){1000}` took minutes).
 */
export const MAX_NATIVE_REPEAT = 1000;

/**
 * With `capRepeats`, a counted repetition over the limit becomes `{min(n,10),}` instead of an error: a
 * cheap superset used as a linear-time pre-check in front of the backtracking fallback.
 */
export function translatePcre(source: string, extended: boolean, capRepeats = false): TranslatedPattern {
  const relaxations = new Set<string>();
  const src = extended ? stripExtended(source) : source;
  const large = { found: false };
  const out = translateBody(src, relaxations, 0, capRepeats, large);
  return { pattern: out, relaxations: [...relaxations], largeRepeats: large.found };
}

/** Whether the atom just emitted (what a quantifier applies to) is a group rather than one character or class. */
function repeatsAGroup(out: string): boolean {
  if (!out.endsWith(')')) return false;
  let backslashes = 0;
  for (let i = out.length - 2; i >= 0 && out[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function translateBody(src: string, relaxations: Set<string>, nesting: number, capRepeats: boolean, large: { found: boolean } = { found: false }): string {
  let out = '';
  let inClass = false;
  // Stack of group kinds so a removed lookahead's closing paren is removed too.
  const groups: Array<'keep' | 'drop'> = [];
  let dropDepth = 0;
  let captures: string[] | null = null;
  const emit = (s: string): void => {
    if (dropDepth === 0) out += s;
  };
  const emitAtom = emit;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if (next === 'k' || next === 'g') throw ruleUnsafeRegex(`named backreference \\${next} needs a backtracking engine`);
      if (/[1-9]/.test(next) && !inClass) {
        // A backreference becomes a copy of its group's pattern: it then matches any text the group
        // could match, a superset of "the same text again", in linear time.
        captures ??= captureGroups(src);
        const group = captures[Number(next) - 1];
        if (group === undefined || group.includes(`\\${next}`) || nesting > 3) throw ruleUnsafeRegex(`backreference \\${next} cannot be relaxed`);
        relaxations.add(`backreference \\${next} matched as a copy of its group`);
        emitAtom(`(?:${translateBody(group, relaxations, nesting + 1, capRepeats, large)})`);
        continue;
      }
      if (next === 'Z') emit(inClass ? 'Z' : '(?:\\n?\\z)');
      else if (next === 'h') emit(inClass ? '\\t ' : '[\\t ]');
      else if (next === 'H') emit(inClass ? '' : '[^\\t ]');
      else if (next === 'e') emit('\\x1b');
      else if (next === 'R') emit(inClass ? '\\r\\n' : '(?:\\r\\n|\\n|\\r)');
      else if (next === 'c') {
        const ctl = src[i + 1] ?? '@';
        i++;
        emit(`\\x${(ctl.toUpperCase().charCodeAt(0) ^ 0x40).toString(16).padStart(2, '0')}`);
      } else if (next === '0' && !/[0-7]/.test(src[i + 1] ?? '')) emit('\\x00');
      else emit(c + next);
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      emit(c);
      continue;
    }
    if (c === '[') {
      inClass = true;
      emitAtom(c);
      // A `]` right after `[` or `[^` is a literal.
      if (src[i + 1] === '^') {
        emit('^');
        i++;
      }
      if (src[i + 1] === ']') {
        emit('\\]');
        i++;
      }
      continue;
    }
    if (c === '(') {
      if (src.startsWith('(?>', i)) {
        relaxations.add('atomic group (?>...) treated as (?:...)');
        groups.push('keep');
        emit('(?:');
        i += 2;
        continue;
      }
      if (src.startsWith('(?=', i) || src.startsWith('(?!', i)) {
        relaxations.add('lookahead removed (the regex matches a superset)');
        groups.push('drop');
        dropDepth++;
        i += 2;
        continue;
      }
      if (src.startsWith('(?#', i)) {
        const close = src.indexOf(')', i);
        i = close < 0 ? src.length : close;
        continue;
      }
      groups.push('keep');
      emit(c);
      continue;
    }
    if (c === ')') {
      const group = groups.pop();
      if (group === 'drop') {
        dropDepth--;
        continue;
      }
      emit(c);
      continue;
    }
    if (c === '{' && dropDepth === 0) {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(src.slice(i));
      if (m) {
        const min = Number(m[1]);
        const max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length - 1;
        if ((min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) && capRepeats) {
          out += `{${Math.min(min, 10)},}`;
          continue;
        }
        if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
          const fits = min <= MAX_NATIVE_REPEAT && (max === Infinity || max <= MAX_NATIVE_REPEAT);
          if (!fits || repeatsAGroup(out)) {
            throw ruleUnsafeRegex(
              `counted repetition ${m[0]} exceeds ${fits ? `${MAX_REPEAT} on a group` : MAX_NATIVE_REPEAT}: no engine runs it in bounded time on a request (RE2's cost grows with the count; backtracking took 0.1–4 s on 1 MB), so the rule is refused`,
            );
          }
          large.found = true;
        }
        out += m[0];
        continue;
      }
    }
    if (c === '+' && isAfterQuantifier(src, i)) {
      relaxations.add('possessive quantifier treated as greedy');
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '|' || c === '^' || c === '$') emit(c);
    else emitAtom(c);
  }
  return out;
}

/** Inner text of each capturing group, in group-number order. */
function captureGroups(src: string): string[] {
  const starts: Array<{ at: number; capturing: boolean; index: number }> = [];
  const inner: string[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (src[i + 1] === '^') i++;
      if (src[i + 1] === ']') i++;
      continue;
    }
    if (c === '(') {
      const named = src.startsWith('(?P<', i) || (src.startsWith('(?<', i) && !src.startsWith('(?<=', i) && !src.startsWith('(?<!', i));
      const capturing = src[i + 1] !== '?' || named;
      starts.push({ at: i, capturing, index: capturing ? inner.push('') - 1 : -1 });
    } else if (c === ')') {
      const open = starts.pop();
      if (open?.capturing) {
        let body = src.slice(open.at + 1, i);
        if (body.startsWith('?')) body = body.slice(body.indexOf('>') + 1);
        inner[open.index] = body;
      }
    }
  }
  return inner;
}

/** True when `+` at i follows a quantifier (`*`, `+`, `?`, `}`) and so makes it possessive. */
function isAfterQuantifier(src: string, i: number): boolean {
  const prev = src[i - 1];
  if (prev !== '*' && prev !== '+' && prev !== '?' && prev !== '}') return false;
  // An escaped quantifier char is a literal, and `x++` must not count the second `+` twice.
  let backslashes = 0;
  for (let k = i - 2; k >= 0 && src[k] === '\\'; k--) backslashes++;
  if (backslashes % 2 === 1) return false;
  if (prev === '+' && isAfterQuantifier(src, i - 1)) return false;
  if (prev === '}') return /\{\d*,?\d*\}$/.test(src.slice(0, i));
  return i >= 2;
}

/** The `x` flag: unescaped whitespace and `#` comments outside classes are not part of the pattern. */
function stripExtended(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') continue;
    if (c === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    out += c;
  }
  return out;
}
