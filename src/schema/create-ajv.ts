import { Ajv2020 } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import { rewriteJavaClasses } from './java-pattern.js';

/**
 * One ajv per loaded document. Patterns in the spec run against attacker-controlled input, so they
 * go through RE2 (linear time, no ReDoS); a pattern RE2 cannot express (lookaround, backreferences,
 * repeats over 1000) falls back to RegExp and is reported by `schema check`. Real documents also
 * carry patterns written for other engines; in this order, the first that compiles is used:
 * RE2; RegExp with the `u` flag; the same after rewriting Java's `\p{Print}`-style classes; RegExp
 * without `u` (accepts identity escapes such as `\=`, `\-`); else the pattern is not enforced.
 * Every fallback is a warning, so the choice is visible and always the same for the same document.
 */
/** ajv caches compiled patterns by `toString()`, so each must print as its own source. */
class Re2Pattern {
  private readonly re: RE2JS;
  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {
    this.re = RE2JS.compile(source);
  }
  test(s: string): boolean {
    return this.re.test(s);
  }
  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/** A pattern no engine here compiles: it accepts everything (and says so in `schema check`). */
class UnenforcedPattern {
  constructor(private readonly source: string) {}
  test(): boolean {
    return true;
  }
  toString(): string {
    return `/${this.source}/unenforced`;
  }
}

const JAVA_INTERSECTION = /\[[^\]]*&&/;

export type PatternFallback = 'backtracking' | 'non-unicode' | 'java-classes' | 'unenforced';

function tryRegExp(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

export function createOpenApiAjv(onFallback: (pattern: string, how: PatternFallback) => void): Ajv2020 {
  const regExp = ((pattern: string, flags: string): { test(s: string): boolean } => {
    try {
      return new Re2Pattern(pattern, flags);
    } catch {
      // RE2 cannot run it: the slower engines below, each reported.
    }
    const unicode = tryRegExp(pattern, flags);
    if (unicode !== null) {
      onFallback(pattern, 'backtracking');
      return unicode;
    }
    // Java's class intersection (`[\p{Print}&&[^:]]`) compiles in JavaScript as something else entirely.
    if (JAVA_INTERSECTION.test(pattern)) {
      onFallback(pattern, 'unenforced');
      return new UnenforcedPattern(pattern);
    }
    const rewritten = rewriteJavaClasses(pattern);
    const java = rewritten === null ? null : (tryRegExp(rewritten, flags) ?? tryRegExp(rewritten, flags.replace('u', '')));
    if (java !== null) {
      onFallback(pattern, 'java-classes');
      return java;
    }
    // Without `u`, `\p{...}` would silently mean the letters "p{...}": only patterns free of it go there.
    const legacy = /\\[pP]\{/.test(rewritten ?? pattern) ? null : tryRegExp(pattern, flags.replace('u', ''));
    if (legacy !== null) {
      onFallback(pattern, 'non-unicode');
      return legacy;
    }
    onFallback(pattern, 'unenforced');
    return new UnenforcedPattern(pattern);
  }) as RegExpEngine;
  regExp.code = 'wardenSafeRegExp';
  const ajv = new Ajv2020({
    // Unknown keywords (`example`, `xml`, `discriminator`, vendor `x-` keys) are annotations in OpenAPI.
    strict: false,
    allErrors: false,
    coerceTypes: false,
    useDefaults: false,
    validateFormats: true,
    code: { regExp },
  });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}
