/**
 * The mutable state of one rule while its options are applied left to right: the current sticky
 * buffer, the last content/pcre (which Snort 2 modifiers edit), and the fields collected so far.
 */
import type {
  BufferRef,
  ContentOption,
  DetectionOption,
  Flavour,
  FlowbitsOption,
  PcreOption,
  RateFilter,
} from './rule.js';
import { ruleBadOptionValue } from './errors.js';

export const RAW_BUFFER: BufferRef = { name: 'raw', headerField: null };

export class RuleBuilder {
  gid = 1;
  sid: number | null = null;
  rev = 1;
  msg = '';
  classtype: string | null = null;
  priority: number | null = null;
  references: string[] = [];
  metadata: string[] = [];
  services: string[] = [];
  flow = { toServer: false, toClient: false };
  detection: DetectionOption[] = [];
  flowbits: FlowbitsOption[] = [];
  threshold: RateFilter | null = null;
  detectionFilter: RateFilter | null = null;
  warnings: string[] = [];
  /** Why this rule inspects responses, when it does (http_stat_code, server body...). */
  responseSide: string | null = null;
  /** Buffer following contents/pcres search: set by sticky keywords (all flavours' file_data/pkt_data, Snort 3 http_*). */
  stickyBuffer: BufferRef = RAW_BUFFER;

  constructor(
    readonly flavour: Flavour,
    /** Applies a Snort 3 content sub-option (`depth 4`, `nocase`) through the keyword registry. */
    readonly applySubOption: (name: string, value: string | null, rule: RuleBuilder) => void,
  ) {}

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** The most recent content. Snort 2 lets a pcre or isdataat sit between a content and its modifiers. */
  lastContent(keyword: string): ContentOption {
    for (let i = this.detection.length - 1; i >= 0; i--) {
      const option = this.detection[i];
      if (option.kind === 'content') return option;
    }
    throw ruleBadOptionValue(keyword, 'must follow a content option');
  }

  lastMatch(keyword: string): ContentOption | PcreOption {
    for (let i = this.detection.length - 1; i >= 0; i--) {
      const option = this.detection[i];
      if (option.kind === 'content' || option.kind === 'pcre') return option;
    }
    throw ruleBadOptionValue(keyword, 'must follow a content or pcre option');
  }

  /** The buffer of the previous content/pcre, which relative options (isdataat) apply to. */
  currentBuffer(): BufferRef {
    const last = this.detection[this.detection.length - 1];
    return last ? last.buffer : this.stickyBuffer;
  }
}

export function parseInteger(keyword: string, value: string | null, min = -65535, max = 65535): number {
  const text = (value ?? '').trim();
  if (!/^[-+]?\d+$/.test(text)) throw ruleBadOptionValue(keyword, `expected an integer, got '${text}'`);
  const n = Number(text);
  if (n < min || n > max) throw ruleBadOptionValue(keyword, `${n} is outside ${min}..${max}`);
  return n;
}
