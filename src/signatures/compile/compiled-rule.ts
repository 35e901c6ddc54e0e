/** The matcher's form of a rule: regexes compiled, buffers resolved to small integers, effect decided. */
import type { BufferName } from '../../inspect/types.js';
import type { RuleEffect } from '../types.js';
import type { DerivedBuffer, FlowbitsOption, RateFilter, Rule } from '../rule.js';
import type { SafeRegex } from '../safe-regex.js';

/** Buffer slots: the named Snort buffers, then the derived ones, then single header fields (`http_header:field x`). */
export type BufferSlot = number;

export interface CompiledContent {
  kind: 'content';
  slot: BufferSlot;
  /** Pattern as written, and lower-cased when nocase (compared against the lower-cased buffer). */
  pattern: string;
  nocase: boolean;
  negated: boolean;
  relative: boolean;
  offset: number;
  depth: number;
  distance: number;
  within: number;
  endsWith: boolean;
  /** fast_pattern:only: presence check that does not move the cursor. */
  presenceOnly: boolean;
}

export interface CompiledPcre {
  kind: 'pcre';
  slot: BufferSlot;
  regex: SafeRegex;
  negated: boolean;
  relative: boolean;
}

export interface CompiledLength {
  kind: 'length';
  slot: BufferSlot;
  min: number;
  max: number;
}

export interface CompiledIsDataAt {
  kind: 'isdataat';
  slot: BufferSlot;
  position: number;
  relative: boolean;
  negated: boolean;
}

/** `base64_decode`: decodes from its buffer into the rule's `base64Data` slot (match/base64-run.ts). */
export interface CompiledBase64Decode {
  kind: 'base64Decode';
  slot: BufferSlot;
  /** Most encoded bytes read; -1 for the whole run. */
  bytes: number;
  offset: number;
  relative: boolean;
}

/** `warden_foreign_host`: the match before it names a host other than the request's (options/foreign-host.ts). */
export interface CompiledForeignHost {
  kind: 'foreignHost';
  slot: BufferSlot;
  /** `warden_lookalike_host`: the match names a host extending the request's own (options/lookalike-host.ts). */
  lookalike: boolean;
}

export type CompiledOption = CompiledContent | CompiledPcre | CompiledLength | CompiledIsDataAt | CompiledBase64Decode | CompiledForeignHost;

export interface CompiledRule {
  index: number;
  rule: Rule;
  effect: RuleEffect;
  priority: number;
  /** Calibrated evidence of one hit (`rules tune`), used instead of the priority's severity; undefined: by priority. */
  weight: number | undefined;
  /** Where the weight came from (the tune run's counts and the rule's shape, or the operator's pin). */
  weightSource: string | undefined;
  /** The tune run saw the rule match benign traffic: its hit is evidence, not a reason to score a field the model would skip. */
  firesOnBenign: boolean;
  options: CompiledOption[];
  /**
   * Whether its pkt_data options also read the packet's decoded view (a JSON body with its escapes resolved,
   * a query or form-body value's URL rounds, a multipart body's fields as a form; decoded-views.ts): the rules of a file that declares `# warden: packet-views
   * decoded` (file-directives.ts), as Warden's bundled rules do, which never pin a pkt_data
   * match to a position. An imported rule's depth and offset count from the request's first byte, which a
   * view's segment is not (Talos 1070, `SEARCH ` within 8 bytes, fired on a query's "Search results…").
   */
  readsPacketViews: boolean;
  /**
   * Whether it reads a binary body's or file part's text view (its printable stretches, match/binary-text-view.ts)
   * in clientBody and pkt_data instead of the bytes: a bundled-style rule that spells only printable bytes
   * (text-view-rules.ts).
   */
  readsTextView: boolean;
  /** For each option, whether any later option depends on the cursor (so a retry could help). */
  laterRelative: boolean[];
  /** Checks the client address when the rule header names networks; null for any. */
  sourceAllowed: ((ip: string) => boolean) | null;
  flowbitsChecks: FlowbitsOption[];
  flowbitsActions: FlowbitsOption[];
  noalert: boolean;
  threshold: RateFilter | null;
  detectionFilter: RateFilter | null;
}

export const NAMED_BUFFERS: readonly BufferName[] = ['raw', 'method', 'uri', 'rawUri', 'header', 'rawHeader', 'cookie', 'rawCookie', 'clientBody'];

export const DERIVED_BUFFERS: readonly DerivedBuffer[] = ['headerNames', 'requestLine', 'start', 'protocol', 'base64Data'];

export function derivedSlot(buffer: DerivedBuffer): BufferSlot {
  return NAMED_BUFFERS.length + DERIVED_BUFFERS.indexOf(buffer);
}

/** Slot of the first single-header-field buffer. */
export const FIRST_FIELD_SLOT: BufferSlot = NAMED_BUFFERS.length + DERIVED_BUFFERS.length;
