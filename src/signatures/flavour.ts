/**
 * Guesses a rule file's flavour. It matters: `content:"a"; http_uri;` modifies the content in Snort 2
 * and selects the buffer for the *next* content in Snort 3. Each rule is read for constructs only one
 * flavour has, and the file goes to the flavour its rules vote for:
 * - Snort 3: a service header (`alert http (...)`), the actions `block`/`react`/`rewrite`, `service:`,
 *   content sub-options after a comma (`content:"x",nocase`), a buffer selector with a value
 *   (`http_header:field user-agent`, `http_uri:path`), an `http_*` buffer before any content (sticky),
 *   a rule spread over lines without `\`, and keywords Snort 2 never had (`bufferlen`, `js_data`, ...).
 * - Suricata: dotted sticky buffers (`http.uri`, `dns.query`), `startswith`/`bsize`/`app-layer-event`/
 *   `flowint`/..., the actions `rejectsrc`/`rejectdst`/`rejectboth`, and an application-layer protocol
 *   in a full header (`alert http $HOME_NET any -> ...`) with Snort 2-style content modifiers.
 * - Snort 2 otherwise. Standalone `nocase;`/`depth:4;` modifiers count against Snort 3, which has none.
 * The operator can force a flavour per file when a file has none of these.
 */
import type { Flavour } from './rule.js';
import type { Statement } from './rule-statements.js';
import { splitRuleStatements } from './rule-statements.js';

export interface FlavourGuess {
  flavour: Flavour;
  /** The construct that decided, with the line it was first seen on; null when nothing did (Snort 2 by default). */
  evidence: string | null;
}

const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const SERVICE_HEADER = /^\s*[a-z]+\s+[a-z0-9_]+\s*\(/;
const NO_HEADER_PROTOCOL = /^\s*[a-z]+\s*\(/;
const SNORT3_ACTION = /^\s*(?:block|react|rewrite)\s/;
const SURICATA_ACTION = /^\s*(?:rejectsrc|rejectdst|rejectboth)\s/;
/** Protocols a Snort 2 header can carry; anything else in a full header (http, tls, dns...) is Suricata or Snort 3. */
const SNORT2_PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'ip']);

const SNORT3_OPTIONS: Array<[RegExp, (keyword: string) => string]> = [
  [/[;(]\s*service\s*:/, () => "option 'service'"],
  [/[;(]\s*(?:content|uricontent)\s*:\s*!?\s*""\s*,\s*[a-z_]/, () => 'content sub-options after a comma'],
  [/[;(]\s*http_(?!encode\b)[a-z_]+\s*:/, (k) => `buffer selector with a value ('${k}:')`],
  [
    /[;(]\s*(?:bufferlen|js_data|vba_data|http_param|http_version|http_true_ip|http_raw_request|http_raw_trailer|http_trailer|rem|regex|sd_pattern|file_type|file_meta|script_data)\s*[;:]/,
    (k) => `Snort 3 keyword '${k}'`,
  ],
];

const SURICATA_OPTIONS =
  /[;(]\s*(?:(?:http2?|file|dns|tls|ja3s?|ssh|smb|krb5|dcerpc|sip|smtp|ftp|mqtt|quic|snmp|dhcp|ike|dnp3|modbus|enip|rfb|pgsql|email|frame)\.[a-z0-9_.]+|startswith|endswith|bsize|app-layer-event|app-layer-protocol|flowint|dataset|datarep|xbits|decode-event|stream-event|target|noalert|dotprefix|to_lowercase|to_md5|to_sha1|to_sha256|pcrexform|strip_whitespace|url_decode|prefilter|transform)\s*[;:]/;

/** Snort 2 / Suricata content modifiers as options of their own; Snort 3 only knows them as sub-options. */
const STANDALONE_MODIFIER = /[;(]\s*(?:nocase|rawbytes|depth\s*:|offset\s*:|distance\s*:|within\s*:|fast_pattern\s*[;:])/;
const HTTP_BUFFER = /[;(]\s*http_(?:uri|raw_uri|header|raw_header|cookie|raw_cookie|client_body|raw_body|method|stat_code|stat_msg)\s*[;:]/;
const MATCH_OPTION = /[;(]\s*(?:content|uricontent|pcre)\s*:/;

type Vote = 'snort3' | 'suricata' | 'modifiers' | 'appHeader';

export function detectFlavour(text: string): Flavour {
  return guessFlavour(splitRuleStatements(text)).flavour;
}

export function guessFlavour(statements: readonly Statement[]): FlavourGuess {
  const votes: Record<Vote, number> = { snort3: 0, suricata: 0, modifiers: 0, appHeader: 0 };
  const first: Partial<Record<Vote, string>> = {};
  for (const statement of statements) {
    if (statement.kind === 'variable' || statement.kind === 'directive') continue;
    const vote = voteOf(statement);
    if (vote === null) continue;
    votes[vote.vote]++;
    first[vote.vote] ??= `${vote.why} (line ${statement.line})`;
  }
  // Snort 3 constructs make Snort 2 and Suricata parsers fail, and vice versa, so the majority decides a
  // mixed file; ties go to the flavour whose constructs cannot be mistaken (dotted buffers, service headers).
  if (votes.suricata > 0 && votes.suricata >= votes.snort3) return { flavour: 'suricata', evidence: first.suricata ?? null };
  if (votes.snort3 > 0 && votes.snort3 >= votes.modifiers) return { flavour: 'snort3', evidence: first.snort3 ?? null };
  if (votes.appHeader > 0) return { flavour: 'suricata', evidence: first.appHeader ?? null };
  return { flavour: 'snort2', evidence: first.modifiers ?? null };
}

/**
 * The flavour one rule is unmistakably written in when it differs from its file's: a Snort 3 rule
 * (service header, sticky buffer first, ...) pasted into a Snort 2 or Suricata file would otherwise be
 * read with the file's modifier semantics and rejected. Null when the file's flavour fits the rule.
 */
export function ownFlavour(statement: Statement, fileFlavour: Flavour): { flavour: Flavour; why: string } | null {
  if (fileFlavour === 'snort3') return null;
  const vote = voteOf(statement);
  return vote?.vote === 'snort3' ? { flavour: 'snort3', why: vote.why } : null;
}

/** The strongest flavour signal of one rule, or null when it is written the same in every flavour. */
function voteOf(statement: Statement): { vote: Vote; why: string } | null {
  const text = statement.text;
  if (SNORT3_ACTION.test(text)) return { vote: 'snort3', why: `action '${text.trim().split(/\s/)[0]}'` };
  if (SURICATA_ACTION.test(text)) return { vote: 'suricata', why: `action '${text.trim().split(/\s/)[0]}'` };
  const open = text.indexOf('(');
  if (open < 0) return null;
  const header = text.slice(0, open);
  const body = text.slice(open).replace(QUOTED, '""');
  const suricata = SURICATA_OPTIONS.exec(body);
  if (suricata) return { vote: 'suricata', why: `Suricata keyword '${keywordIn(suricata[0])}'` };
  if (SERVICE_HEADER.test(header + '(') || NO_HEADER_PROTOCOL.test(header + '(')) return { vote: 'snort3', why: 'service header' };
  for (const [pattern, why] of SNORT3_OPTIONS) {
    const m = pattern.exec(body);
    if (m) return { vote: 'snort3', why: why(keywordIn(m[0])) };
  }
  const httpBuffer = HTTP_BUFFER.exec(body);
  if (httpBuffer) {
    const match = MATCH_OPTION.exec(body);
    if (match === null || httpBuffer.index < match.index) return { vote: 'snort3', why: 'http_* sticky buffer before any content' };
  }
  if (statement.kind === 'rule' && !statement.disabled && text.includes('\n')) return { vote: 'snort3', why: 'rule spread over lines without \\' };
  // Snort 2 headers only name transport protocols; with Snort 2-style modifiers, `alert http ... -> ...` is Suricata.
  const protocol = header.trim().split(/\s+/)[1]?.toLowerCase();
  if (protocol !== undefined && !SNORT2_PROTOCOLS.has(protocol)) return { vote: 'appHeader', why: `protocol '${protocol}' in a full header` };
  if (STANDALONE_MODIFIER.test(body) || httpBuffer) return { vote: 'modifiers', why: 'content modifiers as options' };
  return null;
}

/** `; app-layer-event:` → `app-layer-event`. */
function keywordIn(match: string): string {
  return match.replace(/^[;(\s]+/, '').replace(/\s*[;:]$/, '');
}
