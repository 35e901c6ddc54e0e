/** The per-rule import report: what was accepted, with what caveat, and what was refused and why. */
import type { Flavour } from './rule.js';
import type { RuleAbout } from './rule-about.js';
import { ruleOutboundTraffic } from './errors.js';

/**
 * `skipped`: the rule is about traffic Warden never sees (another protocol or port, the response side,
 * a request leaving the protected network: destination `$EXTERNAL_NET`);
 * counted, not listed, so a vendor pack's thousands of non-HTTP rules do not bury the rejections that
 * matter. `rejected`: an HTTP request rule Warden cannot honour (or a broken one).
 */
export type RuleStatus = 'accepted' | 'warning' | 'rejected' | 'skipped' | 'disabled';

export interface RuleReportEntry {
  file: string;
  line: number;
  gid: number | null;
  sid: number | null;
  rev: number | null;
  status: RuleStatus;
  /** Why a rule was rejected, the warnings it was accepted with, or why it is disabled; null when accepted cleanly. */
  reason: string | null;
  /** Error code (WARDEN_SIGNATURES_*) for rejected rules, null otherwise. */
  code: string | null;
  msg: string;
  /** Class, priority, CVEs, severity and deployment of an accepted rule (absent for the others). */
  about?: RuleAbout;
}

export interface FileReport {
  file: string;
  flavour: Flavour;
  /** True when the flavour came from configuration rather than detection. */
  flavourForced: boolean;
  /** What the detection went by (`service header (line 3)`); absent when forced or when nothing decided. */
  flavourEvidence?: string;
  statements: number;
  /** The file's `# warden:` directives as written (`packet-views decoded, weights priority`); absent when none. */
  directives?: string;
}

export interface FileError {
  file: string;
  code: string;
  message: string;
}

export interface ImportReport {
  entries: RuleReportEntry[];
  files: FileReport[];
  errors: FileError[];
}

export type StatusCounts = Record<RuleStatus, number>;

export function countStatuses(entries: readonly RuleReportEntry[]): StatusCounts {
  const counts: StatusCounts = { accepted: 0, warning: 0, rejected: 0, skipped: 0, disabled: 0 };
  for (const e of entries) counts[e.status]++;
  return counts;
}

/** Of the skipped rules, those whose header sends the request outside the protected servers (`-> $EXTERNAL_NET`). */
export function countOutbound(entries: readonly RuleReportEntry[]): number {
  let n = 0;
  for (const e of entries) if (e.status === 'skipped' && e.code === ruleOutboundTraffic.code) n++;
  return n;
}
