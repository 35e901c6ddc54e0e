/**
 * What a rule says about itself, for the operator choosing and tuning a vendor pack: its class and
 * priority, the CVEs it covers (ET `metadata: cve CVE_2021_44228`, `reference:cve,2021-44228`), ET's
 * `signature_severity` and `deployment` tags, the Talos policies that enable it. Read from the parsed rule, never used for matching.
 */
import type { Rule } from './rule.js';
import { classtypePriority } from './compile/classtype-priority.js';

export interface RuleAbout {
  classtype: string | null;
  /** Explicit `priority:`, else the classtype's default (1 = most severe). */
  priority: number;
  /** `CVE-YYYY-NNNN`, deduplicated, in rule order. */
  cves: string[];
  /** ET `signature_severity` (Critical, Major, Minor, Informational), null when absent. */
  severity: string | null;
  /** ET `deployment` tags (Perimeter, Datacenter, Internal, SSLDecrypt...). */
  deployment: string[];
  /**
   * Talos `policy NAME drop` tags: the rule-set policies (`connectivity-ips`, `balanced-ips`,
   * `security-ips`, `max-detect-ips`) that enable the rule; empty when it carries none.
   */
  policies: string[];
}

const CVE_ID = /(?:CVE[-_])?(\d{4})[-_](\d{4,7})/i;

export function describeRule(rule: Rule): RuleAbout {
  const cves: string[] = [];
  const addCve = (text: string): void => {
    const m = CVE_ID.exec(text);
    const id = m ? `CVE-${m[1]}-${m[2]}` : null;
    if (id && !cves.includes(id)) cves.push(id);
  };
  for (const ref of rule.references) {
    const [kind, value] = ref.split(/,(.*)/s);
    if (kind.trim().toLowerCase() === 'cve' && value) addCve(value.trim());
  }
  let severity: string | null = null;
  const deployment: string[] = [];
  const policies: string[] = [];
  for (const item of rule.metadata) {
    const [key, ...rest] = item.trim().split(/\s+/);
    const value = rest.join(' ');
    const name = key.toLowerCase();
    if (name === 'cve') addCve(value);
    else if (name === 'signature_severity') severity ??= value;
    else if (name === 'deployment' && value && !deployment.includes(value)) deployment.push(value);
    else if (name === 'policy' && rest.length > 0 && !policies.includes(rest[0])) policies.push(rest[0]);
  }
  return { classtype: rule.classtype, priority: rule.priority ?? classtypePriority(rule.classtype), cves, severity, deployment, policies };
}

/** Counts for the summary of a pack: by severity and how many rules name a CVE. */
export function summarizeAbout(abouts: readonly RuleAbout[]): { withCve: number; cves: number; bySeverity: Record<string, number> } {
  const cves = new Set<string>();
  const bySeverity: Record<string, number> = {};
  let withCve = 0;
  for (const a of abouts) {
    if (a.cves.length > 0) withCve++;
    for (const c of a.cves) cves.add(c);
    if (a.severity) bySeverity[a.severity] = (bySeverity[a.severity] ?? 0) + 1;
  }
  return { withCve, cves: cves.size, bySeverity };
}

/** One line for a report: `412 accepted rules name a CVE (380 CVEs); signature_severity: Major 300, Minor 12`. */
export function formatAboutSummary(abouts: readonly RuleAbout[]): string {
  const { withCve, cves, bySeverity } = summarizeAbout(abouts);
  const severities = Object.entries(bySeverity).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  return `${withCve} accepted rules name a CVE (${cves} CVEs)${severities.length > 0 ? `; signature_severity: ${severities.join(', ')}` : ''}`;
}
