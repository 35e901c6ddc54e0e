/**
 * The parsed form of a Snort rule: plain data, no functions, no compiled regexes. The parser produces
 * it, the compiler consumes it; nothing here is evaluated against requests.
 */
import type { BufferName } from '../inspect/types.js';
import type { RuleFileDirectives } from './file-directives.js';

/** Rule syntax family. Decides whether `http_uri` modifies the content before it (snort2) or is sticky (snort3, suricata). */
export type Flavour = 'snort2' | 'snort3' | 'suricata';

/**
 * Every action of the three flavours: Snort 2 (`sdrop`), Snort 3 (`block`: drop the whole flow, `react`:
 * answer with a page, `rewrite`: replace bytes), Suricata (`rejectsrc`/`rejectdst`/`rejectboth`).
 */
export type RuleAction =
  | 'alert'
  | 'log'
  | 'pass'
  | 'drop'
  | 'reject'
  | 'sdrop'
  | 'block'
  | 'react'
  | 'rewrite'
  | 'rejectsrc'
  | 'rejectdst'
  | 'rejectboth';

export const RULE_ACTIONS: readonly RuleAction[] = [
  'alert', 'log', 'pass', 'drop', 'reject', 'sdrop', 'block', 'react', 'rewrite', 'rejectsrc', 'rejectdst', 'rejectboth',
];

/**
 * Suricata buffers the normalizer does not build, derived from the Inspection by the matcher:
 * `http.header_names` ("\r\nHost\r\nUser-Agent\r\n\r\n"), `http.request_line` (without CRLF),
 * `http.start` (request line and headers through the blank line), `http.protocol` ("HTTP/1.1"); and
 * `base64Data`, what the rule's last `base64_decode` decoded (Snort/Suricata `base64_data`), made while the
 * rule is evaluated.
 */
export type DerivedBuffer = 'headerNames' | 'requestLine' | 'start' | 'protocol' | 'base64Data';

/** A buffer selection: one of the Snort buffers, or one header's value (Snort 3 `http_header:field x`, Suricata `http.user_agent`). */
export interface BufferRef {
  /** The Snort buffer; for a derived buffer, the one hits are reported in (raw, or rawHeader for header names). */
  name: BufferName;
  /** Lower-case header name when the selection is a single header's value; null for the whole buffer. */
  headerField: string | null;
  derived?: DerivedBuffer;
}

export interface ContentOption {
  kind: 'content';
  buffer: BufferRef;
  /** The bytes to find, as a latin1 string (one char per byte). */
  bytes: string;
  negated: boolean;
  nocase: boolean;
  offset: number | null;
  depth: number | null;
  distance: number | null;
  within: number | null;
  /** Suricata `startswith` / `endswith`: anchored at the buffer start / end. */
  endsWith: boolean;
  fastPattern: FastPatternSpec | null;
  /** True once a buffer modifier (Snort 2) has been applied, to catch two modifiers on one content. */
  bufferModified: boolean;
}

export interface FastPatternSpec {
  /** `fast_pattern:only`: the content serves the prefilter only and does not move the cursor. */
  only: boolean;
  /** `fast_pattern:offset,length`: the slice of the content used as the literal. */
  slice: { offset: number; length: number } | null;
}

export interface PcreOption {
  kind: 'pcre';
  buffer: BufferRef;
  /** Pattern text between the slashes, unchanged. */
  source: string;
  /** Perl and Snort flags after the closing slash, e.g. `Ui`. */
  flags: string;
  negated: boolean;
  relative: boolean;
}

/** Inclusive length bounds. */
export interface LengthRange {
  min: number;
  max: number;
}

export interface BufferLengthOption {
  /** `urilen` and `bufferlen` (and Suricata `bsize`) all reduce to a length check on one buffer. */
  kind: 'length';
  buffer: BufferRef;
  range: LengthRange;
}

export interface IsDataAtOption {
  kind: 'isdataat';
  buffer: BufferRef;
  position: number;
  relative: boolean;
  negated: boolean;
}

/**
 * Snort/Suricata `base64_decode:[bytes N][, offset M][, relative]`: decodes the base64 run found at the
 * buffer's start (or at the cursor, with `relative`) plus `offset`, at most `bytes` encoded bytes, into the
 * buffer `base64_data` selects. Fails when nothing decodes.
 */
export interface Base64DecodeOption {
  kind: 'base64Decode';
  buffer: BufferRef;
  bytes: number | null;
  offset: number;
  relative: boolean;
}

/**
 * Warden's `warden_foreign_host` (options/foreign-host.ts): the address the content or pcre before it
 * matched names a host other than the request's own. Its buffer is that option's.
 */
export interface ForeignHostOption {
  kind: 'foreignHost';
  buffer: BufferRef;
  /**
   * `warden_lookalike_host` (options/lookalike-host.ts) instead: the address names a host that starts
   * with the request's own and goes on past it (`own.example.evil.example`).
   */
  lookalike?: boolean;
}

export type DetectionOption = ContentOption | PcreOption | BufferLengthOption | IsDataAtOption | Base64DecodeOption | ForeignHostOption;

export type FlowbitsCommand = 'set' | 'unset' | 'toggle' | 'isset' | 'isnotset' | 'noalert' | 'reset';

export interface FlowbitsOption {
  command: FlowbitsCommand;
  /** Bit names; for isset/isnotset with `|` the rule needs any of them, with `&` all of them. */
  names: string[];
  any: boolean;
}

export interface RateFilter {
  /** `threshold` types; detection_filter is always 'detection'. */
  type: 'limit' | 'threshold' | 'both' | 'detection';
  track: 'by_src' | 'by_dst' | 'by_rule';
  count: number;
  seconds: number;
}

/** An address set after variable expansion: `any`, or allowed and excluded CIDR/host entries (as text). */
export interface AddressSet {
  any: boolean;
  include: string[];
  exclude: string[];
}

/** A port set after variable expansion; ranges are inclusive. */
export interface PortSet {
  any: boolean;
  include: Array<[number, number]>;
  exclude: Array<[number, number]>;
}

export interface RuleHeader {
  action: RuleAction;
  protocol: string;
  source: AddressSet;
  sourcePorts: PortSet;
  bidirectional: boolean;
  destination: AddressSet;
  destinationPorts: PortSet;
}

export interface RuleLocation {
  file: string;
  line: number;
}

export interface Rule {
  gid: number;
  sid: number;
  rev: number;
  msg: string;
  classtype: string | null;
  /** Explicit `priority:`, or null (the compiler falls back to the classtype's default). */
  priority: number | null;
  flavour: Flavour;
  enabled: boolean;
  header: RuleHeader;
  references: string[];
  metadata: string[];
  services: string[];
  flow: { toServer: boolean; toClient: boolean };
  /** Detection options in rule order: evaluated left to right, ANDed. */
  detection: DetectionOption[];
  flowbits: FlowbitsOption[];
  threshold: RateFilter | null;
  detectionFilter: RateFilter | null;
  location: RuleLocation;
  /** What the rule's file declares about how its rules are read (`# warden: packet-views decoded`; file-directives.ts). */
  fileDirectives: Readonly<RuleFileDirectives>;
  /** Caveats the importer accepted the rule with (shown as status 'warning'). */
  warnings: string[];
}

export function ruleKey(rule: { gid: number; sid: number }): string {
  return `${rule.gid}:${rule.sid}`;
}
