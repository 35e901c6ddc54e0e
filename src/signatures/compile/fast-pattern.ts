/**
 * Picks the one literal per rule that the multi-pattern prefilter looks for: the content marked
 * fast_pattern, else the longest positive content in an HTTP buffer, else the longest positive content
 * at all. Every positive content is necessary for the rule to match, so the prefilter never loses a
 * match; a rule with none (pcre-only, negated-only) is evaluated on every request.
 */
import type { BufferName } from '../../inspect/types.js';
import type { ContentOption, Rule } from '../rule.js';

export interface FastPattern {
  buffer: BufferName;
  /** Lower-cased literal (the prefilter is case-insensitive). */
  literal: string;
}

export function chooseFastPattern(rule: Rule): FastPattern | null {
  const positives = rule.detection.filter((o): o is ContentOption => o.kind === 'content' && !o.negated);
  if (positives.length === 0) return null;
  const explicit = positives.find((c) => c.fastPattern !== null);
  const pick =
    explicit ??
    longest(positives.filter((c) => c.buffer.name !== 'raw')) ??
    longest(positives);
  if (!pick) return null;
  const slice = pick.fastPattern?.slice;
  const bytes = slice ? pick.bytes.slice(slice.offset, slice.offset + slice.length) : pick.bytes;
  // A single header's value is searched for in the raw header block, which holds every header as sent.
  const buffer: BufferName = pick.buffer.headerField !== null ? 'rawHeader' : pick.buffer.name;
  return { buffer, literal: bytes.toLowerCase() };
}

function longest(contents: ContentOption[]): ContentOption | undefined {
  let best: ContentOption | undefined;
  for (const c of contents) if (!best || c.bytes.length > best.bytes.length) best = c;
  return best;
}
