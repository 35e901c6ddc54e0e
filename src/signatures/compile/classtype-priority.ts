/**
 * Default priorities of Snort's classification.config (1 = most severe), used when a rule has no
 * `priority:`. Unknown classtypes default to 2.
 */
const PRIORITY: Record<string, number> = {
  'attempted-admin': 1, 'attempted-user': 1, 'inappropriate-content': 1, 'policy-violation': 1,
  'shellcode-detect': 1, 'successful-admin': 1, 'successful-user': 1, 'trojan-activity': 1,
  'unsuccessful-user': 1, 'web-application-attack': 1, 'command-and-control': 1, 'exploit-kit': 1,
  'attempted-dos': 2, 'attempted-recon': 2, 'bad-unknown': 2, 'default-login-attempt': 2,
  'denial-of-service': 2, 'misc-attack': 2, 'non-standard-protocol': 2, 'rpc-portmap-decode': 2,
  'successful-dos': 2, 'successful-recon-largescale': 2, 'successful-recon-limited': 2,
  'suspicious-filename-detect': 2, 'suspicious-login': 2, 'system-call-detect': 2,
  'unusual-client-port-connection': 2, 'web-application-activity': 2, 'social-engineering': 2,
  'icmp-event': 3, 'misc-activity': 3, 'network-scan': 3, 'not-suspicious': 3, 'protocol-command-decode': 3,
  'string-detect': 3, 'unknown': 3, 'tcp-connection': 4,
};

export function classtypePriority(classtype: string | null): number {
  return (classtype && PRIORITY[classtype]) || 2;
}
