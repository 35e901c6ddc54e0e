/**
 * A decoder turns one textual form of a value into another (URL, entities, escapes...). Decoders are
 * registered by name and chained by `decodeForms`; each declares the trigger characters without which
 * it cannot change its input, so values with nothing to decode cost one scan and no allocation.
 */
export interface Decoder {
  readonly name: string;
  /** TRIGGER_* bits (see triggers.ts); the decoder runs only on forms whose scan shows one of them. */
  readonly triggers: number;
  /** Returns the input itself (same string) when nothing changed. Never throws. */
  decode(input: string, context: DecodeContext): string;
  /**
   * The trigger bits of a form this decoder made from an input with `inputBits`, when the decoder can
   * tell them without a scan (the same bits `scanTriggers(output)` gives). Without it, or when it
   * returns -1, `decodeForms` scans the form.
   */
  outputTriggers?(output: string, inputBits: number): number;
}

export interface DecodeContext {
  /** `+` means space in query strings and urlencoded forms, and nowhere else. */
  plusAsSpace: boolean;
  /** DECODE_FLAG_* bits decoders set when they meet an anomaly worth a finding. */
  flags: number;
  /** Set by the base64 decoder when the form it returned was inflated from gzip (its chain reads `base64>gzip`). */
  inflated?: boolean;
}

export const DECODE_FLAG_INVALID_PERCENT = 1 << 0;
export const DECODE_FLAG_MULTIPLE_URL = 1 << 1;
export const DECODE_FLAG_PERCENT_U = 1 << 2;
export const DECODE_FLAG_OVERLONG_UTF8 = 1 << 3;
export const DECODE_FLAG_INVALID_UTF8 = 1 << 4;
export const DECODE_FLAG_NUL = 1 << 5;
export const DECODE_FLAG_TRUNCATED = 1 << 6;
