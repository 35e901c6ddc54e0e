import { DEFAULT_DECODER_NAMES } from './decoders/registry.js';

/** Bounds on the normalizer's work: every one of them caps what a hostile request can make it do. */
export interface InspectOptions {
  /** Most fully decoded targets per request; beyond it, fields become light targets (raw value, one URL decode). */
  maxTargets: number;
  /**
   * Most light targets per request (fields past maxTargets, maxJsonDepth or maxMultipartParts); beyond
   * it, fields are only in the raw buffers and the inspection is `uncovered` (the decision fails closed).
   */
  maxRemainderTargets: number;
  /** Most distinct decoded forms per target. */
  maxDecodedForms: number;
  /** Longest decoder chain per value: 3 covers triple URL encoding, or URL∘base64∘escapes. */
  maxDecodeDepth: number;
  /** Longest value decoded, in chars; a longer value has only this prefix decoded. */
  maxDecodedLength: number;
  /** Rounds of percent-decoding for the Snort `uri` buffer (Snort's iis_double_decode: 2). */
  uriDecodeRounds: number;
  /** Deepest JSON nesting walked; deeper values are reported, not targeted. */
  maxJsonDepth: number;
  /** Deepest XML element nesting walked. */
  maxXmlDepth: number;
  /** Most parts read from one multipart body (all levels together). */
  maxMultipartParts: number;
  /** Most levels of multipart inside multipart. */
  maxMultipartNesting: number;
  /** Uploaded file contents up to this size that look like text become a target (web shells); bigger ones stay in clientBody only. */
  maxFileTargetBytes: number;
  /** Most findings per request. */
  maxFindings: number;
  /** Decoder chain, by registry name (see decoders/registry.ts). */
  decoders: readonly string[];
}

export const DEFAULT_INSPECT_OPTIONS: Readonly<InspectOptions> = Object.freeze({
  maxTargets: 1024,
  maxRemainderTargets: 16_384,
  maxDecodedForms: 8,
  maxDecodeDepth: 3,
  maxDecodedLength: 16_384,
  uriDecodeRounds: 2,
  maxJsonDepth: 64,
  maxXmlDepth: 64,
  maxMultipartParts: 256,
  maxMultipartNesting: 2,
  maxFileTargetBytes: 65_536,
  maxFindings: 64,
  decoders: DEFAULT_DECODER_NAMES,
});
