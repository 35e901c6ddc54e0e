import { Ajv2020 } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';

/**
 * One ajv per loaded document. Patterns in the spec run against attacker-controlled input, so they
 * go through RE2 (linear time, no ReDoS); a pattern RE2 cannot express (lookaround, backreferences)
 * falls back to RegExp and is reported by `schema check`.
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

export function createOpenApiAjv(onBacktrackingPattern: (pattern: string) => void): Ajv2020 {
  const regExp = ((pattern: string, flags: string): { test(s: string): boolean } => {
    try {
      return new Re2Pattern(pattern, flags);
    } catch {
      onBacktrackingPattern(pattern);
      return new RegExp(pattern, flags);
    }
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
