/**
 * Maps a match in a Snort buffer back to the field it came from: the first target (preferring those
 * whose location fits the buffer) whose raw value or a decoded form contains the matched bytes.
 * -1 when the match spans several fields or none.
 */
import type { BufferName, Target, TargetLocation } from '../../inspect/types.js';
import { latin1OfUtf8 } from './decoded-views.js';

const LOCATIONS_FOR_BUFFER: Record<BufferName, readonly TargetLocation[]> = {
  raw: ['path', 'query', 'header', 'cookie', 'body'],
  method: [],
  uri: ['path', 'query'],
  rawUri: ['path', 'query'],
  header: ['header'],
  rawHeader: ['header', 'cookie'],
  cookie: ['cookie'],
  rawCookie: ['cookie'],
  clientBody: ['body'],
};

export function locateTarget(targets: readonly Target[], buffer: BufferName, matched: string): number {
  if (matched.length === 0 || targets.length === 0) return -1;
  // Buffers are latin1 (bytes); target values are UTF-8 text. Try both readings of non-ASCII bytes.
  // eslint-disable-next-line no-control-regex
  const utf8 = /[^\x00-\x7f]/.test(matched) ? Buffer.from(matched, 'latin1').toString('utf8') : matched;
  const lowered = matched.toLowerCase();
  const preferred = LOCATIONS_FOR_BUFFER[buffer];
  let fallback = -1;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (!containsIn(t, matched, utf8, lowered)) continue;
    if (preferred.includes(t.location)) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

function containsIn(t: Target, matched: string, utf8: string, lowered: string): boolean {
  if (t.raw.includes(matched) || t.raw.includes(utf8)) return true;
  for (const d of t.decoded) if (d.includes(matched) || d.includes(utf8)) return true;
  // nocase matches: the bytes in the buffer may differ in case from what the rule wrote, but the
  // offset/length come from the buffer, so compare case-insensitively as a last resort.
  if (t.raw.toLowerCase().includes(lowered)) return true;
  for (const d of t.decoded) if (d.toLowerCase().includes(lowered)) return true;
  return false;
}

/**
 * Where bytes a rule decoded itself (`base64_decode` … `base64_data`) sit in the request as reported:
 * the field whose decoded form holds them, that form's decoding and the offset in its bytes, so the hit
 * shows what matched (matchedText) instead of a position in no buffer. A base64 form is preferred; null
 * when no field's decoded form holds the bytes (e.g. a run the rule decoded from an offset of its own).
 */
export function locateDecodedForm(targets: readonly Target[], matched: string): { targetIndex: number; via: string; offset: number } | null {
  if (matched.length === 0) return null;
  let found: { targetIndex: number; via: string; offset: number } | null = null;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const via = t.decodedVia;
    if (via === undefined) continue;
    for (let j = 0; j < t.decoded.length && j < via.length; j++) {
      const offset = latin1OfUtf8(t.decoded[j]).indexOf(matched);
      if (offset < 0) continue;
      if (via[j].includes('base64')) return { targetIndex: i, via: via[j], offset };
      found ??= { targetIndex: i, via: via[j], offset };
    }
  }
  return found;
}
