/**
 * Whether a rule has the shape of a virtual patch: it names a CVE, or it pins an application's own
 * path and a payload together (`/wp-admin/admin-ajax.php` and `UNION SELECT`), in a class that means
 * an attack. Such a rule describes one exploit, not a word that prose also contains, so when benign
 * traffic never matches it, it may block alone (issue 18). Read from the parsed rule only.
 */
import type { ContentOption, DetectionOption, PcreOption, Rule } from '../rule.js';
import { describeRule } from '../rule-about.js';

/** Classtypes that say "someone attacks the application"; policy, recon, malware check-ins and info are not exploits. */
const ATTACK_CLASSES: ReadonlySet<string> = new Set([
  'web-application-attack', 'attempted-admin', 'attempted-user', 'successful-admin', 'successful-user',
  'unsuccessful-user', 'shellcode-detect', 'misc-attack', 'system-call-detect', 'suspicious-filename-detect',
  'attempted-dos', 'denial-of-service', 'exploit-kit',
]);

/**
 * Classtypes that are never about exploiting the application, even when the rule cites a CVE (a
 * vulnerable client version seen in a User-Agent, malware calling home, a policy matter).
 */
const NEVER_EXPLOIT_CLASSES: ReadonlySet<string> = new Set([
  'policy-violation', 'not-suspicious', 'trojan-activity', 'command-and-control', 'protocol-command-decode',
  'external-ip-check', 'domain-c2', 'pup-activity', 'coin-mining', 'social-engineering', 'inappropriate-content',
  'tcp-connection', 'icmp-event', 'network-scan', 'unusual-client-port-connection',
]);

export type RuleShape =
  /** One exploit: a CVE, or an application path plus a payload, in an attack class. */
  | 'exploit'
  /** An attack class without the specificity: a payload word wherever it appears. */
  | 'attack'
  /** Policy, recon, malware traffic, information. */
  | 'other';

export interface RuleShapeInfo {
  shape: RuleShape;
  /** Why, for the sidecar's provenance: `CVE-2021-44228`, `path /functionRouter + payload`, `classtype misc-activity`. */
  because: string;
}

const URI_BUFFERS: ReadonlySet<string> = new Set(['uri', 'rawUri']);
/** A literal that names a place in an application: a path with a segment, or a script/endpoint file. */
const APP_PATH = /\/[A-Za-z0-9_.~-]{3,}|\.(?:php\d?|jsp|jspa|jspx|action|do|asp|aspx|axd|cgi|pl|cfm|esp|shtml|json|xml)\b/i;

function isPositive(o: DetectionOption): o is ContentOption | PcreOption {
  return (o.kind === 'content' || o.kind === 'pcre') && !o.negated;
}

/** The first path literal of the rule in a URI buffer (a content, or the literal head of a URI pcre). */
function appPath(options: readonly (ContentOption | PcreOption)[]): { index: number; path: string } | null {
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    if (!URI_BUFFERS.has(o.buffer.name) && !(o.kind === 'pcre' && /[UI]/.test(o.flags))) continue;
    const text = o.kind === 'content' ? o.bytes : o.source.replace(/\\\//g, '/').replace(/\\\./g, '.');
    const m = APP_PATH.exec(text);
    if (m !== null && text.length >= 5) return { index: i, path: o.kind === 'content' ? o.bytes.slice(0, 60) : m[0] };
  }
  return null;
}

/**
 * The vendor filed the rule as an exploit of a known vulnerability: ET's `EXPLOIT` category (the msg's
 * `ET EXPLOIT` prefix, or `former_category EXPLOIT` after a recategorization). ET files many IoT exploit
 * rules under `trojan-activity` because a botnet spreads with them (the Realtek miniigd and TR-064
 * `SetNTPServers` injections): the classtype says who sends them, the category what they do.
 */
function filedAsExploit(rule: Rule): boolean {
  if (/^ET EXPLOIT\b/.test(rule.msg)) return true;
  return rule.metadata.some((m) => /^former_category\s+EXPLOIT$/i.test(m.trim()));
}

/**
 * Talos enables the rule in its `max-detect-ips` policy only: the policy meant for testing what can be
 * seen, not for blocking. Its vendor judged it too loose to drop traffic in any production policy
 * (`balanced-ips`, `security-ips`, `connectivity-ips`): a bare `/bash` or `/ksh` in the URI, a `.cnf`
 * file name, whatever CVE it cites. So it is never a virtual patch that blocks alone.
 */
function maxDetectOnly(policies: readonly string[]): boolean {
  return policies.length > 0 && policies.every((p) => p === 'max-detect-ips');
}

export function ruleShape(rule: Rule): RuleShapeInfo {
  const classtype = rule.classtype ?? '';
  const about = describeRule(rule);
  const attackClass = classtype === '' || ATTACK_CLASSES.has(classtype);
  if (maxDetectOnly(about.policies)) return { shape: attackClass ? 'attack' : 'other', because: 'Talos policy max-detect-ips only' };
  const exploitCategory = filedAsExploit(rule);
  // A CVE names one vulnerability: the rule describes its exploit (or the probe that starts it,
  // `attempted-recon`/`web-application-activity` in ET's wording) unless its class says otherwise
  // and the vendor did not file it as an exploit.
  const cves = about.cves;
  if (cves.length > 0 && (!NEVER_EXPLOIT_CLASSES.has(classtype) || exploitCategory)) return { shape: 'exploit', because: cves.slice(0, 3).join(',') };
  // Without a CVE too: ET's EXPLOIT rules each describe one known exploit (a device's SOAP method and its
  // injected field, an application's endpoint and payload); a benign hit still demotes them.
  if (exploitCategory) return { shape: 'exploit', because: `ET category EXPLOIT${classtype === '' ? '' : ` (classtype ${classtype})`}` };
  if (!attackClass) return { shape: 'other', because: `classtype ${classtype}` };
  const positive = rule.detection.filter(isPositive);
  const path = appPath(positive);
  // The payload: any other positive content or pcre (a parameter, an injection, a header value).
  if (path !== null && positive.length >= 2) return { shape: 'exploit', because: `path ${path.path} + payload` };
  return { shape: 'attack', because: classtype === '' ? 'no classtype' : `classtype ${classtype}` };
}
