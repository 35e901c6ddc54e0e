/**
 * Compiles rule pcres with re2js (linear-time, no catastrophic backtracking). Compiled patterns are
 * cached by source+flags so the parser's validation and the compiler share one compilation.
 */
import { RE2JS } from 're2js';
import { ruleBadOptionValue, ruleUnsafeRegex } from './errors.js';
import { translatePcre } from './pcre-translate.js';

/** Perl flags, Snort flags (R relative, B raw, O override limits) and buffer flags. */
const PERL_FLAGS = 'ismxAEGO';
export const PCRE_BUFFER_FLAGS = 'UIPHDMCKSYVWZQB';

export interface SafeRegex {
  readonly regex: RE2JS;
  /** `A`: anchored at the search start (the cursor for relative pcres). */
  readonly anchored: boolean;
  readonly relaxations: readonly string[];
}

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
  const translated = translatePcre(source, flags.includes('x'));
  let re2Flags = RE2JS.LOOKBEHINDS;
  if (flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) re2Flags |= RE2JS.DOTALL;
  if (flags.includes('m')) re2Flags |= RE2JS.MULTILINE;
  const anchored = flags.includes('A');
  // G inverts greediness, which RE2 spells (?U).
  const body = flags.includes('G') ? `(?U)${translated.pattern}` : translated.pattern;
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(anchored ? `\\A(?:${body})` : body, re2Flags);
  } catch (err) {
    throw ruleUnsafeRegex(`RE2 cannot compile it (${(err as Error).message})`);
  }
  const compiled: SafeRegex = { regex, anchored, relaxations: translated.relaxations };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
