/**
 * Picks what the multi-pattern prefilter looks for, per rule: among the positive contents (the one
 * marked fast_pattern first, HTTP buffers before the raw request) and the literals a positive pcre
 * requires (one of them must occur), the longest that is not everyday request text.
 * Every choice is a necessary condition for the rule to match, so the prefilter never loses a match.
 * A rule with nothing usable is evaluated on every request.
 */
import type { BufferName } from '../../inspect/types.js';
import type { BufferRef, PcreOption, Rule } from '../rule.js';
import { translatePcre } from '../pcre-translate.js';
import { literalSets, literalWeight, SINGLE_CHARACTER_WEIGHT, usableLiteral, type LiteralSet } from './pcre-literals.js';

/** What the prefilter scans: a Snort buffer, or the derived header-name list (its literals span names). */
export type PrefilterBuffer = BufferName | 'headerNames';

export interface FastPattern {
  buffer: PrefilterBuffer;
  /** Lower-cased literals (the prefilter is case-insensitive); the rule is a candidate if any occurs. */
  literals: string[];
}

/**
 * Bytes present in nearly every benign request. A literal found in here (ET marks `User-Agent|3a|`
 * or `GET` as fast_pattern surprisingly often) would make its rule a candidate on every request, so
 * it scores as a tenth of its length and a rarer necessary literal of the same rule is preferred.
 */
const COMMON_REQUEST_TEXT = [
  'get post put head options delete patch / http/1.1 http/1.0 http/2',
  'host: user-agent: mozilla/5.0 (windows nt 10.0; win64; x64) (macintosh; intel mac os x 10_15_7) (x11; linux x86_64)',
  'applewebkit/537.36 (khtml, like gecko) chrome/124.0.0.0 safari/537.36 firefox/125.0 gecko/20100101 edg/ msie trident/',
  'accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 application/json',
  'accept-language: en-us,en;q=0.5 accept-encoding: gzip, deflate, br connection: keep-alive close upgrade-insecure-requests: 1',
  'cookie: session=; content-type: application/x-www-form-urlencoded; charset=utf-8 multipart/form-data; boundary=',
  'content-length: referer: https://www. http://www. .com/ .html .php index cache-control: no-cache pragma: origin: x-requested-with:',
  'authorization: bearer sec-fetch-site: same-origin sec-fetch-mode: navigate sec-ch-ua: if-modified-since: if-none-match: \r\n',
].join(' ');

/** A literal's selectivity: its weight (length, rare punctuation counting more), a tenth of it for everyday text. */
export function literalScore(literal: string): number {
  return isEverydayText(literal) ? literalWeight(literal) / 10 : literalWeight(literal);
}

/** Whether the literal (line breaks aside) is text found in nearly every benign request. */
export function isEverydayText(literal: string): boolean {
  const text = literal.replace(/[\r\n]/g, '');
  return text.length === 0 || COMMON_REQUEST_TEXT.includes(text);
}

export function setScore(literals: string[]): number {
  let min = Infinity;
  for (const l of literals) min = Math.min(min, literalScore(l));
  return min;
}

export interface NecessaryLiterals extends FastPattern {
  /** Selectivity: the weakest literal's length, everyday text counting a tenth. */
  score: number;
  /** Preference as a fast pattern: the rule writer's fast_pattern ×2, raw request ×0.9, pcre ×0.95. */
  bonus: number;
  /** From a single header's value (`http_header:field x`), searched for in the raw header block. */
  headerField: boolean;
  /** The whole content (`literals` holds only its fast_pattern slice when it has one). */
  whole: string[];
  /**
   * A pcre's set whose literals end at a `\b` in every match, in a buffer the prefilter scans as the
   * pcre sees it: an occurrence followed by a letter, digit or `_` does not count (prefilter.ts).
   */
  wordEnd: boolean;
}

/**
 * Every literal set the rule cannot match without (one per positive content, one per positive pcre
 * that has required literals): the rule matches only if each set has a literal in its buffer.
 */
export function necessaryLiterals(rule: Rule): NecessaryLiterals[] {
  const sets: NecessaryLiterals[] = [];
  for (const option of rule.detection) {
    // What base64_decode makes exists only while the rule is evaluated: no prefilter can look for it.
    if (option.buffer.derived === 'base64Data') continue;
    if (option.kind === 'content' && !option.negated) {
      const slice = option.fastPattern?.slice;
      const bytes = slice ? option.bytes.slice(slice.offset, slice.offset + slice.length) : option.bytes;
      const literals = [bytes.toLowerCase()];
      const whole = slice ? [option.bytes.toLowerCase()] : literals;
      // The rule writer's fast_pattern wins ties by a wide margin; HTTP buffers beat the raw request.
      const bonus = option.fastPattern !== null ? 2 : option.buffer.name === 'raw' ? 0.9 : 1;
      sets.push({ buffer: prefilterBuffer(option.buffer), literals, score: setScore(literals), bonus, headerField: option.buffer.headerField !== null, whole, wordEnd: false });
    } else if (option.kind === 'pcre' && !option.negated) {
      // Every set the pcre requires (`$(` or a backtick, and a command after it): the best may trigger the rule, the others are conditions.
      // A header field's or a derived buffer's literals are looked for in another buffer, where the next character may differ.
      const ownBuffer = option.buffer.headerField === null && option.buffer.derived === undefined;
      for (const { literals, wordEnd } of pcreLiteralSets(option, takesSingleCharacters(option.buffer))) {
        // A set holding `=` or `?` is in every query string: it would only cost the scan callbacks.
        const buffer = prefilterBuffer(option.buffer);
        if (literals.some((l) => l.length === 1 && !usableLiteral(l) && !rareSingleCharacter(buffer, l))) continue;
        // A set needing a single character is a condition, the trigger only of a rule with nothing better (9000107's quote).
        const score = literals.every(usableLiteral) ? setScore(literals) : SINGLE_CHARACTER_WEIGHT;
        sets.push({ buffer, literals, score, bonus: 0.95, headerField: option.buffer.headerField !== null, whole: literals, wordEnd: wordEnd && ownBuffer });
      }
    }
  }
  return sets;
}

export function chooseFastPattern(rule: Rule): FastPattern | null {
  const sets = necessaryLiterals(rule);
  const best = bestSet(sets);
  return best < 0 ? null : { buffer: sets[best].buffer, literals: sets[best].literals };
}

/** Index of the set the prefilter should trigger on (highest score × bonus, first on ties), -1 when none. */
export function bestSet(sets: readonly NecessaryLiterals[]): number {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < sets.length; i++) {
    const score = sets[i].score * sets[i].bonus;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The URI buffers are short and rarely hold a quote, `;`, `|` or a line break, the one character many
 * injection pcres need (9000107's quote before an SQL comment, 9000301's shell separator): sets of such
 * single characters are kept for them, so the prefilter can rule those rules out (prefilter.ts). In
 * the raw request or the header block the same characters are in every request, and are not kept.
 */
const SINGLE_CHARACTER_BUFFERS: ReadonlySet<BufferName> = new Set(['uri', 'rawUri', 'clientBody', 'raw', 'rawHeader']);

function takesSingleCharacters(ref: BufferRef): boolean {
  return SINGLE_CHARACTER_BUFFERS.has(ref.name) && ref.headerField === null && ref.derived === undefined;
}

/** Whether a one-character literal of a URI buffer's set can rule something out (not one of the URL's own everyday characters). */
export function rareInUri(literal: string): boolean {
  return literal.length === 1 && !/[a-z0-9/?&=.\-_%+:,~#@ ]/i.test(literal);
}

/**
 * Whether a one-character literal of a body's set can rule something out: a raw `;` is rare in form
 * bodies (browsers send `%3B`) and JSON documents, and it is the shell separator 9000302 needs
 * besides a command name as everyday as "id". So is a raw line break: a browser encodes it in a form
 * (`%0D%0A`), a compact JSON document escapes it; 9000180's stacked statement needs one of `;`, a line
 * break or their encodings, and without the set the bench's sign-in form ran its pcre for `password=`
 * (issue 14). Quotes, `&`, `=` and brackets are in every form or JSON body: such a set only costs callbacks.
 */
export function rareInBody(literal: string): boolean {
  return literal === ';' || literal === '\n' || literal === '\r';
}

/**
 * Whether a set of `buffer` may hold this one-character literal (usable literals aside). In the raw
 * request only `;`, as in a body: a browser's User-Agent and Accept hold one, but an API client's
 * request often has none, and a shell-separator set (9000314's `;`, `|`, `&&`, `$(`...) then rules
 * its rule out; and `@` (isAtSign).
 */
export function rareSingleCharacter(buffer: PrefilterBuffer, literal: string): boolean {
  if (buffer === 'clientBody') return rareInBody(literal);
  // Not a line break: every raw request's head has them.
  if (buffer === 'raw') return literal === ';' || literal === '&' || literal === '@';
  if (buffer === 'rawHeader') return rareInHeaderBlock(literal);
  return rareInUri(literal);
}

/**
 * Whether a one-character literal of a header-block set can rule something out: a quote. An API
 * client's headers hold none (a browser's sec-ch-ua and an etag do), and a quote is what 9000121's
 * SQL after a bearer token needs besides "authorization", which every API call sends.
 */
export function rareInHeaderBlock(literal: string): boolean {
  return literal === "'" || literal === '"';
}

/**
 * An e-mail address's or a URL's userinfo `@`, written or percent-encoded. A browser's or an API
 * client's head holds none, nor does an upload; a set of the two rules a raw-request rule that needs
 * one out of such requests (9000339's sender address: its other sets, a dash after whitespace, are in
 * every multipart body's boundary line, so its pcre read each upload whole, ~13 µs for the bench's 4.5 KB).
 */
export function isAtSign(literal: string): boolean {
  return literal === '@' || literal.toLowerCase() === '%40';
}

/** Shell separators and substitutions (`;`, `|`, `&`, `` ` ``, `$(`), written or percent-encoded: `&&`, `%3b`, `$%28`. */
export function isSeparatorRun(literal: string): boolean {
  // An encoded line break ends a shell command as `;` does (9001676's separators); a raw one is in every request's head.
  const decoded = literal.replace(/%0[ad]/gi, ';').replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded.length > 0 && /^[;|&`$(]+$/.test(decoded);
}

/**
 * A URL's scheme separator, `://`, written or with its colon or slashes encoded (`%3a//`, `:%2f%2f`,
 * `:\/\/`): every URL holds one, but a request's head often none (an API client's, the load bench's,
 * whose `Host: 127.0.0.1:port` holds the "127.0" of 9000528's loopback spellings).
 */
export function isSchemeSeparator(literal: string): boolean {
  return /^(?::|%3a)(?:\/|%2f|\\\/){2}$/i.test(literal);
}

/**
 * A pcre's literal sets by pattern, `x` flag and whether single characters count: the analysis is most
 * of a rule set's compile (~0.9 s of a pack set's 4 s reload), and a reload that changed one rule, or a
 * pack whose rules share pcres, asks again for the same answer. The sets are never mutated. Cleared
 * when full, as the regex cache is (safe-regex.ts).
 */
const literalSetsOf = new Map<string, LiteralSet[]>();
const MAX_LITERAL_SETS = 50_000;

function pcreLiteralSets(p: PcreOption, singleCharacters: boolean): LiteralSet[] {
  const extended = p.flags.includes('x');
  const key = `${singleCharacters ? 's' : '-'}${extended ? 'x' : '-'}${p.source}`;
  let sets = literalSetsOf.get(key);
  if (sets === undefined) {
    try {
      sets = literalSets(translatePcre(p.source, extended, true).pattern, literalScore, { singleCharacters });
    } catch {
      sets = [];
    }
    if (literalSetsOf.size >= MAX_LITERAL_SETS) literalSetsOf.clear();
    literalSetsOf.set(key, sets);
  }
  return sets;
}

/**
 * A single header's value is searched for in the raw header block, which holds every header as sent;
 * the request line, `http.start` and the protocol are prefixes or slices of raw.
 */
function prefilterBuffer(ref: BufferRef): PrefilterBuffer {
  if (ref.derived === 'headerNames') return 'headerNames';
  if (ref.derived !== undefined) return 'raw';
  return ref.headerField !== null ? 'rawHeader' : ref.name;
}
