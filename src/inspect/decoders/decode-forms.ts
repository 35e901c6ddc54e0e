import { DECODE_FLAG_MULTIPLE_URL, DECODE_FLAG_NUL, DECODE_FLAG_TRUNCATED, type DecodeContext, type Decoder } from './decoder.js';
import { scanTriggers, TRIGGER_NUL } from './triggers.js';

// Characters that change the meaning of HTML, SQL, shells or paths.
const SYNTAX = /[<>'"`\\\0]|\.\.\//;

/**
 * Double encoding is worth a finding only when the second round reveals syntax (`%2527` → `'`):
 * benign return URLs double-encode spaces and slashes all the time (`next=%2Fsearch%3Fq%3Da%2520b`).
 */
function revealsSyntax(before: string, after: string): boolean {
  return SYNTAX.test(after) && !SYNTAX.test(before);
}

/** The TRIGGER_* bits any of `decoders` reacts to; compute once per chain. */
export function triggersOf(decoders: readonly Decoder[]): number {
  let bits = 0;
  for (const d of decoders) bits |= d.triggers;
  return bits;
}

export interface DecodeLimits {
  /** Most distinct decoded forms kept per value. */
  maxForms: number;
  /** Longest chain of decoders applied to one value (url∘url∘base64 is 3). */
  maxDepth: number;
  /** Longest value decoded: a longer value has only its first `maxLength` chars decoded. */
  maxLength: number;
  /** triggersOf(decoders), precomputed: values showing none of them skip decoding entirely. */
  triggers: number;
}

/**
 * What a value with no decoded form gets: one frozen array shared by every such target, not an empty
 * one each (a 1 MiB body makes ~17,000 targets that live through young-generation GCs, which copy them).
 */
export const NO_DECODED_FORMS = Object.freeze([]) as unknown as string[];

/**
 * All distinct forms of `raw` reachable by chaining decoders, breadth first (so single-decoded forms
 * come before double-decoded ones), excluding `raw` itself. The first scan tells which decoders can
 * apply at all; a value with nothing to decode returns an empty (shared, frozen) array without running any decoder.
 * Anomalies land in `context.flags`. `rawBits`: `scanTriggers(raw)` when the caller already has it
 * (a long value scanned in steps). `via`, when given, receives each form's decoder chain, parallel to
 * the forms: `url`, `url>base64`, `base64>gzip` (the signature gate reports it with a hit on the form).
 */
export function decodeForms(raw: string, decoders: readonly Decoder[], context: DecodeContext, limits: DecodeLimits, rawBits = scanTriggers(raw), via: string[] | null = null): string[] {
  const forms: string[] = [];
  let input = raw;
  let bits = rawBits;
  if (bits & TRIGGER_NUL) context.flags |= DECODE_FLAG_NUL;
  if ((bits & limits.triggers) === 0 || limits.maxForms <= 0) return NO_DECODED_FORMS;
  if (raw.length > limits.maxLength) {
    input = raw.slice(0, limits.maxLength);
    bits = scanTriggers(input);
    context.flags |= DECODE_FLAG_TRUNCATED;
  }

  // queue[k] was produced at depth[k] by decoder producedBy[k] (-1 for raw)
  const queue: string[] = [input];
  const queueBits: number[] = [bits];
  const depth: number[] = [0];
  const producedBy: (Decoder | null)[] = [null];
  const chains: string[] = [''];
  const plusAsSpace = context.plusAsSpace;
  for (let k = 0; k < queue.length; k++) {
    if (depth[k] >= limits.maxDepth) continue;
    const form = queue[k];
    const formBits = queueBits[k];
    // `+` is space only in the value as sent: a second decoding round (decodeURIComponent in the app)
    // keeps it, and treating %2B as double encoding would flag every encoded phone number.
    context.plusAsSpace = plusAsSpace && k === 0;
    for (const decoder of decoders) {
      if ((formBits & decoder.triggers) === 0) continue;
      context.inflated = false;
      const out = decoder.decode(form, context);
      if (out === form || out.length === 0 || out === raw || forms.includes(out)) continue;
      const step = via === null ? '' : context.inflated ? `${decoder.name}>gzip` : decoder.name;
      const chain = chains[k] === '' ? step : `${chains[k]}>${step}`;
      if (decoder.name === 'url' && producedBy[k]?.name === 'url' && revealsSyntax(form, out)) context.flags |= DECODE_FLAG_MULTIPLE_URL;
      const known = decoder.outputTriggers?.(out, formBits) ?? -1;
      const outBits = known >= 0 ? known : scanTriggers(out);
      if (outBits & TRIGGER_NUL) context.flags |= DECODE_FLAG_NUL;
      forms.push(out.length > limits.maxLength ? out.slice(0, limits.maxLength) : out);
      if (via !== null) via.push(chain);
      if (forms.length >= limits.maxForms) break;
      queue.push(out);
      queueBits.push(outBits);
      depth.push(depth[k] + 1);
      producedBy.push(decoder);
      chains.push(chain);
    }
    if (forms.length >= limits.maxForms) break;
  }
  context.plusAsSpace = plusAsSpace;
  return forms.length === 0 ? NO_DECODED_FORMS : forms;
}
