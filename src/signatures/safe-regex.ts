/**
 * Compiles rule pcres so that no rule file can stall the proxy (ReDoS): every pcre runs on a
 * linear-time engine (native RE2 when installed, else re2js), or on V8's own engine only when
 * backtracking-cost.ts bounds the work for the subject at hand. The overflow checks of Talos/ET rules
 * (`instancename=[^&]{513}`: one character or class repeated up to MAX_NATIVE_REPEAT times) run on
 * native RE2 only. A pattern no linear engine runs well (a group repeated over MAX_REPEAT times, a
 * count over 1000 such as `[^\n]{1075,}`) is refused at import with the reason. Such patterns used to
 * fall back to V8's backtracking engine in a `vm` context with a "10 ms" timeout, but that budget did not hold: such patterns took 20–170 ms on a
 * 16 KiB header and 0.1–4 s on a 1 MB body (issue 17; the vm timeout is not checked promptly inside
 * a regex, and the linear pre-check itself was slow), and a timed-out run counted as "no match".
 * Compiled patterns are cached by source+flags so the parser's validation and the compiler share one.
 */
import { createRequire } from 'node:module';
import { RE2JS } from 're2js';
import { ruleBadOptionValue, ruleUnsafeRegex } from './errors.js';
import { MAX_REPEAT, translatePcre } from './pcre-translate.js';
import { backtrackingShape, directRunIsBounded } from './backtracking-cost.js';
import { minMatchLength } from './compile/pcre-literals.js';
import { loosenedPattern } from './loosened-pcre.js';

/** Perl flags, Snort flags (R relative, B raw, O override limits) and buffer flags. */
const PERL_FLAGS = 'ismxAEGO';
export const PCRE_BUFFER_FLAGS = 'UIPHDMCKSYVWZQB';

export interface RegexMatch {
  start: number;
  end: number;
}

export interface SafeRegex {
  /** Linear in the subject (RE2), or V8's engine where its work is bounded for that subject. */
  readonly engine: 're2';
  readonly relaxations: readonly string[];
  /** First match in `subject`, or null; `utf8`, when given, is `utf8Subject(subject)`, shared by every pattern run on it. */
  exec(subject: string, utf8?: Utf8Subject): RegexMatch | null;
  /**
   * The first match that starts at `from` or later, with `^`, `\b` and look-behinds reading the text
   * before `from` as it is (not the start of a subject cut there): a rule's next match after one its
   * later options ruled out (evaluate-rule.ts). Offsets are chars of `subject`.
   */
  execFrom(subject: string, from: number): RegexMatch | null;
}

/**
 * A long subject's UTF-8 bytes, encoded once and handed to every native pcre run on it. node-re2
 * encodes a string subject itself and caches it per RegExp object, so N pcres over one 1 MiB body
 * encoded it N times (1–2 ms and 1–2 MiB of garbage each: most of a pcre's cost on a body, issue 17).
 * Subjects are latin1 strings (one char per byte), so non-ASCII chars take two bytes here.
 */
export interface Utf8Subject {
  readonly bytes: Buffer;
  /** Every char is ASCII: byte offsets are char offsets. */
  readonly ascii: boolean;
}

export function utf8Subject(subject: string): Utf8Subject {
  const bytes = Buffer.from(subject, 'utf8');
  return { bytes, ascii: bytes.length === subject.length };
}

/** The char offset of a byte offset in UTF-8 text: bytes before it that start a char (not 10xxxxxx). */
function charOffset(bytes: Buffer, byteOffset: number): number {
  let continuation = 0;
  for (let i = 0; i < byteOffset; i++) if ((bytes[i] & 0xc0) === 0x80) continuation++;
  return byteOffset - continuation;
}

/** The native RE2 binding (`re2`, an optional dependency built from source when no prebuilt binary can be fetched). */
type NativeRe2 = new (pattern: string, flags: string) => {
  lastIndex: number;
  exec(subject: string): RegExpExecArray | null;
  /** On a Buffer (UTF-8), the match's `index` and `[0].length` are in bytes. */
  exec(subject: Buffer): (Buffer[] & { index: number }) | null;
  /** Where the first match starts (bytes on a Buffer, UTF-16 units on a string), -1 when none; reads no `lastIndex`. */
  search(subject: string | Buffer): number;
  /** Whether it matches; a sticky or global regex starts at `lastIndex` and moves it to the match's end (units as `search`). */
  test(subject: string | Buffer): boolean;
};

// Loaded once; absent (build failed, or not installed) → re2js alone: same syntax, ~100x slower on bodies.
const nativeRe2: NativeRe2 | null = (() => {
  try {
    return createRequire(import.meta.url)('re2') as NativeRe2;
  } catch {
    return null;
  }
})();

/** Which linear-time engine runs pcres, for the start-up line and `rules check`. */
export const regexEngine = nativeRe2 !== null ? 're2 (native)' : 're2js';

/** Whether a pcre run reads a `Utf8Subject` (native RE2 does; re2js and V8 read the string itself). */
export const readsUtf8Subjects = nativeRe2 !== null;

const cache = new Map<string, SafeRegex>();
const MAX_CACHE = 50_000;

export function compileSafeRegex(source: string, flags: string): SafeRegex {
  const key = `${flags}/${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  for (const f of flags) {
    if (!PERL_FLAGS.includes(f) && !PCRE_BUFFER_FLAGS.includes(f) && f !== 'R') {
      throw ruleBadOptionValue('pcre', `unknown flag '${f}'`);
    }
  }
  const compiled = compileRe2(source, flags);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

function compileRe2(source: string, flags: string): SafeRegex {
  const translated = translatePcre(source, flags.includes('x'));
  let re2Flags = RE2JS.LOOKBEHINDS;
  if (flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) re2Flags |= RE2JS.DOTALL;
  if (flags.includes('m')) re2Flags |= RE2JS.MULTILINE;
  // G inverts greediness, which RE2 spells (?U); A anchors at the start of the subject.
  const body = flags.includes('G') ? `(?U)${translated.pattern}` : translated.pattern;
  // node-re2 reads JavaScript syntax, so it gets the pcre as written (what V8 would run), not the RE2
  // translation; patterns it refuses (lookarounds, backreferences, PCRE-only escapes) go to re2js.
  const native = flags.includes('x') || flags.includes('G') ? null : nativeFor(flags.includes('A') ? `^(?:${source})` : source, flags);
  // Tried first where it exists: a subject it does not match, the pcre does not match (loosened-pcre.ts).
  // Compiled on the first run, so a pack set's thousands of pcres that never run cost nothing at load.
  const loosened = native === null ? null : loosenedPattern(source);
  let loose: InstanceType<NativeRe2> | null | undefined = loosened === null ? null : undefined;
  const looseRegex = (): InstanceType<NativeRe2> | null => {
    if (loose === undefined) loose = nativeFor(flags.includes('A') ? `^(?:${loosened!})` : loosened!, flags);
    return loose;
  };
  // re2js is compiled only for the patterns native RE2 does not run (all of them when the binding is
  // absent): compiling the ~6,000 pcres of a pack set in re2js too cost ~1.3 s of CPU at load and
  // held their programs in the heap, for a fallback that was never taken.
  let regex: RE2JS | null = null;
  if (native === null) {
    // re2js's cost grows with the count (~75 µs per byte at {1000}): a large single-class repeat runs on native RE2 or not at all.
    if (translated.largeRepeats) {
      throw ruleUnsafeRegex(
        `counted repetition over ${MAX_REPEAT} needs the native RE2 binding (${nativeRe2 === null ? 'not installed' : 'which refuses this pattern'}); re2js would take seconds per MiB`,
      );
    }
    try {
      regex = RE2JS.compile(flags.includes('A') ? `\\A(?:${body})` : body, re2Flags);
    } catch (err) {
      throw ruleUnsafeRegex(`RE2 cannot compile it (${(err as Error).message})`);
    }
  }
  // re2js interprets RE2 in JS at ~0.5 µs per subject byte: fine for URIs and headers, milliseconds
  // on a body. When the backtracking-cost analysis bounds V8's own engine for this subject length,
  // the same pattern runs there (~100x faster) with no ReDoS exposure; otherwise RE2 as before.
  const direct = directEngineFor(source, flags);
  // A subject shorter than any match is ruled out without running either engine.
  const minLength = minMatchLength(translated.pattern);
  // Searches from an offset need the engines' global form (lastIndex); built on the first such search.
  let directGlobal: RegExp | undefined;
  let nativeGlobal: InstanceType<NativeRe2> | null | undefined;
  // Where a native match ends: node-re2's exec builds a result (a Buffer copy of the match, an array,
  // `index`, `input`, `groups`: ~3-5 µs a call, whatever the pattern, against ~0.2 µs for the search
  // itself; issue 14), so the match is found as `search` (its start) and the same pattern anchored
  // there (sticky), whose `test` moves `lastIndex` to the end. RE2's leftmost-first match is the
  // highest-priority one of those that start leftmost, which is the anchored one at that start; the
  // text before the start stays the context of `^`, `\b` and look-behinds, as in the search.
  // (Should the anchored form be refused or find nothing, exec's own answer is taken.)
  let nativeAnchored: InstanceType<NativeRe2> | null | undefined;
  const matchEndAt = (subject: string | Buffer, start: number): number => {
    if (nativeAnchored === undefined) nativeAnchored = nativeFor(flags.includes('A') ? `^(?:${source})` : source, `${flags}y`);
    if (nativeAnchored !== null) {
      nativeAnchored.lastIndex = start;
      if (nativeAnchored.test(subject)) return nativeAnchored.lastIndex;
    }
    const r = typeof subject === 'string' ? native!.exec(subject) : native!.exec(subject);
    return r === null ? start : r.index + r[0].length;
  };
  return {
    engine: 're2',
    relaxations: translated.relaxations,
    exec(subject, utf8) {
      if (subject.length < minLength) return null;
      if (direct !== null && directRunIsBounded(direct.shape, subject.length)) {
        direct.regex.lastIndex = 0;
        const r = direct.regex.exec(subject);
        return r ? { start: r.index, end: r.index + r[0].length } : null;
      }
      if (native !== null && utf8 !== undefined) {
        if (loose !== null && looseRegex()?.test(utf8.bytes) === false) return null;
        const at = native.search(utf8.bytes);
        if (at < 0) return null;
        const to = matchEndAt(utf8.bytes, at);
        if (utf8.ascii) return { start: at, end: to };
        const start = charOffset(utf8.bytes, at);
        return { start, end: start + utf8.bytes.toString('utf8', at, to).length };
      }
      if (native !== null) {
        if (loose !== null && looseRegex()?.test(subject) === false) return null;
        const at = native.search(subject);
        return at < 0 ? null : { start: at, end: matchEndAt(subject, at) };
      }
      if (regex === null) return null; // unreachable: regex is compiled whenever native is null
      const m = regex.matcher(subject);
      return m.find() ? { start: m.start(), end: m.end() } : null;
    },
    execFrom(subject, from) {
      if (from === 0) return this.exec(subject);
      if (from > subject.length || subject.length - from < minLength) return null;
      if (direct !== null && directRunIsBounded(direct.shape, subject.length)) {
        directGlobal ??= new RegExp(direct.regex.source, `${direct.regex.flags.replace('y', '')}g`);
        // A (sticky) anchors at the subject's start: no match starts later.
        if (direct.regex.sticky) return null;
        directGlobal.lastIndex = from;
        const r = directGlobal.exec(subject);
        return r ? { start: r.index, end: r.index + r[0].length } : null;
      }
      if (native !== null) {
        if (nativeGlobal === undefined) nativeGlobal = nativeFor(flags.includes('A') ? `^(?:${source})` : source, `${flags}g`);
        if (nativeGlobal !== null) {
          nativeGlobal.lastIndex = from;
          const r = nativeGlobal.exec(subject);
          return r ? { start: r.index, end: r.index + r[0].length } : null;
        }
      }
      if (regex === null) regex = RE2JS.compile(flags.includes('A') ? `\\A(?:${body})` : body, re2Flags);
      const m = regex.matcher(subject);
      return m.find(from) ? { start: m.start(), end: m.end() } : null;
    },
  };
}

/**
 * The same RE2 pattern on the native binding, when it is installed and accepts the pattern. The regex
 * every run tries first is never `g` or `y`: node-re2 then starts every search at the subject's start
 * and never moves `lastIndex`, so runs do not reset it (a setter call into the binding per pcre run,
 * ~0.5 % of the proxy's CPU on the attack mix, issue 14). Only a match's end (`y`) and a search past
 * a match (`g`) use a form of their own that reads `lastIndex`.
 */
function nativeFor(pattern: string, flags: string): InstanceType<NativeRe2> | null {
  if (nativeRe2 === null) return null;
  let native = '';
  if (flags.includes('i')) native += 'i';
  if (flags.includes('s')) native += 's';
  if (flags.includes('m')) native += 'm';
  if (flags.includes('g')) native += 'g';
  if (flags.includes('y')) native += 'y';
  try {
    return new nativeRe2(pattern, native);
  } catch {
    return null;
  }
}

/** V8's RegExp for a pcre when JS can express it exactly (no x, no G, no inline modifiers), else null. */
function directEngineFor(source: string, flags: string): { regex: RegExp; shape: ReturnType<typeof backtrackingShape> } | null {
  if (flags.includes('x') || flags.includes('G') || !meansTheSameInJs(source, flags)) return null;
  let jsFlags = '';
  if (flags.includes('i')) jsFlags += 'i';
  if (flags.includes('s')) jsFlags += 's';
  if (flags.includes('m')) jsFlags += 'm';
  // A anchors at the subject start even with m (`^(?:…)` would then match after any newline): sticky at 0.
  if (flags.includes('A')) jsFlags += 'y';
  try {
    return { regex: new RegExp(source, jsFlags), shape: backtrackingShape(source) };
  } catch {
    return null;
  }
}

/**
 * Whether JS reads the pcre as PCRE does on latin1 subjects. It does not for: escapes JS takes as a
 * plain letter (`\Z`, `\h`, `\R`, `\e`, `\A`…) or a quantifier (`\x{41}`), `\s` (JS adds \xa0), `.` without s (JS stops at \r too),
 * and `^`/`$` with m (JS also breaks lines at \r). Those patterns stay on RE2, which is translated exactly.
 */
function meansTheSameInJs(source: string, flags: string): boolean {
  const multiline = flags.includes('m');
  const dotAll = flags.includes('s');
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i] ?? '';
      if (/[A-Za-z]/.test(e) && !'dDwWbBnrtfvx'.includes(e)) return false;
      if (e === 'x' && source[i + 1] === '{') return false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '.' && !dotAll) return false;
    else if ((c === '^' || c === '$') && multiline) return false;
  }
  return true;
}
